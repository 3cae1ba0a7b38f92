using System.Globalization;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Events;

/// <summary>What the programme is cut by; <paramref name="PageSize"/> null = <see cref="EventOptions.PageSize"/>.</summary>
public sealed record EventFilter(int? ThemeId = null, EventAudience? Audience = null, int Page = 1, int? PageSize = null);

/// <param name="LocationText">«Bylab Hamar, Torggata 1», «Hamar bibliotek, Strandgata 1», or empty for online (the view says «Digitalt»).</param>
/// <param name="PlacesTaken">Places held by confirmed registrations, companions counted.</param>
public sealed record EventListItem(
    int Id,
    string Slug,
    string Title,
    string Summary,
    DateTime StartsAt,
    DateTime EndsAt,
    EventStatus Status,
    EventLocationKind LocationKind,
    string LocationText,
    string OrganiserName,
    int? ThemeId,
    string? ThemeTitle,
    EventAudience Audience,
    int Capacity,
    int PlacesTaken,
    int WaitlistCount,
    RegistrationWindow Window)
{
    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);
}

public sealed record VenueInfo(int Id, string Name, string StreetAddress, string PostalCode, string City, int Capacity,
    bool StepFreeAccess, bool HearingLoop, bool AccessibleToilet);

/// <summary>The viewer's own live registration for the event, if they are signed in and hold one.</summary>
public sealed record ViewerRegistration(int Id, string ManageToken, RegistrationStatus Status, int? WaitlistPosition);

/// <param name="OnlineUrl">Only filled when the viewer holds a place (or <c>forManager</c> was asked).</param>
public sealed record EventDetails(
    int Id,
    string Slug,
    string Title,
    string Summary,
    string DescriptionMarkdown,
    int? ThemeId,
    string? ThemeSlug,
    string? ThemeTitle,
    EventAudience Audience,
    DateTime StartsAt,
    DateTime EndsAt,
    EventLocationKind LocationKind,
    VenueInfo? Venue,
    string? PlaceName,
    string? PlaceAddress,
    string? OnlineUrl,
    string OrganiserName,
    string? OwnerId,
    int Capacity,
    int PlacesTaken,
    int WaitlistCount,
    DateTime? RegistrationOpensAt,
    DateTime? RegistrationClosesAt,
    int MaxCompanions,
    bool AskNeeds,
    string? Question,
    int? ReminderHoursBefore,
    EventStatus Status,
    string? CancellationMessage,
    DateTime? PersonalDataDeletedAt,
    RegistrationWindow Window,
    ViewerRegistration? Viewer)
{
    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);
}

/// <summary>A row in the organiser's list of events.</summary>
public sealed record ManagedEventItem(int Id, string Slug, string Title, DateTime StartsAt, DateTime EndsAt, EventStatus Status,
    int Capacity, int PlacesTaken, int WaitlistCount, string OrganiserName);

/// <param name="WaitlistPosition">1-based, for waitlisted rows.</param>
/// <param name="IsGuest">Signed up without an account.</param>
public sealed record ParticipantRow(
    int RegistrationId,
    RegistrationStatus Status,
    string Name,
    string Email,
    int Companions,
    string? Needs,
    string? Answer,
    string CheckInCode,
    DateTime CreatedAt,
    DateTime? CheckedInAt,
    int? WaitlistPosition,
    bool IsGuest);

/// <summary>Attendance, in people (a sign-up with two companions counts three; a checked-in sign-up counts its companions as come).</summary>
/// <param name="Registered">People holding a place.</param>
/// <param name="Attended">People checked in.</param>
/// <param name="NoShows">People holding a place who were not checked in (meaningful once the event has ended).</param>
/// <param name="Waitlisted">People still on the waitlist.</param>
/// <param name="Cancelled">Sign-ups cancelled (by the participant or the organiser).</param>
/// <param name="PersonalDataDeleted">Only the stored counts remain.</param>
public sealed record AttendanceFigures(int Registered, int Attended, int NoShows, int Waitlisted, int Cancelled, bool PersonalDataDeleted);

/// <summary>Read side of events: the programme, the month calendar, one event, participant lists and attendance.</summary>
/// <remarks>
/// The public sees published events, and cancelled ones that had been published (they stay with a notice);
/// never drafts, and never a draft that was cancelled before anyone saw it.
/// </remarks>
public sealed class EventQueries(BylabDbContext db, TimeProvider time, IOptions<EventOptions> options)
{
    /// <summary>How long an ended event stays in the iCalendar feed.</summary>
    public const int FeedDaysBack = 30;

