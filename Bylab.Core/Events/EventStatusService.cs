using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

public enum EventStateOutcome { Done, NotFound, AlreadyInState, NotAllowed, VenueTaken }

/// <summary>
/// Staff and organisers put a draft in the programme and call an event off. Both run in a write transaction
/// (BEGIN IMMEDIATE), like every change of places and venue slots. Access is the web layer's job.
/// </summary>
public sealed class EventStatusService(BylabDbContext db, TimeProvider time, AuditLog audit, VenueCalendar venues, EventNotificationQueue mail)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Puts a draft in the programme. Not once it has started, nor when its venue slot was taken meanwhile.</summary>
    public async Task<EventStateOutcome> PublishAsync(int id, string actorId, CancellationToken ct = default)
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
        // Drafts hold their slot already, so this only finds something another kind of use (a booking) put there.
        if (ev.VenueId is { } venueId && (await venues.ConflictsAsync(venueId, ev.StartsAt, ev.EndsAt, EventVenueOccupants.Self(ev.Id), ct)).Count > 0)
        {
            return EventStateOutcome.VenueTaken;
        }
        ev.Publish(now);
        audit.Add(await audit.ActorAsync(actorId, ct), EventAuditActions.EventPublished, "event", ev.Id, ev.Title);
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
    public async Task<EventStateOutcome> CancelAsync(int id, string? message, string actorId, CancellationToken ct = default)
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
        audit.Add(await audit.ActorAsync(actorId, ct), EventAuditActions.EventCancelled, "event", ev.Id,
            $"{ev.Title}; {live.Count} registrations cancelled");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EventStateOutcome.Done;
    }
}
