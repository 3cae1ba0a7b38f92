using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Events;

/// <summary>
/// Time-driven work on events: queueing reminders, expiring unconfirmed guest sign-ups, deleting personal data after
/// the event. Each step looks only at the database's state, not at what an earlier run did, so it is safe to run
/// again after a crash or by two instances at once.
/// </summary>
public sealed class EventMaintenance(BylabDbContext db, TimeProvider time, IOptions<EventOptions> options, EventPlaces places, AuditLog audit)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Queues a <see cref="EventNotificationKind.Reminder"/> for every confirmed registration of a published event
    /// whose reminder time has come and that has not started. Once per registration and time and place of the event
    /// (<see cref="Event.Sequence"/>): the statement inserts only where no reminder for the current sequence exists, and
    /// the partial unique index IX_EventNotifications_OneReminder holds it under any race. So an event moved after its
    /// reminder went out reminds its participants again before the new time.
    /// Someone who got their place inside the reminder window is not reminded: their confirmation came just now.
    /// </summary>
    /// <returns>How many reminders were queued.</returns>
    public async Task<int> QueueRemindersAsync(CancellationToken ct = default)
    {
        var now = Now;
        var horizon = now.AddHours(Event.MaxReminderHours);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.ReminderHoursBefore != null && e.StartsAt > now && e.StartsAt <= horizon)
            .Select(e => new { e.Id, e.StartsAt, e.Sequence, Hours = e.ReminderHoursBefore!.Value })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var ev in events.Where(e => now >= e.StartsAt.AddHours(-e.Hours)))
        {
            var remindAt = ev.StartsAt.AddHours(-ev.Hours);
            queued += await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO EventNotifications (RegistrationId, Kind, EventSequence, CreatedAt, Attempts)
                SELECT r.Id, 'Reminder', {ev.Sequence}, {now}, 0
                FROM Registrations r
                WHERE r.EventId = {ev.Id} AND r.Status = 'Confirmed'
                  AND (r.ConfirmedAt IS NULL OR r.ConfirmedAt < {remindAt})
                  AND NOT EXISTS (SELECT 1 FROM EventNotifications n
                                  WHERE n.RegistrationId = r.Id AND n.Kind = 'Reminder' AND n.EventSequence = {ev.Sequence})
                """, ct);
        }
        return queued;
    }

    /// <summary>
    /// Cancels guest sign-ups that were never confirmed within <see cref="EventOptions.UnconfirmedExpiryHours"/>, or whose
    /// event has started. They hold no place, so nobody moves up; the e-mail address is free to sign up again.
    /// </summary>
    /// <returns>How many sign-ups expired.</returns>
    public async Task<int> ExpireUnconfirmedAsync(CancellationToken ct = default)
    {
        var now = Now;
        var createdBefore = now.AddHours(-options.Value.UnconfirmedExpiryHours);
        // The write lock first (BEGIN IMMEDIATE): a guest confirming at this moment either wins or finds it expired.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var expired = await db.Registrations
            .Where(r => r.Status == RegistrationStatus.Unconfirmed && (r.CreatedAt <= createdBefore || r.Event!.StartsAt <= now))
            .ToListAsync(ct);
        foreach (var registration in expired)
        {
            registration.Cancel(CancelledBy.Expired, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return expired.Count;
    }

    /// <summary>
    /// Deletes the participants of every event (held or cancelled) that ended <see cref="EventOptions.DeletePersonalDataAfterDays"/>
    /// days ago, keeping only the counts in people (<see cref="Event.FinalRegistered"/>, <see cref="Event.FinalAttended"/>,
    /// <see cref="Event.FinalWaitlisted"/>). Each event in one transaction: the counts, the deletion (the notifications
    /// go with their registrations), <see cref="Event.PersonalDataDeletedAt"/> and the audit entry that says so happen together or not at all.
    /// </summary>
    /// <returns>How many events were cleared.</returns>
    public async Task<int> DeletePersonalDataAsync(CancellationToken ct = default)
    {
        var now = Now;
        var endedBefore = now.AddDays(-options.Value.DeletePersonalDataAfterDays);
        var ids = await db.Events.AsNoTracking()
            .Where(e => e.PersonalDataDeletedAt == null && e.Status != EventStatus.Draft && e.EndsAt <= endedBefore)
            .OrderBy(e => e.EndsAt)
            .Select(e => e.Id)
            .ToListAsync(ct);
        var cleared = 0;
        foreach (var id in ids)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var people = await places.CountPeopleAsync(id, ct);
            // Only if no one else got there first (another instance, or a run before a crash that did commit).
            var marked = await db.Events
                .Where(e => e.Id == id && e.PersonalDataDeletedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.PersonalDataDeletedAt, now)
                    .SetProperty(e => e.FinalRegistered, people.Registered)
                    .SetProperty(e => e.FinalAttended, people.Attended)
                    .SetProperty(e => e.FinalWaitlisted, people.Waitlisted)
                    .SetProperty(e => e.FinalCancelled, people.CancelledSignUps), ct);
            if (marked == 0)
            {
                continue;
            }
            var mails = await db.EventNotifications.Where(n => n.Registration!.EventId == id).ExecuteDeleteAsync(ct);
            var registrations = await db.Registrations.Where(r => r.EventId == id).ExecuteDeleteAsync(ct);
            // As every staff-visible change: what went, from which event, by whom (the system).
            audit.Add(AuditLog.System, EventAuditActions.PersonalDataDeleted, "event", id,
                $"{registrations} registrations and {mails} e-mail records deleted; kept: {people.Registered} registered, "
                + $"{people.Attended} attended, {people.Waitlisted} waitlisted, {people.CancelledSignUps} cancelled");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            cleared++;
        }
        return cleared;
    }
}
