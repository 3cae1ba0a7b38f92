using Bylab.Core.Moderation;
using System.Globalization;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Events;

/// <summary>Read side of events: the programme, the month calendar, one event, participant lists and attendance.</summary>
/// <remarks>
/// The public sees published events, and cancelled ones that had been published (they stay with a notice);
/// never drafts, and never a draft that was cancelled before anyone saw it.
/// </remarks>
public sealed class EventQueries(BylabDbContext db, TimeProvider time, IOptions<EventOptions> options, EventPlaces places)
{
    /// <summary>How long an ended event stays in the iCalendar feed.</summary>
    public const int FeedDaysBack = 30;

    /// <summary>Names sorted as a Norwegian reader expects (… x, y, z, æ, ø, å).</summary>
    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.GetCultureInfo("nb-NO"), ignoreCase: true);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// What the public sees: published events and cancelled ones that were public, never drafts, and (the visibility
    /// rule) none that is hidden or held: <see cref="WithheldBySlugAsync"/> says why on its page.
    /// </summary>
    private IQueryable<Event> Public => WasPublished.PubliclyVisible();

    private IQueryable<Event> WasPublished => db.Events.AsNoTracking()
        .Where(e => e.Status == EventStatus.Published || (e.Status == EventStatus.Cancelled && e.PublishedAt != null));

    /// <summary>
    /// A published event that is hidden or held: what its page may say (state, reason, the moderator's note), never its
    /// title or text. Null when the slug names no such event.
    /// </summary>
    public async Task<ModerationView?> WithheldBySlugAsync(string slug, CancellationToken ct = default)
    {
        var ev = await WasPublished.Where(e => e.Slug == slug && e.ModerationState != ModerationState.Visible).FirstOrDefaultAsync(ct);
        return ev is null ? null : ModerationView.Of(ev);
    }

    /// <summary>Published and cancelled events that have not ended, soonest first. Drafts never.</summary>
    public async Task<Paged<EventListItem>> ProgrammeAsync(EventFilter filter, CancellationToken ct = default)
    {
        var now = Now;
        var page = Paged<EventListItem>.Clamp(filter.Page);
        var size = Math.Clamp(filter.PageSize ?? options.Value.PageSize, 1, 100);
        var query = Filtered(Public.Where(e => e.EndsAt > now), filter);
        var total = await query.CountAsync(ct);
        var items = await ItemsAsync(query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Skip((page - 1) * size).Take(size), now, ct);
        return new Paged<EventListItem>(items, page, size, total);
    }

    /// <summary>
    /// Published and cancelled events starting in that month, Oslo time (an event at 00:30 on the 1st belongs
    /// to that month, though it is still the previous month in UTC); Page and PageSize are ignored.
    /// A year outside 2000–2200 or a month outside 1–12 gives an empty list.
    /// </summary>
    public async Task<IReadOnlyList<EventListItem>> MonthAsync(int year, int month, EventFilter filter, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2200 || month is < 1 or > 12)
        {
            return [];
        }
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        // Midnight always exists in Oslo: the clocks change at 02:00 and 03:00.
        var from = OsloTime.ToUtc(first)!.Value;
        var to = OsloTime.ToUtc(first.AddMonths(1))!.Value;
        var now = Now;
        var query = Filtered(Public.Where(e => e.StartsAt >= from && e.StartsAt < to), filter);
        return await ItemsAsync(query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id), now, ct);
    }

    /// <summary>A published or cancelled event by its slug (no drafts), with the viewer's own registration.</summary>
    public Task<EventDetails?> BySlugAsync(string slug, string? viewerUserId, CancellationToken ct = default) =>
        DetailsAsync(Public.Where(e => e.Slug == slug), viewerUserId, forManager: false, ct);

    /// <summary>Any event, drafts too; <paramref name="forManager"/> shows the online link (the caller checked access).</summary>
    public Task<EventDetails?> ByIdAsync(int id, string? viewerUserId, bool forManager, CancellationToken ct = default) =>
        DetailsAsync(db.Events.AsNoTracking().Where(e => e.Id == id), viewerUserId, forManager, ct);

    /// <summary>Published and cancelled events that ended at most <see cref="FeedDaysBack"/> days ago, with Venue loaded, for the iCalendar feed.</summary>
    public async Task<IReadOnlyList<Event>> FeedAsync(int? themeId, CancellationToken ct = default)
    {
        var since = Now.AddDays(-FeedDaysBack);
        return await Public
            .Where(e => e.EndsAt >= since && (themeId == null || e.ThemeId == themeId))
            .Include(e => e.Venue)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The organiser's list. <paramref name="ownerId"/> null = every event (staff). <paramref name="past"/> = ended,
    /// latest first; otherwise not ended (drafts included), soonest first.
    /// </summary>
    public async Task<IReadOnlyList<ManagedEventItem>> ManagedAsync(string? ownerId, bool past, CancellationToken ct = default)
    {
        var now = Now;
        var query = db.Events.AsNoTracking().Where(e => ownerId == null || e.OwnerId == ownerId);
        query = past
            ? query.Where(e => e.EndsAt <= now).OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id)
            : query.Where(e => e.EndsAt > now).OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
        var rows = await query
            .Select(e => new { e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Status, e.Capacity, e.OrganiserName })
            .ToListAsync(ct);
        var counts = await places.ByEventAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(e =>
        {
            var (taken, waiting) = counts.GetValueOrDefault(e.Id);
            return new ManagedEventItem(e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Status, e.Capacity, taken, waiting, e.OrganiserName);
        }).ToList();
    }

    /// <summary>
    /// Confirmed (by name) then waitlisted (in waitlist order, with their position in the whole waitlist).
    /// <paramref name="search"/> matches name, e-mail or check-in code, case-insensitively (æøå too).
    /// </summary>
    public async Task<IReadOnlyList<ParticipantRow>> ParticipantsAsync(int eventId, string? search, CancellationToken ct = default)
    {
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .ToListAsync(ct);
        var confirmed = rows.Where(r => r.Status == RegistrationStatus.Confirmed)
            .OrderBy(r => r.Name, NameOrder).ThenBy(r => r.Id)
            .Select(r => Row(r, null));
        var waitlisted = EventPlaces.InQueueOrder(rows.Where(r => r.Status == RegistrationStatus.Waitlisted))
            .Select((r, index) => Row(r, index + 1));
        var all = confirmed.Concat(waitlisted);

        var term = search?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            all = all.Where(p => p.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || p.Email.Contains(term, StringComparison.OrdinalIgnoreCase)
                || p.CheckInCode.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        return all.ToList();

        static ParticipantRow Row(Registration r, int? position) => new(r.Id, r.Status, r.Name, r.Email, r.Companions, r.Needs,
            r.Answer, r.CheckInCode, r.CreatedAt, r.CheckedInAt, position, IsGuest: r.UserId == null);
    }

    /// <summary>
    /// Attendance in people. After the personal data was deleted, the counts stored then
    /// (<see cref="Event.FinalRegistered"/> and the others). All zero for an unknown event.
    /// </summary>
    public async Task<AttendanceFigures> AttendanceAsync(int eventId, CancellationToken ct = default)
    {
        var ev = await db.Events.AsNoTracking()
            .Where(e => e.Id == eventId)
            .Select(e => new { e.PersonalDataDeletedAt, e.FinalRegistered, e.FinalAttended, e.FinalWaitlisted, e.FinalCancelled })
            .SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return new AttendanceFigures(0, 0, 0, 0, 0, false);
        }
        if (ev.PersonalDataDeletedAt is not null)
        {
            var registered = ev.FinalRegistered ?? 0;
            var attended = ev.FinalAttended ?? 0;
            return new AttendanceFigures(registered, attended, Math.Max(0, registered - attended), ev.FinalWaitlisted ?? 0,
                ev.FinalCancelled ?? 0, true);
        }
        var people = await places.CountPeopleAsync(eventId, ct);
        return new AttendanceFigures(people.Registered, people.Attended, people.Registered - people.Attended, people.Waitlisted,
            people.CancelledSignUps, false);
    }

    /// <summary>«Bylab Hamar, Torggata 1», «Hamar bibliotek, Strandgata 1», or empty for online.</summary>
    public static string LocationText(EventLocationKind kind, string? venueName, string? venueAddress, string? placeName, string? placeAddress) =>
        kind switch
        {
            EventLocationKind.Venue => Join(venueName, venueAddress),
            EventLocationKind.Elsewhere => EventPlace.OneLine(placeName, placeAddress),
            _ => "",
        };

    private static string Join(string? name, string? address) =>
        string.Join(", ", new[] { name, address }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static IQueryable<Event> Filtered(IQueryable<Event> query, EventFilter filter)
    {
        if (filter.ThemeId is { } themeId)
        {
            query = query.Where(e => e.ThemeId == themeId);
        }
        if (filter.Audience is { } audience)
        {
            query = query.Where(e => e.Audience == audience);
        }
        return query;
    }

    /// <summary>The list rows of <paramref name="query"/> with their places and waitlist (<see cref="EventPlaces"/>).</summary>
    private async Task<List<EventListItem>> ItemsAsync(IQueryable<Event> query, DateTime now, CancellationToken ct)
    {
        var rows = await query.Select(e => new ListRow(
            e.Id, e.Slug, e.Title, e.Summary, e.StartsAt, e.EndsAt, e.Status, e.LocationKind,
            e.Venue != null ? e.Venue.Name : null, e.Venue != null ? e.Venue.StreetAddress : null, e.PlaceName, e.PlaceAddress,
            e.OrganiserName, e.ThemeId, e.Theme != null ? e.Theme.Title : null, e.Audience, e.Capacity,
            e.PublishedAt, e.RegistrationOpensAt, e.RegistrationClosesAt)).ToListAsync(ct);
        var counts = await places.ByEventAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => r.ToItem(counts.GetValueOrDefault(r.Id), now)).ToList();
    }

    private sealed record ListRow(int Id, string Slug, string Title, string Summary, DateTime StartsAt, DateTime EndsAt,
        EventStatus Status, EventLocationKind LocationKind, string? VenueName, string? VenueAddress, string? PlaceName, string? PlaceAddress,
        string OrganiserName, int? ThemeId, string? ThemeTitle, EventAudience Audience, int Capacity,
        DateTime? PublishedAt, DateTime? RegistrationOpensAt, DateTime? RegistrationClosesAt)
    {
        public EventListItem ToItem((int Taken, int Waiting) places, DateTime now) => new(Id, Slug, Title, Summary, StartsAt, EndsAt, Status,
            LocationKind, LocationText(LocationKind, VenueName, VenueAddress, PlaceName, PlaceAddress), OrganiserName, ThemeId, ThemeTitle,
            Audience, Capacity, places.Taken, places.Waiting,
            WindowAt(Status, StartsAt, PublishedAt, RegistrationOpensAt, RegistrationClosesAt, now));
    }

    /// <summary><see cref="Event.RegistrationWindowAt"/> for a projected row, so the rule lives in one place.</summary>
    private static RegistrationWindow WindowAt(EventStatus status, DateTime startsAt, DateTime? publishedAt, DateTime? opensAt,
        DateTime? closesAt, DateTime now) =>
        new Event
        {
            Status = status, StartsAt = startsAt, PublishedAt = publishedAt, RegistrationOpensAt = opensAt, RegistrationClosesAt = closesAt,
        }.RegistrationWindowAt(now);

    private async Task<EventDetails?> DetailsAsync(IQueryable<Event> query, string? viewerUserId, bool forManager, CancellationToken ct)
    {
        var ev = await query.Include(e => e.Venue).Include(e => e.Theme).SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return null;
        }
        var taken = await places.TakenAsync(ev.Id, ct);
        var waitlist = await places.WaitingAsync(ev.Id, ct);

        ViewerRegistration? viewer = null;
        if (viewerUserId is not null
            && await db.Registrations.AsNoTracking()
                .FirstOrDefaultAsync(r => r.EventId == ev.Id && r.UserId == viewerUserId && r.Status != RegistrationStatus.Cancelled, ct) is { } mine)
        {
            viewer = new ViewerRegistration(mine.Id, mine.ManageToken, mine.Status, await places.PositionAsync(mine, ct));
        }
        var venue = ev.Venue is { } v
            ? new VenueInfo(v.Id, v.Name, v.StreetAddress, v.PostalCode, v.City, v.Capacity, v.StepFreeAccess, v.HearingLoop, v.AccessibleToilet)
            : null;
        var showOnlineUrl = forManager || viewer?.Status == RegistrationStatus.Confirmed;
        return new EventDetails(ev.Id, ev.Slug, ev.Title, ev.Summary, ev.DescriptionMarkdown, ev.ThemeId, ev.Theme?.Slug, ev.Theme?.Title,
            ev.Audience, ev.StartsAt, ev.EndsAt, ev.LocationKind, venue, ev.PlaceName, ev.PlaceAddress,
            showOnlineUrl ? ev.OnlineUrl : null, ev.OrganiserName, ev.OwnerId, ev.Capacity, taken, waitlist,
            ev.RegistrationOpensAt, ev.RegistrationClosesAt, ev.MaxCompanions, ev.AskNeeds, ev.Question, ev.ReminderHoursBefore,
            ev.Status, ev.CancellationMessage, ev.PersonalDataDeletedAt, ev.RegistrationWindowAt(Now), viewer);
    }
}
