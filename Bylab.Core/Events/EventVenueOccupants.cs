using Bylab.Core.Bookings;
using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>
/// Events in the venue calendar. An event holds its slot through an approved booking (a draft without one holds
/// nothing), so it is listed with its booking's times and space and stands for that booking: the calendar shows the
/// event's title – public once it is published – instead of the booking's purpose.
/// </summary>
public sealed class EventVenueOccupants(BylabDbContext db) : IVenueOccupantSource, IBookingDependents
{
    /// <summary>The event itself, for <see cref="VenueCalendar.ConflictsAsync(VenueSlot, VenueOccupantRef?, CancellationToken)"/>'s <c>ignore</c>.</summary>
    public static VenueOccupantRef Self(int eventId) => new(VenueOccupantKinds.Event, eventId);

    public async Task<IReadOnlyList<VenueConflict>> OverlappingAsync(VenueSlot slot, VenueOccupantRef? ignore, CancellationToken ct)
    {
        int? ignoreId = ignore?.Kind == VenueOccupantKinds.Event ? ignore.Id : null;
        var held = from e in db.Events.AsNoTracking()
                   join b in db.Bookings on e.BookingId equals b.Id
                   where e.Status != EventStatus.Cancelled && b.Status == BookingStatus.Approved
                       && b.BlockStartsAt < slot.Until && b.BlockEndsAt > slot.From
                       && (ignoreId == null || e.Id != ignoreId)
                   select new { Event = e, Booking = b };
        held = slot.SpaceId is { } spaceId
            ? held.Where(x => db.SpaceRelations.Any(r => r.SpaceId == spaceId && r.RelatedId == x.Booking.SpaceId))
            : held.Where(x => x.Booking.Space!.VenueId == slot.VenueId);
        return await held
            .Select(x => new VenueConflict(VenueOccupantKinds.Event, x.Event.Id, x.Event.Title, x.Booking.StartsAt, x.Booking.EndsAt,
                // The visibility rule: a hidden or held event's title is not public in the calendar or the public feed.
                x.Event.Status == EventStatus.Published && x.Event.ModerationState == Moderation.ModerationState.Visible, x.Event.OwnerId)
            {
                OrganisationId = x.Event.OrganisationId,
                OrganisationName = x.Event.OrganiserName,
                SpaceId = x.Booking.SpaceId,
                HeldFrom = x.Booking.BlockStartsAt,
                HeldUntil = x.Booking.BlockEndsAt,
                HeldThrough = new VenueOccupantRef(VenueOccupantKinds.Booking, x.Booking.Id),
            })
            .ToListAsync(ct);
    }

    /// <summary>A booking carrying a live event is not cancelled or moved on its own: the event is.</summary>
    public Task<string?> DependentAsync(int bookingId, CancellationToken ct) =>
        db.Events.Where(e => e.BookingId == bookingId && e.Status != EventStatus.Cancelled).Select(e => e.Title).FirstOrDefaultAsync(ct);
}
