using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Events;

/// <summary>
/// The programme as iCalendar: a feed to subscribe to (all of it, or one theme), one event to import, a participant's
/// own copy (with the online link when they hold a place), and the participant's check-in QR code.
/// </summary>
[AllowAnonymous]
public sealed class CalendarController(
    BylabDbContext db,
    EventQueries queries,
    IOptions<SiteOptions> site,
    IOptions<EmailOptions> email,
    TimeProvider time,
    IStringLocalizer<EventsResource> l) : Controller
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [HttpGet("arrangementer/kalender.ics")]
    public async Task<IActionResult> Feed(string? tema, CancellationToken ct)
    {
        int? themeId = null;
        var name = l["Calendar.FeedName"].Value;
        if (!string.IsNullOrWhiteSpace(tema))
        {
            if (await db.Themes.AsNoTracking().Where(t => t.Slug == tema).Select(t => new { t.Id, t.Title }).FirstOrDefaultAsync(ct) is not { } theme)
            {
                return NotFound();
            }
            themeId = theme.Id;
            name = l["Calendar.FeedNameTheme", theme.Title].Value;
        }
        var events = await queries.FeedAsync(themeId, ct);
        var ics = EventCalendar.Feed(name, events.Select(Entry).ToList(), Now, email.Value.From);
        // Calendar apps poll the feed; an hour matches its REFRESH-INTERVAL.
        Response.Headers.CacheControl = "public, max-age=3600";
        return File(EventCalendar.Bytes(ics), EventCalendar.ContentType);
    }

    [HttpGet("arrangementer/{slug}/kalender.ics")]
    public async Task<IActionResult> Event(string slug, CancellationToken ct)
    {
        // As EventQueries.BySlugAsync finds it (published, or cancelled after publication), but the entity itself:
        // the file needs its SEQUENCE, which EventDetails does not carry.
        var ev = await db.Events.AsNoTracking().Include(e => e.Venue)
            .FirstOrDefaultAsync(e => e.Slug == slug
                && (e.Status == EventStatus.Published || (e.Status == EventStatus.Cancelled && e.PublishedAt != null)), ct);
        if (ev is null)
        {
            return NotFound();
        }
        var ics = EventCalendar.Single(Entry(ev), Now, email.Value.From);
        return File(EventCalendar.Bytes(ics), EventCalendar.ContentType, ev.Slug + ".ics");
    }

    [HttpGet("pamelding/{token}/kalender.ics")]
    public async Task<IActionResult> Personal(string token, CancellationToken ct)
    {
        if (await RegistrationAsync(token, ct) is not { Event: { } ev } registration)
        {
            return NotFound();
        }
        var holdsPlace = registration.Status == RegistrationStatus.Confirmed && !ev.IsCancelled;
        var entry = Entry(ev) with { OnlineUrl = holdsPlace && ev.LocationKind == EventLocationKind.Online ? ev.OnlineUrl : null };
        // A cancelled sign-up gives a file that removes the event from the calendar it was imported into.
        var ics = EventCalendar.Single(entry, Now, email.Value.From, cancel: registration.Status == RegistrationStatus.Cancelled);
        Response.Headers.CacheControl = "no-store";
        return File(EventCalendar.Bytes(ics), EventCalendar.ContentType, ev.Slug + ".ics");
    }

    [HttpGet("pamelding/{token}/qr.png")]
    public async Task<IActionResult> Qr(string token, CancellationToken ct)
    {
        var code = await db.Registrations.AsNoTracking().Where(r => r.ManageToken == token).Select(r => r.CheckInCode).FirstOrDefaultAsync(ct);
        if (code is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(CheckInQr.Png(CheckInQr.Url(site.Value, code)), "image/png");
    }

    private CalendarEntry Entry(Event ev) =>
        new(ev, site.Value.Link("/arrangementer/" + ev.Slug), EventCalendar.LocationText(ev, l["Calendar.Online"].Value));

    /// <summary>
    /// The registration with its event and venue. Not RegistrationQueries.FindByTokenAsync: its RegistrationView lacks
    /// what the file needs (SEQUENCE, the venue's address parts).
    /// </summary>
    private Task<Registration?> RegistrationAsync(string token, CancellationToken ct) =>
        db.Registrations.AsNoTracking().Include(r => r.Event!).ThenInclude(e => e.Venue)
            .FirstOrDefaultAsync(r => r.ManageToken == token, ct);
}
