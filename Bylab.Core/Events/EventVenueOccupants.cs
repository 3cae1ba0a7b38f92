using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>
/// Events in the venue calendar: every event that is not cancelled holds its slot, drafts included (a draft holds
/// its slot while it is being prepared). Only a published event's title is public.
/// </summary>
public sealed class EventVenueOccupants(BylabDbContext db) : IVenueOccupantSource
{
    /// <summary>The event itself, for <see cref="VenueCalendar.ConflictsAsync"/>'s <c>ignore</c>.</summary>
    public static VenueOccupantRef Self(int eventId) => new(VenueOccupantKinds.Event, eventId);

    public async Task<IReadOnlyList<VenueConflict>> OverlappingAsync(int venueId, DateTime startsAt, DateTime endsAt, VenueOccupantRef? ignore,
        CancellationToken ct)
    {
        int? ignoreId = ignore?.Kind == VenueOccupantKinds.Event ? ignore.Id : null;
        return await db.Events.AsNoTracking()
            .Where(e => e.VenueId == venueId && e.Status != EventStatus.Cancelled
                && e.StartsAt < endsAt && e.EndsAt > startsAt
                && (ignoreId == null || e.Id != ignoreId))
            .Select(e => new VenueConflict(VenueOccupantKinds.Event, e.Id, e.Title, e.StartsAt, e.EndsAt,
                e.Status == EventStatus.Published, e.OwnerId))
            .ToListAsync(ct);
    }
}
