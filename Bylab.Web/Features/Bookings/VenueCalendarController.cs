using System.Globalization;
using Bylab.Core.Bookings;
using Bylab.Core.Common;
using Bylab.Core.Organisations;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Bookings;

/// <summary>
/// The venue for everyone: what it is and how to borrow it, its calendar by week and by month (free and busy; titles
/// only where the viewer may see them), and the calendar feeds – public (open bookings and public events) and staff's
/// private one (everything, behind a revocable token).
/// </summary>
[AllowAnonymous]
public sealed class VenueCalendarController(
    VenueAgenda agenda, VenueAdminService venues, OrganisationService organisations, BookingFeeds feeds, TimeProvider time,
    IOptions<SiteOptions> site, IStringLocalizer<BookingsResource> l) : Controller
{
    private DateOnly Today => DateOnly.FromDateTime(OsloTime.ToOslo(time.GetUtcNow().UtcDateTime));

    [HttpGet("lokalet")]
    public async Task<IActionResult> About(CancellationToken ct)
    {
        var venue = await venues.FindAsync(Venue.BylabSlug, ct);
        if (venue is null)
        {
            return NotFound();
        }
        return View(new VenueAboutModel(venue, await venues.SpacesAsync(venue.Id, ct)));
    }

    [HttpGet("lokalet/kalender")]
    public async Task<IActionResult> Week([FromQuery(Name = "dato")] string? date, [FromQuery(Name = "rom")] int? spaceId, CancellationToken ct)
    {
        var day = ParseDate(date) ?? Today;
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var model = await agenda.RangeAsync(Venue.BylabSlug, spaceId, monday, monday.AddDays(6), await organisations.ViewerAsync(User, ct), ct);
        if (model is null)
        {
            return NotFound();
        }
        return View(new VenueCalendarPage(model, Today, CanRequest: User.IsInRole(Core.Accounts.Roles.Organiser) || Organise.EventAccess.ManagesAll(User)));
    }

    [HttpGet("lokalet/kalender/maned")]
    public async Task<IActionResult> Month([FromQuery(Name = "ar")] int? year, [FromQuery(Name = "maned")] int? month, [FromQuery(Name = "rom")] int? spaceId,
        CancellationToken ct)
    {
        var first = year is >= 2000 and <= 2100 && month is >= 1 and <= 12 ? new DateOnly(year.Value, month.Value, 1) : new DateOnly(Today.Year, Today.Month, 1);
        var model = await agenda.RangeAsync(Venue.BylabSlug, spaceId, first, first.AddMonths(1).AddDays(-1), await organisations.ViewerAsync(User, ct), ct);
        if (model is null)
        {
            return NotFound();
        }
        return View(new VenueCalendarPage(model, Today, CanRequest: false));
    }

    [HttpGet("lokalet/kalender.ics")]
    public async Task<IActionResult> PublicFeed(CancellationToken ct)
    {
        var ics = BookingCalendar.Feed(l["Feed.PublicName"].Value, Entries(await feeds.BookingsAsync(publicOnly: true, ct)), time.GetUtcNow().UtcDateTime);
        Response.Headers.CacheControl = "public, max-age=3600";
        return File(CalendarFiles.Bytes(ics), CalendarFiles.ContentType);
    }

    /// <summary>Staff's private feed of the whole calendar; an unknown or revoked token is a plain 404.</summary>
    [HttpGet("lokalet/intern/{token}.ics")]
    public async Task<IActionResult> StaffFeed(string token, CancellationToken ct)
    {
        if (!await feeds.IsValidAsync(token, ct))
        {
            return NotFound();
        }
        var ics = BookingCalendar.Feed(l["Feed.StaffName"].Value, Entries(await feeds.BookingsAsync(publicOnly: false, ct)), time.GetUtcNow().UtcDateTime);
        Response.Headers.CacheControl = "no-store";
        return File(CalendarFiles.Bytes(ics), CalendarFiles.ContentType);
    }

    private List<BookingCalendarEntry> Entries(IEnumerable<FeedBooking> bookings) => bookings.Select(b => new BookingCalendarEntry(
        b.Id, b.Title, b.StartsAt, b.EndsAt, b.Sequence, $"{b.SpaceName}, Bylab Hamar", b.OrganisationName, site.Value.Link(BookingPaths.Week + $"?dato={OsloTime.ToOslo(b.StartsAt):yyyy-MM-dd}"))).ToList();

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100 ? d : null;
}

public sealed record VenueAboutModel(Venue Venue, IReadOnlyList<Space> Spaces);

/// <param name="CanRequest">The viewer may ask for free time (an organiser, or staff): the calendar links to the form.</param>
public sealed record VenueCalendarPage(VenueAgendaModel Agenda, DateOnly Today, bool CanRequest);
