using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Bookings;

/// <summary>An organiser asks for the venue with the real form, follows the request, changes and cancels it; bad input is named on its field.</summary>
public sealed class BookingRequestFormTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private const string Form = "#booking-form";

    private sealed record Organiser(BylabClient Client, string UserId, int OrganisationId, string Email);

    private async Task<Organiser> OrganiserAsync(int? quota = null, string culture = "nb")
    {
        var email = TestData.UniqueEmail("arrangor");
        var user = await factory.Users.CreateAsync("Sara Ungdom", email, TestData.Password, culture, Roles.Organiser);
        var organisation = await factory.Bookings.OrganisationAsync("Ungdomsrådet", quota, user.Id);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
        return new Organiser(client, user.Id, organisation, email);
    }

    private async Task<Dictionary<string, string>> FieldsAsync(Organiser o, DateOnly date, string start = "18:00", string end = "20:00", string? purpose = null) =>
        new()
        {
            ["OrganisationId"] = o.OrganisationId.ToString(),
            ["SpaceId"] = (await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom)).Id.ToString(),
            ["Date"] = date.ToString("yyyy-MM-dd"),
            ["StartTime"] = start,
            ["EndTime"] = end,
            ["Purpose"] = purpose ?? TestData.Unique("Ungdomsrådets møte"),
            ["Notes"] = "Vi trenger skjerm til presentasjonen.",
            ["ExpectedPeople"] = "12",
            ["Repeat"] = "None",
        };

    private Task<List<Booking>> StoredAsync(string purpose) =>
        factory.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.Purpose == purpose).OrderBy(b => b.StartsAt).ToListAsync());

    private static string ErrorOf(IHtmlDocument page, string field) =>
        page.QuerySelector($"#{field}-error")?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No error on {field}: {string.Join(" | ", page.ErrorSummary())}");

    [Fact]
    public async Task AnOrganiserAsksForFreeTimeFromTheCalendarAndFollowsTheRequest()
    {
        var o = await OrganiserAsync();
        var date = factory.Bookings.Date(DayOfWeek.Wednesday, 2);
        var meeting = await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom);

        var week = await o.Client.GetPageAsync($"/lokalet/kalender?dato={date:yyyy-MM-dd}&rom={meeting.Id}");
        var link = week.QuerySelectorAll<IHtmlAnchorElement>($"[aria-labelledby='day-{date:yyyy-MM-dd}'] .venue-item--free a")
            .First().GetAttribute("href")!;
        Assert.StartsWith("/lokalet/bookinger/ny?", link);
        var form = await o.Client.GetPageAsync(link);
        Assert.Equal(date.ToString("yyyy-MM-dd"), form.FieldValue("Date"));
        Assert.Equal(meeting.Id.ToString(), form.QuerySelector<IHtmlSelectElement>("#SpaceId")!.Value);
        Assert.Equal(o.OrganisationId.ToString(), form.QuerySelector<IHtmlSelectElement>("#OrganisationId")!.Value);

        var purpose = TestData.Unique("Ungdomsrådets månedsmøte");
        var response = await o.Client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["StartTime"] = "17:00", ["EndTime"] = "19:00", ["Purpose"] = purpose, ["ExpectedPeople"] = "12", ["Equipment"] = "Screen",
        }, Form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await StoredAsync(purpose));
        Assert.Equal($"/lokalet/bookinger/{stored.Id}", response.Headers.Location!.ToString());
        Assert.Equal((TestBookings.Oslo(date, 17), Bylab.Core.Venue.SpaceEquipment.Screen, BookingStatus.Pending), (stored.StartsAt, stored.Equipment, stored.Status));
        var details = await o.Client.GetPageAsync($"/lokalet/bookinger/{stored.Id}");
        Assert.Contains("Forespørselen er sendt", details.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Pending", details.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Null(details.QuerySelector("#door-code"));
        var mine = await o.Client.GetPageAsync("/lokalet/bookinger");
        Assert.Contains(purpose, mine.Body!.TextContent);

        // Changed while it waits.
        var edit = await o.Client.SubmitAsync($"/lokalet/bookinger/{stored.Id}/endre", new Dictionary<string, string> { ["StartTime"] = "10:00", ["EndTime"] = "12:00" }, Form);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(TestBookings.Oslo(date, 10), (await factory.Bookings.StoredAsync(stored.Id)).StartsAt);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "end-before-start", "EndTime", "Slutten må være etter starten." },
        { "zero-length", "EndTime", "Slutten må være etter starten." },
        { "whole-day", "EndTime", "høyst 8 timer" },
        { "outside-hours", "StartTime", "08:00–22:00" },
        { "closed-day", "Date", "Lokalet er stengt" },
        { "public-holiday", "Date", "Lokalet er stengt" },
        { "in-the-past", "Date", "Tidspunktet har allerede vært." },
        { "more-people-than-room", "ExpectedPeople", "har plass til 14 personer" },
        { "over-quota", "OrganisationId", "kvote på 1 timer" },
        { "another-organisation", "OrganisationId", "organisasjon du er medlem av" },
        { "forged-space", "SpaceId", "Velg et rom fra lista." },
        { "not-a-date", "Date", "åååå-mm-dd" },
        { "spring-forward", "StartTime", "Klokka 02:30 finnes ikke" },
        { "no-purpose", "Purpose", "Skriv hva lokalet skal brukes til." },
        { "forged-organisation", "OrganisationId", "organisasjon du er medlem av" },
        { "nynorsk-end-before-start", "EndTime", "Slutten må vere etter starten." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsNamedOnItsFieldTheFormKeepsWhatWasTypedAndNothingIsStored(string name, string field, string message)
    {
        var o = await OrganiserAsync(quota: name == "over-quota" ? 1 : null);
        var date = factory.Bookings.Date(DayOfWeek.Tuesday, 3);
        var fields = await FieldsAsync(o, date);
        var purpose = fields["Purpose"];
        switch (name)
        {
            case "end-before-start": fields["EndTime"] = "17:00"; break;
            case "zero-length": fields["EndTime"] = "18:00"; break;
            case "whole-day": (fields["StartTime"], fields["EndTime"]) = ("08:00", "22:00"); break;
            case "outside-hours": (fields["StartTime"], fields["EndTime"]) = ("06:00", "07:30"); break;
            case "closed-day": fields["Date"] = factory.Bookings.Date(DayOfWeek.Sunday, 3).ToString("yyyy-MM-dd"); break;
            case "public-holiday": fields["Date"] = NextHolidayOnAWeekday().ToString("yyyy-MM-dd"); (fields["StartTime"], fields["EndTime"]) = ("10:00", "12:00"); break;
            case "in-the-past": fields["Date"] = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"); break;
            case "more-people-than-room": fields["ExpectedPeople"] = "15"; break;
            case "over-quota": break;
            case "another-organisation": fields["OrganisationId"] = (await factory.Bookings.OrganisationAsync("Dark Arkitekter")).ToString(); break;
            case "forged-space": fields["SpaceId"] = "99999"; break;
            case "not-a-date": fields["Date"] = "31.12.2027"; break;
            case "spring-forward": (fields["Date"], fields["StartTime"], fields["EndTime"]) = ("2027-03-28", "02:30", "04:00"); break;
            case "no-purpose": fields["Purpose"] = ""; break;
            case "forged-organisation": fields["OrganisationId"] = "99999"; break;
            case "nynorsk-end-before-start":
                fields["EndTime"] = "17:00";
                await o.Client.SubmitAsync("/", new Dictionary<string, string> { ["culture"] = "nn" }, "form.language-switcher");
                break;
        }
        var before = await factory.WithDbAsync(db => db.Bookings.CountAsync());

        var response = await o.Client.SubmitAsync("/lokalet/bookinger/ny", fields, Form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Contains(message, ErrorOf(page, field));
        Assert.Contains(page.QuerySelectorAll(".ds-error-summary a"), a => a.GetAttribute("href") == $"#{field}");
        Assert.Equal(fields["Date"], page.FieldValue("Date"));
        Assert.Equal(fields["StartTime"], page.FieldValue("StartTime"));
        Assert.Equal(fields["Purpose"], page.FieldValue("Purpose"));
        Assert.Equal("Vi trenger skjerm til presentasjonen.", page.FieldValue("Notes"));
        Assert.Equal(fields["ExpectedPeople"], page.FieldValue("ExpectedPeople"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Bookings.CountAsync()));
        Assert.Empty(await StoredAsync(purpose));
    }

    /// <summary>A public holiday on a Monday–Friday more than three days from now and less than 120 days ahead.</summary>
    private static DateOnly NextHolidayOnAWeekday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Enumerable.Range(today.Year, 2).SelectMany(Bylab.Core.Venue.NorwegianHolidays.For)
            .Select(h => h.Date).First(d => d > today.AddDays(3) && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Fact]
    public async Task AFortnightlySeriesShowsTheDateThatCollidesAndIsSentWithoutIt()
    {
        var o = await OrganiserAsync();
        var first = factory.Bookings.Date(DayOfWeek.Monday, 4);
        var other = await factory.Bookings.OrganisationAsync("KS");
        var secret = TestData.Unique("KS internt");
        await factory.Bookings.AddAsync(other, await factory.Bookings.SpaceAsync(TestBookings.Whole), TestBookings.Oslo(first.AddDays(14), 17), TestBookings.Oslo(first.AddDays(14), 21), secret);
        var fields = await FieldsAsync(o, first);
        fields["Repeat"] = "Fortnightly";
        fields["Occurrences"] = "3";

        var listed = await o.Client.SubmitAsync("/lokalet/bookinger/ny", fields, Form);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var page = await BylabClient.ParseAsync(listed);
        var problems = page.QuerySelector("#date-problems")!.TextContent;
        Assert.Contains("1 av datoene kan ikke bookes", problems);
        Assert.Contains("Opptatt", problems);
        Assert.DoesNotContain(secret, page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("#Repeat-Fortnightly[checked]"));
        Assert.Empty(await StoredAsync(fields["Purpose"]));

        var sent = await o.Client.SubmitAsync(page, new Dictionary<string, string> { ["LeaveOutProblemDates"] = "true" }, Form);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = await StoredAsync(fields["Purpose"]);
        Assert.Equal([first, first.AddDays(28)], stored.Select(b => DateOnly.FromDateTime(Bylab.Core.Time.OsloTime.ToOslo(b.StartsAt))));
        var details = await o.Client.GetPageAsync(sent.Headers.Location!.ToString());
        Assert.Contains("2 datoer", details.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task AnotherOrganisationsBookingAnswersNotFoundAndStaysAsItWas()
    {
        var o = await OrganiserAsync();
        var other = await factory.Bookings.OrganisationAsync("Co Urban");
        var date = factory.Bookings.Date(DayOfWeek.Thursday, 5);
        var theirs = await factory.Bookings.AddAsync(other, await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom), TestBookings.Oslo(date, 9), TestBookings.Oslo(date, 10),
            TestData.Unique("Co Urban"), status: BookingStatus.Pending, isPublic: true);
        var token = BylabClient.TokenFrom(await o.Client.GetPageAsync("/lokalet/bookinger/ny"));

        foreach (var path in new[] { "", "/endre", "/avbestill" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await o.Client.Http.GetAsync($"/lokalet/bookinger/{theirs.Id}{path}")).StatusCode);
        }
        foreach (var path in new[] { "/endre", "/avbestill", "/godta", "/arrangement" })
        {
            var response = await o.Client.PostRawAsync($"/lokalet/bookinger/{theirs.Id}{path}", [new("__RequestVerificationToken", token), new("Confirm", "true"),
                new("OrganisationId", o.OrganisationId.ToString()), new("Purpose", "Kapret"), new("Date", date.ToString("yyyy-MM-dd")), new("StartTime", "09:00"),
                new("EndTime", "10:00"), new("ExpectedPeople", "2"), new("SpaceId", theirs.SpaceId.ToString()), new("Repeat", "None")]);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {(int)response.StatusCode}");
        }
        var stored = await factory.Bookings.StoredAsync(theirs.Id);
        Assert.Equal((BookingStatus.Pending, theirs.Purpose, other), (stored.Status, stored.Purpose, stored.OrganisationId));
    }

    [Fact]
    public async Task AnOrganiserCancelsAnApprovedBookingWithATickAndTheDoorCodeStops()
    {
        var o = await OrganiserAsync();
        var date = factory.Bookings.Date(DayOfWeek.Wednesday, 6);
        var fields = await FieldsAsync(o, date);
        Assert.Equal(HttpStatusCode.Redirect, (await o.Client.SubmitAsync("/lokalet/bookinger/ny", fields, Form)).StatusCode);
        var booking = Assert.Single(await StoredAsync(fields["Purpose"]));
        var staff = (await factory.Users.CreateAsync("Sindre Bylab-ansatt", roles: [Roles.Staff])).Id;
        Assert.Equal(BookingOutcome.Done, (await factory.WithAsync((BookingDecisionService s) => s.ApproveAsync(booking.Id, staff))).Outcome);
        var details = await o.Client.GetPageAsync($"/lokalet/bookinger/{booking.Id}");
        var code = details.QuerySelector("#door-code")!.TextContent.Trim();
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Contains("Sett bord og stoler tilbake", details.Body!.TextContent);

        var refused = await o.Client.SubmitAsync($"/lokalet/bookinger/{booking.Id}/avbestill", new Dictionary<string, string>(), "main form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["Kryss av for at du vil avbestille."], (await BylabClient.ParseAsync(refused)).ErrorSummary());
        Assert.Equal(BookingStatus.Approved, (await factory.Bookings.StoredAsync(booking.Id)).Status);

        var cancelled = await o.Client.SubmitAsync($"/lokalet/bookinger/{booking.Id}/avbestill", new Dictionary<string, string> { ["Confirm"] = "true" }, "main form");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var stored = await factory.Bookings.StoredAsync(booking.Id);
        Assert.Equal((BookingStatus.Cancelled, false), (stored.Status, stored.IsLateCancellation));
        var after = await o.Client.GetPageAsync($"/lokalet/bookinger/{booking.Id}");
        Assert.Null(after.QuerySelector("#door-code"));
        var venueId = (await factory.Bookings.SpaceAsync()).VenueId;
        Assert.False((await factory.WithAsync((IDoorLock d) => d.CheckAsync(venueId, code, stored.StartsAt, default))).Valid);
    }

    [Fact]
    public async Task ABookingOpenToThePublicBecomesAnEventInTheProgrammeInOneStep()
    {
        var o = await OrganiserAsync();
        var date = factory.Bookings.Date(DayOfWeek.Thursday, 7);
        var fields = await FieldsAsync(o, date, purpose: TestData.Unique("Informasjonskveld om Vikingskipet"));
        fields["IsPublic"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await o.Client.SubmitAsync("/lokalet/bookinger/ny", fields, Form)).StatusCode);
        var booking = Assert.Single(await StoredAsync(fields["Purpose"]));
        var staff = (await factory.Users.CreateAsync("Sindre Bylab-ansatt", roles: [Roles.Staff])).Id;
        await factory.WithAsync((BookingDecisionService s) => s.ApproveAsync(booking.Id, staff));

        var details = await o.Client.GetPageAsync($"/lokalet/bookinger/{booking.Id}");
        var response = await o.Client.SubmitAsync(details, new Dictionary<string, string>(), $"form[action='/lokalet/bookinger/{booking.Id}/arrangement']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ev = await factory.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.BookingId == booking.Id));
        Assert.Equal($"/arrangor/arrangementer/{ev.Id}/rediger", response.Headers.Location!.ToString());
        Assert.Equal((Bylab.Core.Events.EventStatus.Published, fields["Purpose"], booking.StartsAt, booking.EndsAt, o.OrganisationId),
            (ev.Status, ev.Title, ev.StartsAt, ev.EndsAt, ev.OrganisationId));
        Assert.Contains(fields["Purpose"], (await o.Client.GetPageAsync("/arrangementer")).Body!.TextContent);
        // The booking carries the event now: it is not cancelled under it.
        var cancel = await o.Client.SubmitAsync($"/lokalet/bookinger/{booking.Id}/avbestill", new Dictionary<string, string> { ["Confirm"] = "true" }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Contains("Avlys eller flytt arrangementet", (await o.Client.GetPageAsync($"/lokalet/bookinger/{booking.Id}")).Body!.TextContent);
        Assert.Equal(BookingStatus.Approved, (await factory.Bookings.StoredAsync(booking.Id)).Status);
    }

    [Fact]
    public async Task InEnglishWhatABookingIsForIsMarkedAsWrittenInBokmal()
    {
        var o = await OrganiserAsync();
        var date = factory.Bookings.Date(DayOfWeek.Friday, 6);
        var meeting = await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom);
        var purpose = TestData.Unique("Styremøte i Ungdomsrådet");
        var booking = await factory.Bookings.AddAsync(o.OrganisationId, meeting, TestBookings.Oslo(date, 10), TestBookings.Oslo(date, 12), purpose);
        await o.Client.SubmitAsync("/", new Dictionary<string, string> { ["culture"] = "en" }, "form.language-switcher");

        var week = await o.Client.GetPageAsync($"/lokalet/kalender?dato={date:yyyy-MM-dd}&rom={meeting.Id}");
        Assert.Equal("en", week.DocumentElement.GetAttribute("lang"));
        Assert.Equal("nb", week.QuerySelectorAll(".venue-item__what").Single(e => e.TextContent.Contains(purpose)).GetAttribute("lang"));
        var details = await o.Client.GetPageAsync($"/lokalet/bookinger/{booking.Id}");
        Assert.Equal("nb", details.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("nb", (await o.Client.GetPageAsync("/lokalet/bookinger")).QuerySelectorAll("strong").Single(e => e.TextContent == purpose).GetAttribute("lang"));
    }

    [Fact]
    public async Task ACitizenMayNotAskForTheVenueAndAnAnonymousVisitorIsSentToLogIn()
    {
        var (citizen, _) = await factory.SignedInAsync("borger", Roles.Citizen);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.Http.GetAsync("/lokalet/bookinger/ny")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.Http.GetAsync("/lokalet/bookinger")).StatusCode);
        using var anonymous = factory.CreateBylabClient();
        var response = await anonymous.Http.GetAsync("/lokalet/bookinger/ny");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/logg-inn", response.Headers.Location!.ToString());
        // The venue and its calendar are public.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/lokalet")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/lokalet/kalender")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/lokalet/kalender/maned")).StatusCode);
    }

    [Fact]
    public async Task StaffOpenTheRequestFormAndAskForTheVenueForAnyOrganisation()
    {
        var o = await OrganiserAsync();
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var date = factory.Bookings.Date(DayOfWeek.Thursday, 2);

        var form = await staff.GetPageAsync("/lokalet/bookinger/ny");
        Assert.Contains(form.QuerySelectorAll<IHtmlOptionElement>("#OrganisationId option"), option => option.Value == o.OrganisationId.ToString());
        var purpose = TestData.Unique("Ungdomsrådets møte, bestilt av Bylab");
        var response = await staff.SubmitAsync(form, await FieldsAsync(o, date, purpose: purpose), Form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await StoredAsync(purpose));
        Assert.Equal((o.OrganisationId, BookingStatus.Pending), (stored.OrganisationId, stored.Status));
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/lokalet/bookinger/{stored.Id}")).StatusCode);
    }
}
