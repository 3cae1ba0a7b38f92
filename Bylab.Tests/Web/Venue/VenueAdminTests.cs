using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Venue;

/// <summary>Staff edit the venue, its hours and closed days, and its spaces; the calendar follows; bad input is named on its field.</summary>
public sealed class VenueAdminTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private Task<Bylab.Core.Venue.Venue> StoredAsync() =>
        factory.WithDbAsync(db => db.Venues.AsNoTracking().Include(v => v.LendingHours).Include(v => v.Closures).SingleAsync(v => v.Slug == Bylab.Core.Venue.Venue.BylabSlug));

    [Fact]
    public async Task StaffChangeTheLendingHoursAndTheCalendarFollows()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var page = await staff.GetPageAsync("/admin/lokale");
        Assert.Equal("22:00", page.FieldValue("Hours[2].LendCloses"));

        // Wednesdays lent until 20:00; Tuesdays' closing time before the opening time is refused first, with the form kept.
        var refused = await staff.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Hours[1].LendOpens"] = "18:00", ["Hours[1].LendCloses"] = "09:00", ["Hours[2].LendCloses"] = "20:00", ["Name"] = "",
        }, "#venue-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await BylabClient.ParseAsync(refused);
        Assert.Contains("Stengetiden må være etter åpningstiden.", form.QuerySelector("#Hours_1__LendCloses-error")!.TextContent);
        Assert.NotNull(form.QuerySelector("#Name-error"));
        Assert.Equal("09:00", form.FieldValue("Hours[1].LendCloses"));
        Assert.Equal("20:00", form.FieldValue("Hours[2].LendCloses"));
        Assert.Equal(new TimeOnly(22, 0), (await StoredAsync()).LendingHours.Single(h => h.Day == DayOfWeek.Wednesday).Closes);

        var saved = await staff.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Hours[1].LendOpens"] = "08:00", ["Hours[1].LendCloses"] = "22:00", ["Name"] = "Bylab Hamar",
            ["StreetAddress"] = "Torggata 20", ["AccessibilityInfo"] = "Trinnfri inngang fra Torggata; teleslynge i møterommet.",
            ["TidyingInstructions"] = "Sett stolene på plass og ta med søppelet ut.",
        }, "#venue-form");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var venue = await StoredAsync();
        Assert.Equal(new TimeOnly(20, 0), venue.LendingHours.Single(h => h.Day == DayOfWeek.Wednesday).Closes);
        Assert.Equal(("Torggata 20", "Sett stolene på plass og ta med søppelet ut."), (venue.StreetAddress, venue.TidyingInstructions));
        var about = (await staff.GetPageAsync("/lokalet")).Body!.TextContent;
        Assert.Contains("Torggata 20", about);
        Assert.Contains("Trinnfri inngang fra Torggata; teleslynge i møterommet.", about);
        var wednesday = factory.Bookings.Date(DayOfWeek.Wednesday, 1);
        var week = await staff.GetPageAsync($"/lokalet/kalender?dato={wednesday:yyyy-MM-dd}");
        Assert.Contains("08:00–20:00", week.QuerySelector($"[aria-labelledby='day-{wednesday:yyyy-MM-dd}']")!.TextContent);
    }

    [Fact]
    public async Task StaffAddAClosedDayTheCalendarShowsItAndRequestsAreRefused()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var day = factory.Bookings.Date(DayOfWeek.Thursday, 2);

        var refused = await staff.SubmitAsync("/admin/lokale/stengt", new Dictionary<string, string>
        {
            ["Kind"] = "OneOff", ["FirstDate"] = day.ToString("yyyy-MM-dd"), ["LastDate"] = day.AddDays(-1).ToString("yyyy-MM-dd"), ["Reason"] = "Fagdag for de ansatte",
        }, "#closure-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await BylabClient.ParseAsync(refused);
        Assert.NotNull(form.QuerySelector("#LastDate-error"));
        Assert.Equal("Fagdag for de ansatte", form.FieldValue("Reason"));
        Assert.Empty((await StoredAsync()).Closures);

        var added = await staff.SubmitAsync(form, new Dictionary<string, string> { ["LastDate"] = day.ToString("yyyy-MM-dd") }, "#closure-form");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var week = await staff.GetPageAsync($"/lokalet/kalender?dato={day:yyyy-MM-dd}");
        Assert.Contains("Fagdag for de ansatte", week.QuerySelector($"[aria-labelledby='day-{day:yyyy-MM-dd}']")!.TextContent);
        var closures = await staff.GetPageAsync("/admin/lokale/stengt");
        Assert.Contains("Fagdag for de ansatte", closures.Body!.TextContent);
        // The public holidays are listed, computed.
        Assert.Contains("1. juledag", closures.Body!.TextContent);

        var closure = Assert.Single((await StoredAsync()).Closures);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(closures, new Dictionary<string, string>(), $"form[action='/admin/lokale/stengt/{closure.Id}/slett']")).StatusCode);
        Assert.Empty((await StoredAsync()).Closures);
    }

    [Fact]
    public async Task StaffAddASpaceInsideTheWholeVenueAndALoopIsRefused()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var whole = await factory.Bookings.SpaceAsync(TestBookings.Whole);
        var meeting = await factory.Bookings.SpaceAsync(TestBookings.MeetingRoom);
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Lille møterom", ["ParentId"] = whole.Id.ToString(), ["Capacity"] = "6", ["SetupMinutes"] = "10", ["CleanupMinutes"] = "10",
            ["MinMinutes"] = "120", ["MaxMinutes"] = "60", ["MinNoticeHours"] = "24", ["MaxDaysAhead"] = "90", ["SortOrder"] = "3", ["IsActive"] = "true",
        };

        var refused = await staff.SubmitAsync("/admin/lokale/rom/ny", fields, "#space-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await BylabClient.ParseAsync(refused);
        Assert.Contains("minst like lang som korteste", form.QuerySelector("#MaxMinutes-error")!.TextContent);
        Assert.Equal("Lille møterom", form.FieldValue("Name"));
        Assert.False(await factory.WithDbAsync(db => db.Spaces.AnyAsync(s => s.Name == "Lille møterom")));

        var saved = await staff.SubmitAsync(form, new Dictionary<string, string> { ["MaxMinutes"] = "240" }, "#space-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var small = await factory.WithDbAsync(db => db.Spaces.AsNoTracking().SingleAsync(s => s.Name == "Lille møterom"));
        // It blocks the whole venue and is blocked by it, not by the meeting room beside it.
        var related = await factory.WithDbAsync(db => db.SpaceRelations.Where(r => r.SpaceId == small.Id).Select(r => r.RelatedId).OrderBy(i => i).ToListAsync());
        Assert.Equal(new[] { whole.Id, small.Id }.Order(), related);

        // The whole venue cannot be put inside the meeting room it contains.
        var loop = await staff.SubmitAsync($"/admin/lokale/rom/{whole.Id}", new Dictionary<string, string> { ["ParentId"] = meeting.Id.ToString() }, "#space-form");
        Assert.Equal(HttpStatusCode.OK, loop.StatusCode);
        Assert.Contains("inne i seg selv", (await BylabClient.ParseAsync(loop)).QuerySelector("#ParentId-error")!.TextContent);
        Assert.Null((await factory.Bookings.SpaceAsync(TestBookings.Whole)).ParentId);
    }
}
