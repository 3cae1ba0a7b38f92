using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Bookings;

/// <summary>
/// Approved bookings in the venue calendar, held with their buffers, in their space and the spaces related to it by
/// containment (<see cref="SpaceRelation"/>) – the same comparison the database trigger makes. A booking's purpose is
/// public only when it is open to the public; otherwise its organisation's members, its requester and staff see it.
/// </summary>
public sealed class BookingVenueOccupants(BylabDbContext db) : IVenueOccupantSource
{
    public async Task<IReadOnlyList<VenueConflict>> OverlappingAsync(VenueSlot slot, VenueOccupantRef? ignore, CancellationToken ct)
    {
        int? ignoreId = ignore?.Kind == VenueOccupantKinds.Booking ? ignore.Id : null;
        var bookings = db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Approved && b.BlockStartsAt < slot.Until && b.BlockEndsAt > slot.From
                && (ignoreId == null || b.Id != ignoreId));
        bookings = slot.SpaceId is { } spaceId
            ? bookings.Where(b => db.SpaceRelations.Any(r => r.SpaceId == spaceId && r.RelatedId == b.SpaceId))
            : bookings.Where(b => b.Space!.VenueId == slot.VenueId);
        return await bookings
            .Select(b => new VenueConflict(VenueOccupantKinds.Booking, b.Id, b.Purpose, b.StartsAt, b.EndsAt, b.IsPublic, b.RequestedById)
            {
                OrganisationId = b.OrganisationId,
                OrganisationName = b.Organisation!.Name,
                SpaceId = b.SpaceId,
                HeldFrom = b.BlockStartsAt,
                HeldUntil = b.BlockEndsAt,
            })
            .ToListAsync(ct);
    }
}

/// <summary>
/// After staff change a space: two approved bookings that now hold related spaces at once (a new parent), and the
/// held intervals of the space's bookings from now on (new buffers).
/// </summary>
public sealed class BookingSpaceLayoutGuard(BylabDbContext db, TimeProvider time, IDoorLock doors) : ISpaceLayoutGuard
{
    public Task<bool> OverlapsAsync(CancellationToken ct) =>
        (from a in db.Bookings
         join r in db.SpaceRelations on a.SpaceId equals r.SpaceId
         join b in db.Bookings on r.RelatedId equals b.SpaceId
         where a.Status == BookingStatus.Approved && b.Status == BookingStatus.Approved && a.Id < b.Id
             && a.BlockStartsAt < b.BlockEndsAt && a.BlockEndsAt > b.BlockStartsAt
         select a.Id).AnyAsync(ct);

    public async Task<bool> FollowBuffersAsync(Space space, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var held = db.Bookings.Where(b => b.SpaceId == space.Id && b.EndsAt > now
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved));
        // First down to the bare times, then out to the new buffers: an interval then only grows towards its final
        // value, so the trigger refuses only what overlaps in the end, whatever order the rows are written in.
        await held.ExecuteUpdateAsync(s => s.SetProperty(b => b.BlockStartsAt, b => b.StartsAt).SetProperty(b => b.BlockEndsAt, b => b.EndsAt), ct);
        var bookings = await held.ToListAsync(ct);
        foreach (var booking in bookings)
        {
            booking.Place(space, booking.StartsAt, booking.EndsAt);
        }
        if (!await BookingSaving.TrySaveAsync(db, ct))
        {
            return false;
        }
        foreach (var booking in bookings.Where(b => b.Status == BookingStatus.Approved))
        {
            await doors.IssueAsync(booking, ct);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