    /// <summary>Names sorted as a Norwegian reader expects (… x, y, z, æ, ø, å).</summary>
    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.GetCultureInfo("nb-NO"), ignoreCase: true);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private IQueryable<Event> Public => db.Events.AsNoTracking()
        .Where(e => e.Status == EventStatus.Published || (e.Status == EventStatus.Cancelled && e.PublishedAt != null));

    /// <summary>Published and cancelled events that have not ended, soonest first. Drafts never.</summary>
    public async Task<Paged<EventListItem>> ProgrammeAsync(EventFilter filter, CancellationToken ct = default)
    {
        var now = Now;
        var page = Paged<EventListItem>.Clamp(filter.Page);
        var size = Math.Clamp(filter.PageSize ?? options.Value.PageSize, 1, 100);
        var query = Filtered(Public.Where(e => e.EndsAt > now), filter);
        var total = await query.CountAsync(ct);
        var rows = await Rows(query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Paged<EventListItem>(rows.Select(r => r.ToItem(now)).ToList(), page, size, total);
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
        var rows = await Rows(query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id)).ToListAsync(ct);
        return rows.Select(r => r.ToItem(now)).ToList();
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
        return await query
            .Select(e => new ManagedEventItem(e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.Status, e.Capacity,
                db.Registrations.Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed).Sum(r => (int?)(1 + r.Companions)) ?? 0,
                db.Registrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted),
                e.OrganiserName))
            .ToListAsync(ct);
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
        var waitlisted = rows.Where(r => r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistedAt).ThenBy(r => r.Id)
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
        var cancelled = await db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Cancelled
            && (r.CancelledBy == CancelledBy.Participant || r.CancelledBy == CancelledBy.Organiser), ct);
        if (ev.PersonalDataDeletedAt is not null)
        {
            var registered = ev.FinalRegistered ?? 0;
            var attended = ev.FinalAttended ?? 0;
            return new AttendanceFigures(registered, attended, Math.Max(0, registered - attended), ev.FinalWaitlisted ?? 0,
                ev.FinalCancelled ?? cancelled, true);
        }
        var holding = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .Select(r => new { r.Status, People = 1 + r.Companions, CheckedIn = r.CheckedInAt != null })
            .ToListAsync(ct);
        var confirmed = holding.Where(r => r.Status == RegistrationStatus.Confirmed).ToList();
        var registeredNow = confirmed.Sum(r => r.People);
        var attendedNow = confirmed.Where(r => r.CheckedIn).Sum(r => r.People);
        var waitlisted = holding.Where(r => r.Status == RegistrationStatus.Waitlisted).Sum(r => r.People);
        return new AttendanceFigures(registeredNow, attendedNow, registeredNow - attendedNow, waitlisted, cancelled, false);
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

    private IQueryable<ListRow> Rows(IQueryable<Event> query) => query.Select(e => new ListRow(
        e.Id, e.Slug, e.Title, e.Summary, e.StartsAt, e.EndsAt, e.Status, e.LocationKind,
        e.Venue != null ? e.Venue.Name : null, e.Venue != null ? e.Venue.StreetAddress : null, e.PlaceName, e.PlaceAddress,
        e.OrganiserName, e.ThemeId, e.Theme != null ? e.Theme.Title : null, e.Audience, e.Capacity,
        db.Registrations.Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed).Sum(r => (int?)(1 + r.Companions)) ?? 0,
        db.Registrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted),
        e.PublishedAt, e.RegistrationOpensAt, e.RegistrationClosesAt));

    private sealed record ListRow(int Id, string Slug, string Title, string Summary, DateTime StartsAt, DateTime EndsAt,
        EventStatus Status, EventLocationKind LocationKind, string? VenueName, string? VenueAddress, string? PlaceName, string? PlaceAddress,
        string OrganiserName, int? ThemeId, string? ThemeTitle, EventAudience Audience, int Capacity, int PlacesTaken, int WaitlistCount,
        DateTime? PublishedAt, DateTime? RegistrationOpensAt, DateTime? RegistrationClosesAt)
    {
        public EventListItem ToItem(DateTime now) => new(Id, Slug, Title, Summary, StartsAt, EndsAt, Status, LocationKind,
            LocationText(LocationKind, VenueName, VenueAddress, PlaceName, PlaceAddress), OrganiserName, ThemeId, ThemeTitle, Audience,
            Capacity, PlacesTaken, WaitlistCount, WindowAt(Status, StartsAt, PublishedAt, RegistrationOpensAt, RegistrationClosesAt, now));
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
        var taken = await RegistrationService.PlacesTakenAsync(db, ev.Id, ct);
        var waitlist = await db.Registrations.CountAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waitlisted, ct);

        ViewerRegistration? viewer = null;
        if (viewerUserId is not null)
        {
            var mine = await db.Registrations.AsNoTracking()
                .Where(r => r.EventId == ev.Id && r.UserId == viewerUserId && r.Status != RegistrationStatus.Cancelled)
                .Select(r => new { r.Id, r.ManageToken, r.Status, r.WaitlistedAt })
                .FirstOrDefaultAsync(ct);
            if (mine is not null)
            {
                int? position = mine.Status == RegistrationStatus.Waitlisted
                    ? await WaitlistPositionAsync(db, ev.Id, mine.Id, mine.WaitlistedAt, ct)
                    : null;
                viewer = new ViewerRegistration(mine.Id, mine.ManageToken, mine.Status, position);
            }
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

    /// <summary>1-based place in the waitlist: ordered by <see cref="Registration.WaitlistedAt"/>, then Id.</summary>
    internal static async Task<int> WaitlistPositionAsync(BylabDbContext db, int eventId, int registrationId, DateTime? waitlistedAt,
        CancellationToken ct) =>
        await db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted
            && (r.WaitlistedAt < waitlistedAt || (r.WaitlistedAt == waitlistedAt && r.Id <= registrationId)), ct);
}
