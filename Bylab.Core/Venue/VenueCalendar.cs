using Bylab.Core.Data;
using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Venue;

/// <summary>
/// Everything that occupies a venue over time. Today that is events; the venue-booking issue adds confirmed
/// bookings here, and both events and bookings check against this one calendar before they take a slot.
/// </summary>
/// <remarks>
/// The seam for venue booking: <see cref="ConflictsAsync"/> is the only place that decides whether a slot is
/// free. When bookings exist, add their confirmed rows to it as <c>VenueConflict("booking", ...)</c>, and have
/// the booking service call it too. Callers check inside a write transaction (BEGIN IMMEDIATE, which SQLite
/// serialises), so two overlapping uses cannot both be saved.
/// </remarks>
public sealed class VenueCalendar(BylabDbContext db)
{
    public const string EventKind = "event";

    /// <summary>
    /// Uses of the venue that overlap [<paramref name="startsAt"/>, <paramref name="endsAt"/>), soonest first:
    /// events that are not cancelled, drafts included (a draft holds its slot while it is being prepared).
    /// Intervals are half-open, so one event may start the minute the previous one ends.
    /// </summary>
    /// <param name="ignoreEventId">The event being moved, which never conflicts with itself.</param>
    public async Task<IReadOnlyList<VenueConflict>> ConflictsAsync(int venueId, DateTime startsAt, DateTime endsAt, int? ignoreEventId,
        CancellationToken ct = default)
    {
        var events = await db.Events.AsNoTracking()
            .Where(e => e.VenueId == venueId && e.Status != EventStatus.Cancelled
                && e.StartsAt < endsAt && e.EndsAt > startsAt
                && (ignoreEventId == null || e.Id != ignoreEventId))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new VenueConflict(EventKind, e.Id, e.Title, e.StartsAt, e.EndsAt))
            .ToListAsync(ct);
        // Venue booking (its own issue) adds its confirmed bookings here, as Kind "booking".
        return events;
    }
}
