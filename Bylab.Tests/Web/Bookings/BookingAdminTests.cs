using System.Net;
using System.Text;
using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Bookings;

/// <summary>Staff decide on requests with the real forms; the organisation hears it by e-mail in its language, with a calendar file and the door code.</summary>
public sealed class BookingAdminTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private sealed record Request(int Id, string Purpose, string OrganiserEmail, string ContactEmail);

    /// <summary>An organiser (writing in <paramref name="culture"/>) of a new organisation asks for the meeting room through the service.</summary>
    private async Task<Request> RequestAsync(DayOfWeek day, int weeks, string culture = "nb", int hour = 18, bool canLogIn = false)
    {
        var organiser = await factory.Users.CreateAsync("Bjørn Bane", TestData.UniqueEmail("banenor"), canLogIn ? TestData.Password : null, culture, Roles.Organiser);
        var organisation = await factory.Bookings.OrganisationAsync("Bane NOR", memberIds: organiser.Id);
        var purpose = TestData.Unique("Informasjonsmøte om dobbeltsporet");
        var meeting = await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom);
        var id = Assert.Single(await factory.Bookings.RequestAsync(
            TestBookings.Input(organisation, meeting.Id, factory.Bookings.Date(day, weeks), hour, purpose: purpose), organiser.Id));
        var contact = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisation).Select(o => o.ContactEmail).SingleAsync());
        return new Request(id, purpose, organiser.Email!, contact);
    }

    [Fact]
    public async Task StaffApproveFromTheQueueAndTheOrganiserGetsTheApprovalInNynorskWithTheCalendarFileAndTheCode()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var request = await RequestAsync(DayOfWeek.Tuesday, 7, culture: "nn");

        var queue = await staff.GetPageAsync("/admin/bookinger");
        Assert.NotNull(queue.QuerySelector($"a[href='/admin/bookinger/{request.Id}']"));
        var page = await staff.GetPageAsync($"/admin/bookinger/{request.Id}");
        Assert.Contains("Kolliderer ikke", page.QuerySelector("#assessment")!.TextContent);
        var response = await staff.SubmitAsync(page, new Dictionary<string, string>(), $"form[action='/admin/bookinger/{request.Id}/godkjenn']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(BookingStatus.Approved, (await factory.Bookings.StoredAsync(request.Id)).Status);
        var after = await staff.GetPageAsync($"/admin/bookinger/{request.Id}");
        Assert.Contains("godkjent", after.QuerySelector("[role=status]")!.TextContent);
        var code = (await factory.WithAsync((IDoorLock d) => d.ForBookingAsync(request.Id, default)))!.Code;

        var mail = Assert.Single(await factory.OutboxForAsync(request.OrganiserEmail));
        Assert.StartsWith($"Godkjend: {request.Purpose}", mail.Subject);
        Assert.Contains($"Kode til døra: {code}", mail.TextBody);
        Assert.Contains("Nøklar og dør: Hoveddøren i Torggata har kodelås.", mail.TextBody);
        Assert.Contains($"http://localhost/lokalet/bookinger/{request.Id}", mail.TextBody);
        var ics = Assert.Single(mail.Attachments, a => a.FileName.EndsWith(".ics"));
        var item = Assert.Single(Calendar.Load(Encoding.UTF8.GetString(ics.Content))!.Events);
        Assert.Equal((BookingCalendar.Uid(request.Id), request.Purpose, 18), (item.Uid, item.Summary, item.DtStart!.Hour));
        // The organisation's contact gets it too, in bokmål.
        Assert.StartsWith("Godkjent: ", Assert.Single(await factory.OutboxForAsync(request.ContactEmail)).Subject);
    }

    [Fact]
    public async Task ARejectionNeedsAReasonWhichTheOrganiserIsTold()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var request = await RequestAsync(DayOfWeek.Wednesday, 7);

        var refused = await staff.SubmitAsync($"/admin/bookinger/{request.Id}", new Dictionary<string, string> { ["Reject.Reason"] = " " }, "#reject-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await BylabClient.ParseAsync(refused);
        Assert.Contains("Skriv en begrunnelse", page.QuerySelector("#Reject_Reason-error")!.TextContent);
        Assert.Equal(BookingStatus.Pending, (await factory.Bookings.StoredAsync(request.Id)).Status);

        var rejected = await staff.SubmitAsync(page, new Dictionary<string, string> { ["Reject.Reason"] = "Lokalet er reservert for valget den uken." }, "#reject-form");

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal((BookingStatus.Rejected, "Lokalet er reservert for valget den uken."),
            ((await factory.Bookings.StoredAsync(request.Id)).Status, (await factory.Bookings.StoredAsync(request.Id)).RejectionReason));
        var mail = Assert.Single(await factory.OutboxForAsync(request.OrganiserEmail));
        Assert.StartsWith("Avslått: ", mail.Subject);
        Assert.Contains("Lokalet er reservert for valget den uken.", mail.TextBody);
    }

    [Fact]
    public async Task StaffSuggestAnotherTimeTheOrganiserTakesIt()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var request = await RequestAsync(DayOfWeek.Thursday, 7, canLogIn: true);
        var date = factory.Bookings.Date(DayOfWeek.Thursday, 7);

        var refused = await staff.SubmitAsync($"/admin/bookinger/{request.Id}", new Dictionary<string, string>
        {
            ["Suggest.StartsAt"] = $"{date:yyyy-MM-dd}T12:00", ["Suggest.EndsAt"] = $"{date:yyyy-MM-dd}T11:00",
        }, "#suggest-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await BylabClient.ParseAsync(refused);
        Assert.Contains("Slutten må være etter starten.", page.QuerySelector("#Suggest_EndsAt-error")!.TextContent);
        Assert.Equal($"{date:yyyy-MM-dd}T12:00", page.FieldValue("Suggest.StartsAt"));

        var suggested = await staff.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Suggest.EndsAt"] = $"{date:yyyy-MM-dd}T14:00", ["Suggest.Message"] = "Kvelden er opptatt; passer midt på dagen?",
        }, "#suggest-form");

        Assert.Equal(HttpStatusCode.Redirect, suggested.StatusCode);
        var mail = Assert.Single(await factory.OutboxForAsync(request.OrganiserEmail));
        Assert.StartsWith("Forslag om annen tid: ", mail.Subject);
        Assert.Contains("Kvelden er opptatt; passer midt på dagen?", mail.TextBody);
        var organiser = factory.CreateBylabClient();
        await organiser.LogInAsync(request.OrganiserEmail, TestData.Password);
        var details = await organiser.GetPageAsync($"/lokalet/bookinger/{request.Id}");
        var accepted = await organiser.SubmitAsync(details, new Dictionary<string, string>(), $"form[action='/lokalet/bookinger/{request.Id}/godta']");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await factory.Bookings.StoredAsync(request.Id);
        Assert.Equal((BookingStatus.Approved, TestBookings.Oslo(date, 12)), (stored.Status, stored.StartsAt));
    }

    [Fact]
    public async Task StaffBlockTimeForTheMunicipalityAndBadTimesAreRefusedWithTheInputKept()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var whole = await factory.Bookings.SpaceAsync(TestBookings.Whole);
        var date = factory.Bookings.Date(DayOfWeek.Friday, 8);
        var purpose = TestData.Unique("Folkemøte om budsjettet");
        var fields = new Dictionary<string, string>
        {
            ["SpaceId"] = whole.Id.ToString(), ["StartsAt"] = $"{date:yyyy-MM-dd}T19:00", ["EndsAt"] = $"{date:yyyy-MM-dd}T18:00", ["Purpose"] = purpose,
        };

        var refused = await staff.SubmitAsync("/admin/bookinger/blokker", fields, "#block-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await BylabClient.ParseAsync(refused);
        Assert.Contains("Slutten må være etter starten.", page.QuerySelector("#EndsAt-error")!.TextContent);
        Assert.Equal(purpose, page.FieldValue("Purpose"));
        Assert.False(await factory.WithDbAsync(db => db.Bookings.AnyAsync(b => b.Purpose == purpose)));

        // Past the lending hours (Friday closes at 18): staff may.
        var blocked = await staff.SubmitAsync(page, new Dictionary<string, string> { ["EndsAt"] = $"{date:yyyy-MM-dd}T22:00" }, "#block-form");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Purpose == purpose));
        Assert.Equal((BookingKind.Block, BookingStatus.Approved), (stored.Kind, stored.Status));

        // The same evening again: taken, and what holds it is named.
        var twice = await staff.SubmitAsync("/admin/bookinger/blokker", new Dictionary<string, string>
        {
            ["SpaceId"] = (await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom)).Id.ToString(), ["StartsAt"] = $"{date:yyyy-MM-dd}T20:00",
            ["EndsAt"] = $"{date:yyyy-MM-dd}T21:00", ["Purpose"] = "Dobbelt",
        }, "#block-form");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains(purpose, (await BylabClient.ParseAsync(twice)).Body!.TextContent);
    }

    [Fact]
    public async Task StaffMoveAndCancelBookingsAndTheOrganisationIsToldWhy()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var moving = await RequestAsync(DayOfWeek.Monday, 8);
        var cancelling = await RequestAsync(DayOfWeek.Tuesday, 8);
        var staffId = (await factory.Users.CreateAsync("Sindre Bylab-ansatt", roles: [Roles.Staff])).Id;
        foreach (var id in new[] { moving.Id, cancelling.Id })
        {
            Assert.Equal(BookingOutcome.Done, (await factory.WithAsync((BookingDecisionService s) => s.ApproveAsync(id, staffId))).Outcome);
        }
        var date = factory.Bookings.Date(DayOfWeek.Monday, 8);

        var noReason = await staff.SubmitAsync($"/admin/bookinger/{moving.Id}/flytt", new Dictionary<string, string>
        {
            ["StartsAt"] = $"{date:yyyy-MM-dd}T10:00", ["EndsAt"] = $"{date:yyyy-MM-dd}T12:00",
        }, "#move-form");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.NotNull((await BylabClient.ParseAsync(noReason)).QuerySelector("#Reason-error"));
        var moved = await staff.SubmitAsync($"/admin/bookinger/{moving.Id}/flytt", new Dictionary<string, string>
        {
            ["StartsAt"] = $"{date:yyyy-MM-dd}T10:00", ["EndsAt"] = $"{date:yyyy-MM-dd}T12:00", ["Reason"] = "Møterommet males den kvelden.",
        }, "#move-form");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(TestBookings.Oslo(date, 10), (await factory.Bookings.StoredAsync(moving.Id)).StartsAt);
        Assert.Contains(await factory.OutboxForAsync(moving.OrganiserEmail), m => m.Subject.StartsWith("Endret av Bylab") && m.TextBody.Contains("Møterommet males den kvelden."));

        var cancelled = await staff.SubmitAsync($"/admin/bookinger/{cancelling.Id}/avlys", new Dictionary<string, string> { ["Reason"] = "Vannlekkasje i lokalet." }, "#staff-cancel-form");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, (await factory.Bookings.StoredAsync(cancelling.Id)).Status);
        Assert.Contains(await factory.OutboxForAsync(cancelling.OrganiserEmail), m => m.Subject.StartsWith("Avbestilt av Bylab") && m.TextBody.Contains("Vannlekkasje"));
    }

    [Fact]
    public async Task TheStatisticsAreExportedAsCsv()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var organisation = await factory.Bookings.OrganisationAsync("Trepartssamarbeidet");
        var meeting = await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom);
        await factory.Bookings.AddAsync(organisation, meeting, TestEvents.Oslo(2029, 3, 6, 9), TestEvents.Oslo(2029, 3, 6, 11, 30));

        var page = await staff.GetPageAsync("/admin/bookinger/statistikk?ar=2029");
        var csv = await staff.Http.GetAsync("/admin/bookinger/statistikk.csv?ar=2029");

        Assert.Contains("Trepartssamarbeidet", page.Body!.TextContent);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var row = lines[1].TrimEnd('\r').Split(';');
        Assert.Equal(["2029", "03", TestBookings.MeetingRoom, "2,5"], new[] { row[0], row[1], row[3], row[4] });
        Assert.StartsWith("Trepartssamarbeidet", row[2]);
    }

    [Fact]
    public async Task StaffCheckADoorCodeAtATime()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var request = await RequestAsync(DayOfWeek.Wednesday, 8, hour: 12);
        var staffId = (await factory.Users.CreateAsync("Sindre", roles: [Roles.Staff])).Id;
        await factory.WithAsync((BookingDecisionService s) => s.ApproveAsync(request.Id, staffId));
        var code = (await factory.WithAsync((IDoorLock d) => d.ForBookingAsync(request.Id, default)))!;
        var during = Bylab.Web.Features.Organise.EventForm.Local(code.ValidFrom.AddMinutes(5));
        var after = Bylab.Web.Features.Organise.EventForm.Local(code.ValidUntil.AddMinutes(5));

        var valid = await BylabClient.ParseAsync(await staff.SubmitAsync("/admin/lokale/dor", new Dictionary<string, string> { ["Code"] = code.Code, ["At"] = during }, "#door-form"));
        var invalid = await BylabClient.ParseAsync(await staff.SubmitAsync("/admin/lokale/dor", new Dictionary<string, string> { ["Code"] = code.Code, ["At"] = after }, "#door-form"));
        var malformed = await BylabClient.ParseAsync(await staff.SubmitAsync("/admin/lokale/dor", new Dictionary<string, string> { ["Code"] = "12ab" }, "#door-form"));

        Assert.Contains("Gyldig", valid.QuerySelector("#door-answer")!.TextContent);
        Assert.Contains(request.Purpose, valid.QuerySelector("#door-answer")!.TextContent);
        Assert.Contains("Ikke gyldig", invalid.QuerySelector("#door-answer")!.TextContent);
        Assert.NotNull(malformed.QuerySelector("#Code-error"));
        Assert.Equal("12ab", malformed.FieldValue("Code"));
    }

    [Fact]
    public async Task TheStaffFeedLinkIsShownOnceWorksAndStopsWhenRevoked()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var organisation = await factory.Bookings.OrganisationAsync("KS");
        var whole = await factory.Bookings.SpaceAsync(TestBookings.Whole);
        var date = factory.Bookings.Date(DayOfWeek.Thursday, 9);
        var secret = TestData.Unique("KS internt styremøte");
        var open = TestData.Unique("KS åpent nettverksmøte");
        await factory.Bookings.AddAsync(organisation, whole, TestBookings.Oslo(date, 9), TestBookings.Oslo(date, 11), secret);
        await factory.Bookings.AddAsync(organisation, whole, TestBookings.Oslo(date, 18), TestBookings.Oslo(date, 20), open, isPublic: true);

        var made = await staff.SubmitAsync("/admin/bookinger/kalenderlenke", new Dictionary<string, string>(), "form[action='/admin/bookinger/kalenderlenke']");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var link = (await BylabClient.ParseAsync(made)).QuerySelector("#feed-link")!.GetAttribute("value")!;
        Assert.StartsWith("http://localhost/lokalet/intern/", link);
        Assert.DoesNotContain(link, (await staff.GetPageAsync("/admin/bookinger/kalenderlenke")).DocumentElement.OuterHtml);

        using var calendarApp = factory.CreateBylabClient();
        var feed = await calendarApp.Http.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var titles = Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events.Select(e => e.Summary).ToList();
        Assert.Contains(secret, titles);
        Assert.Contains(open, titles);
        var publicTitles = Calendar.Load(await calendarApp.Http.GetStringAsync("/lokalet/kalender.ics"))!.Events.Select(e => e.Summary).ToList();
        Assert.Contains(open, publicTitles);
        Assert.DoesNotContain(secret, publicTitles);

        await staff.SubmitAsync("/admin/bookinger/kalenderlenke", new Dictionary<string, string>(), "form[action='/admin/bookinger/kalenderlenke/trekk-tilbake']");
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }
}
