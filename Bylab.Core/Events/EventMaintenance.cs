using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Events;

/// <summary>
/// Time-driven work on events: queueing reminders, expiring unconfirmed guest sign-ups, deleting personal data after
/// the event. Each step looks only at the database's state, not at what an earlier run did, so it is safe to run
/// again after a crash or by two instances at once.
/// </summary>
public sealed class EventMaintenance(BylabDbContext db, TimeProvider time, IOptions<EventOptions> options)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Queues a <see cref="EventNotificationKind.Reminder"/> for every confirmed registration of a published event
    /// whose reminder time has come and that has not started. Once per registration: the statement inserts only where
    /// no reminder exists, and the partial unique index IX_EventNotifications_OneReminder holds it under any race.
    /// Someone who got their place inside the reminder window is not reminded: their confirmation came just now.
    /// </summary>
    /// <returns>How many reminders were queued.</returns>
    public async Task<int> QueueRemindersAsync(CancellationToken ct = default)
    {
        var now = Now;
        var horizon = now.AddHours(Event.MaxReminderHours);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.ReminderHoursBefore != null && e.StartsAt > now && e.StartsAt <= horizon)
            .Select(e => new { e.Id, e.StartsAt, Hours = e.ReminderHoursBefore!.Value })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var ev in events.Where(e => now >= e.StartsAt.AddHours(-e.Hours)))
        {
            var remindAt = ev.StartsAt.AddHours(-ev.Hours);
            queued += await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO EventNotifications (RegistrationId, Kind, CreatedAt, Attempts)
                SELECT r.Id, 'Reminder', {now}, 0
                FROM Registrations r
                WHERE r.EventId = {ev.Id} AND r.Status = 'Confirmed'
                  AND (r.ConfirmedAt IS NULL OR r.ConfirmedAt < {remindAt})
                  AND NOT EXISTS (SELECT 1 FROM EventNotifications n WHERE n.RegistrationId = r.Id AND n.Kind = 'Reminder')
                """, ct);
        }
        return queued;
    }

    /// <summary>
    /// Cancels guest sign-ups that were never confirmed within <see cref="EventOptions.UnconfirmedExpiryHours"/>, or whose
    /// event has started. They hold no place, so nobody moves up; the e-mail address is free to sign up again.
    /// </summary>
    /// <returns>How many sign-ups expired.</returns>
    public Task<int> ExpireUnconfirmedAsync(CancellationToken ct = default)
    {
        var now = Now;
        var createdBefore = now.AddHours(-options.Value.UnconfirmedExpiryHours);
        return db.Registrations
            .Where(r => r.Status == RegistrationStatus.Unconfirmed && (r.CreatedAt <= createdBefore || r.Event!.StartsAt <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RegistrationStatus.Cancelled)
                .SetProperty(r => r.CancelledAt, now)
                .SetProperty(r => r.CancelledBy, CancelledBy.Expired), ct);
    }

    /// <summary>
    /// Deletes the participants of every event (held or cancelled) that ended <see cref="EventOptions.DeletePersonalDataAfterDays"/>
    /// days ago, keeping only the counts in people (<see cref="Event.FinalRegistered"/>, <see cref="Event.FinalAttended"/>,
    /// <see cref="Event.FinalWaitlisted"/>). Each event in one transaction: the counts, the deletion (the notifications
    /// go with their registrations) and <see cref="Event.PersonalDataDeletedAt"/> happen together or not at all.
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
            var registrations = db.Registrations.Where(r => r.EventId == id);
            var registered = await registrations.Where(r => r.Status == RegistrationStatus.Confirmed).SumAsync(r => 1 + r.Companions, ct);
            var attended = await registrations.Where(r => r.Status == RegistrationStatus.Confirmed && r.CheckedInAt != null).SumAsync(r => 1 + r.Companions, ct);
            var waitlisted = await registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).SumAsync(r => 1 + r.Companions, ct);
            var cancelledSignUps = await registrations.CountAsync(r => r.Status == RegistrationStatus.Cancelled
                && (r.CancelledBy == CancelledBy.Participant || r.CancelledBy == CancelledBy.Organiser), ct);
            // Only if no one else got there first (another instance, or a run before a crash that did commit).
            var marked = await db.Events
                .Where(e => e.Id == id && e.PersonalDataDeletedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.PersonalDataDeletedAt, now)
                    .SetProperty(e => e.FinalRegistered, registered)
                    .SetProperty(e => e.FinalAttended, attended)
                    .SetProperty(e => e.FinalWaitlisted, waitlisted)
                    .SetProperty(e => e.FinalCancelled, cancelledSignUps), ct);
            if (marked == 0)
            {
                continue;
            }
            await db.EventNotifications.Where(n => n.Registration!.EventId == id).ExecuteDeleteAsync(ct);
            await registrations.ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
            cleared++;
        }
        return cleared;
    }
}
