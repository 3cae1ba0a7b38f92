using Bylab.Core.Bookings;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>Who saves an event: staff (<paramref name="ManagesAll"/>: every event, any organisation, their bookings approved at once) or an organiser.</summary>
public sealed record EventActor(string UserId, bool ManagesAll)
{
    public static EventActor Staff(string userId) => new(userId, true);
    public static EventActor Organiser(string userId) => new(userId, false);
}

public enum EventRoomMode
{
    /// <summary>The event's own booking: staff get it approved at once and it moves with the event; an organiser asks for it (pending).</summary>
    Own,
    /// <summary>An existing booking of the organisation, chosen in the form (<see cref="EventRoom.BookingId"/>).</summary>
    Existing,
    /// <summary>No room yet: a draft that holds nothing.</summary>
    None,
}

/// <summary>How an event in the venue gets its room.</summary>
public sealed record EventRoom(EventRoomMode Mode, int? BookingId = null)
{
    public static readonly EventRoom Own = new(EventRoomMode.Own);
    public static readonly EventRoom None = new(EventRoomMode.None);
    public static EventRoom Existing(int bookingId) => new(EventRoomMode.Existing, bookingId);
}

/// <summary>Where the event's room stands after a save.</summary>
public enum EventRoomState { NotInVenue, None, Held, Requested }

/// <summary>
/// An event's slot in the venue, through a booking (<see cref="EventBookings"/>): taken, requested, moved or given back
/// as the event is saved, inside the event service's transaction.
/// </summary>
public sealed class EventRooms(BylabDbContext db, EventBookings bookings)
{
    /// <summary>
    /// Gives the (tracked, changed) event the room <paramref name="room"/> says, and sets <see cref="Event.BookingId"/>.
    /// A published event of an organiser stays inside its approved booking.
    /// </summary>
    public async Task<(EventSlotResult? Refused, EventRoomState State)> TakeAsync(Event ev, EventActor actor, EventRoom room, bool wasPublished,
        CancellationToken ct)
    {
        if (ev.LocationKind != EventLocationKind.Venue)
        {
            await ReleaseAsync(ev, actor, ct);
            return (null, EventRoomState.NotInVenue);
        }
        if (room.Mode == EventRoomMode.None)
        {
            if (wasPublished)
            {
                return (Refused(new BookingProblem("BookingChoice", BookingErrors.Required)), EventRoomState.None);
            }
            await ReleaseAsync(ev, actor, ct);
            return (null, EventRoomState.None);
        }
        var slot = new EventSlot(ev.SpaceId!.Value, ev.OrganisationId!.Value, ev.StartsAt, ev.EndsAt, ev.Title, ev.Capacity);
        if (wasPublished && !actor.ManagesAll && !(ev.BookingId is { } held && await bookings.CoversAsync(held, ev.StartsAt, ev.EndsAt, ct)
            && (room.Mode == EventRoomMode.Own || room.BookingId == held)))
        {
            // A published event keeps its approved slot; moving it out asks for a new booking first.
            return (Refused(new BookingProblem(nameof(EventInput.StartsAt), BookingErrors.OutsideBooking)), EventRoomState.Held);
        }
        EventSlotResult result;
        if (room.Mode == EventRoomMode.Existing && room.BookingId != ev.BookingId)
        {
            if (await db.Events.AnyAsync(e => e.BookingId == room.BookingId && e.Id != ev.Id && e.Status != EventStatus.Cancelled, ct))
            {
                return (Refused(new BookingProblem("BookingChoice", BookingErrors.BookingInUse)), EventRoomState.None);
            }
            result = await bookings.UseAsync(room.BookingId!.Value, slot, ct);
            if (result.BookingId is not null)
            {
                await ReleaseAsync(ev, actor, ct);
            }
        }
        else if (room.Mode == EventRoomMode.Existing && !await IsOwnAsync(ev.BookingId, ct))
        {
            result = await bookings.UseAsync(room.BookingId!.Value, slot, ct);
        }
        else
        {
            var current = await IsOwnAsync(ev.BookingId, ct) ? ev.BookingId : null;
            result = actor.ManagesAll ? await bookings.HoldAsync(slot, current, actor.UserId, ct) : await bookings.RequestAsync(slot, current, actor.UserId, ct);
        }
        if (result.Outcome is EventSlotOutcome.Taken or EventSlotOutcome.Invalid)
        {
            return (result, EventRoomState.None);
        }
        ev.BookingId = result.BookingId;
        return (null, result.Outcome == EventSlotOutcome.Held ? EventRoomState.Held : EventRoomState.Requested);
    }

    /// <summary>The event gives its own booking back (cancelled, or no longer in the venue).</summary>
    public async Task ReleaseAsync(Event ev, EventActor actor, CancellationToken ct)
    {
        if (ev.BookingId is { } id)
        {
            await bookings.ReleaseAsync(id, actor.UserId, actor.ManagesAll, ct);
            ev.BookingId = null;
        }
    }

    /// <summary>A venue event may go into the programme: its booking is approved and covers it (staff get one made now).</summary>
    public async Task<bool> ReadyToPublishAsync(Event ev, EventActor actor, CancellationToken ct)
    {
        if (ev.LocationKind != EventLocationKind.Venue)
        {
            return true;
        }
        if (ev.BookingId is { } id && await bookings.CoversAsync(id, ev.StartsAt, ev.EndsAt, ct))
        {
            return true;
        }
        if (!actor.ManagesAll)
        {
            return false;
        }
        var (refused, _) = await TakeAsync(ev, actor, EventRoom.Own, wasPublished: false, ct);
        return refused is null;
    }

    private async Task<bool> IsOwnAsync(int? bookingId, CancellationToken ct) =>
        bookingId is { } id && await db.Bookings.AnyAsync(b => b.Id == id && b.Kind == BookingKind.Event, ct);

    private static EventSlotResult Refused(BookingProblem problem) => new(EventSlotOutcome.Invalid, Problem: problem);
}
