using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>What a publish or cancel did; <see cref="NeedsBooking"/>: an event in the venue without an approved booking that covers it.</summary>
public enum EventStateOutcome { Done, NotFound, AlreadyInState, NotAllowed, VenueTaken, NeedsBooking }

/// <summary>
/// Staff and organisers put a draft in the programme and call an event off. Both run in a write transaction
/// (BEGIN IMMEDIATE), like every change of places and venue slots. Access is the web layer's job.
/// </summary>
public sealed class EventStatusService(BylabDbContext db, TimeProvider time, AuditLog audit, EventRooms rooms, EventNotificationQueue mail)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Puts a draft in the programme. Not once it has started. An event in the venue needs an approved booking that
    /// covers it: staff get one made now (refused when the slot is taken), an organiser must have one.
    /// </summary>
    public async Task<EventStateOutcome> PublishAsync(int id, EventActor actor, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null)
        {
            return EventStateOutcome.NotFound;
        }
        if (ev.IsPublished)
        {
            return EventStateOutcome.AlreadyInState;
        }
        if (!ev.CanBePublishedAt(now))
        {
            return EventStateOutcome.NotAllowed;
        }
        if (!await rooms.ReadyToPublishAsync(ev, actor, ct))
        {
            return actor.ManagesAll ? EventStateOutcome.VenueTaken : EventStateOutcome.NeedsBooking;
        }
        ev.Publish(now);
        audit.Add(await audit.ActorAsync(actor.UserId, ct), EventAuditActions.EventPublished, "event", ev.Id, ev.Title);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EventStateOutcome.Done;
    }

    /// <summary>
    /// Calls the event off (until it has ended): every live registration is cancelled
    /// (<see cref="CancelledBy.EventCancelled"/>), and the confirmed and waitlisted are told with the organiser's
    /// message (<see cref="EventNotificationKind.EventCancelled"/>). The venue slot is freed. A cancelled draft
    /// never appears in the programme (it was never published). The web layer limits the message to
    /// <see cref="Event.CancellationMessageMaxLength"/>; anything longer is cut.
    /// </summary>
    public async Task<EventStateOutcome> CancelAsync(int id, string? message, EventActor actor, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null)
        {
            return EventStateOutcome.NotFound;
        }
        if (ev.IsCancelled)
        {
            return EventStateOutcome.AlreadyInState;
        }
        if (!ev.CanBeCancelledAt(now))
        {
            return EventStateOutcome.NotAllowed;
        }
        var live = await db.Registrations
            .Where(r => r.EventId == ev.Id && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        foreach (var registration in live)
        {
            if (registration.Cancel(CancelledBy.EventCancelled, now))
            {
                mail.Add(registration, EventNotificationKind.EventCancelled, now);
            }
        }
        ev.Cancel(message, now);
        // The event's own booking is given back; a booking the organisation chose stays theirs.
        await rooms.ReleaseAsync(ev, actor, ct);
        audit.Add(await audit.ActorAsync(actor.UserId, ct), EventAuditActions.EventCancelled, "event", ev.Id,
            $"{ev.Title}; {live.Count} registrations cancelled");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EventStateOutcome.Done;
    }
}
