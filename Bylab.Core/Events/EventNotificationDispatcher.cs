using Bylab.Core.Data;
using Bylab.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bylab.Core.Events;

/// <summary>
/// Sends queued <see cref="EventNotification"/>s: claims a row, composes it, sends it, marks it sent.
/// </summary>
/// <remarks>
/// Delivery is at least once. A row is claimed with one conditional UPDATE (only an unsent row whose claim is free,
/// so two senders – the request that caused the mail and the background service, or two instances – never send it at
/// the same time), and it is marked sent only after the mail server took the message. A crash between sending and
/// marking leaves the row unsent: when its claim runs out (<see cref="ClaimDuration"/>) it is sent again. A mail may
/// so, rarely, arrive twice; it is never skipped. A failed send is retried by later rounds, a little later each time,
/// until <see cref="MaxAttempts"/>; then the row stays unsent with its <see cref="EventNotification.LastError"/>.
/// </remarks>
public sealed class EventNotificationDispatcher(
    BylabDbContext db, EventPlaces places, IEventMailComposer composer, IEmailSender sender, TimeProvider time,
    ILogger<EventNotificationDispatcher> logger)
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    /// <summary>At most this many rows per call; the rest wait for the next round.</summary>
    private const int Batch = 200;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Sends every unsent notification that nobody else is sending; returns how many e-mails went out.</summary>
    public Task<int> DeliverPendingAsync(CancellationToken ct = default) => DeliverBatchAsync(eventId: null, ct);

    /// <summary>
    /// What a request calls after changing one event: sends that event's unsent mail (the change's own, and any
    /// promotions it caused), and leaves the rest of the queue to the background service, so a person's sign-up
    /// never waits for other people's mail.
    /// </summary>
    public Task<int> DeliverForEventAsync(int eventId, CancellationToken ct = default) => DeliverBatchAsync(eventId, ct);

    private async Task<int> DeliverBatchAsync(int? eventId, CancellationToken ct)
    {
        var now = Now;
        var ids = await db.EventNotifications.AsNoTracking()
            .Where(n => n.SentAt == null && n.Attempts < MaxAttempts && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .Where(n => eventId == null || n.Registration!.EventId == eventId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => n.Id)
            .Take(Batch)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            if (await DeliverAsync(id, ct))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> DeliverAsync(int id, CancellationToken ct)
    {
        var now = Now;
        // The claim: one statement, so exactly one sender gets the row (SQLite runs it under its write lock).
        var claimed = await db.EventNotifications
            .Where(n => n.Id == id && n.SentAt == null && n.Attempts < MaxAttempts && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.ClaimedUntil, now + ClaimDuration)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
        if (claimed != 1)
        {
            return false;
        }

        var notification = await db.EventNotifications.AsNoTracking()
            .Include(n => n.Registration!).ThenInclude(r => r.Event!).ThenInclude(e => e.Venue)
            .Include(n => n.Registration!).ThenInclude(r => r.Event!).ThenInclude(e => e.Theme)
            .SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification?.Registration?.Event is not { } ev)
        {
            // The registration was deleted with its notifications in the meantime (personal-data deletion).
            return false;
        }
        var registration = notification.Registration;

        if (Obsolete(notification.Kind, registration, ev, now, notification.EventSequence) is { } reason)
        {
            await MarkAsync(id, "Skipped: " + reason, ct);
            logger.LogInformation("Event notification {Id} ({Kind}) skipped: {Reason}", id, notification.Kind, reason);
            return false;
        }

        try
        {
            var position = await places.PositionAsync(registration, ct);
            var message = composer.Compose(notification.Kind, ev, registration, position);
            await sender.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await FailedAsync(notification, e);
            return false;
        }

        // Not cancellable: the mail is out, so the mark must be written if at all possible.
        await MarkAsync(id, null, CancellationToken.None);
        return true;
    }

    /// <summary>Keeps the error and releases the claim a little later after each failure, so a mail server that is down is not hammered by every request.</summary>
    private async Task FailedAsync(EventNotification notification, Exception e)
    {
        var attempts = notification.Attempts;
        var retryAt = Now + TimeSpan.FromMinutes(Math.Min(60, attempts * attempts));
        await db.EventNotifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.LastError, Truncate(e.GetType().Name + ": " + e.Message))
            .SetProperty(n => n.ClaimedUntil, retryAt), CancellationToken.None);
        if (attempts >= MaxAttempts)
        {
            logger.LogError(e, "Event notification {Id} ({Kind}) failed {Attempts} times; giving up", notification.Id, notification.Kind, attempts);
        }
        else
        {
            logger.LogWarning(e, "Event notification {Id} ({Kind}) failed (attempt {Attempts}); will retry", notification.Id, notification.Kind, attempts);
        }
    }

    private Task MarkAsync(int id, string? note, CancellationToken ct) =>
        db.EventNotifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.SentAt, Now)
            .SetProperty(n => n.ClaimedUntil, (DateTime?)null)
            .SetProperty(n => n.LastError, note), ct);

    /// <summary>Why a queued mail no longer fits what happened since it was queued; null when it should go out.</summary>
    /// <param name="sequence">For a reminder: the <see cref="Event.Sequence"/> it was queued for (<see cref="EventNotification.EventSequence"/>).</param>
    internal static string? Obsolete(EventNotificationKind kind, Registration r, Event ev, DateTime now, int? sequence = null)
    {
        RegistrationStatus[] wanted = kind switch
        {
            EventNotificationKind.ConfirmEmail => [RegistrationStatus.Unconfirmed],
            EventNotificationKind.Confirmed or EventNotificationKind.Promoted or EventNotificationKind.Reminder => [RegistrationStatus.Confirmed],
            EventNotificationKind.Waitlisted => [RegistrationStatus.Waitlisted],
            EventNotificationKind.EventChanged => [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
            EventNotificationKind.Cancelled or EventNotificationKind.EventCancelled => [RegistrationStatus.Cancelled],
            _ => [],
        };
        if (string.IsNullOrWhiteSpace(r.Email))
        {
            // The account was deleted and the sign-up's name and e-mail erased with it.
            return "no e-mail address";
        }
        if (!wanted.Contains(r.Status))
        {
            return $"the registration is {r.Status}";
        }
        if (kind == EventNotificationKind.EventCancelled)
        {
            return ev.IsCancelled ? null : "the event is not cancelled";
        }
        if (kind != EventNotificationKind.Cancelled && ev.IsCancelled)
        {
            return "the event is cancelled";
        }
        if (kind == EventNotificationKind.Reminder && now >= ev.StartsAt)
        {
            return "the event has started";
        }
        if (kind == EventNotificationKind.Reminder && sequence is { } queuedFor && queuedFor != ev.Sequence)
        {
            // It names the old time or place; a reminder for the new one is queued in its own time.
            return "the event moved";
        }
        if (kind != EventNotificationKind.Cancelled && now >= ev.EndsAt)
        {
            return "the event is over";
        }
        return null;
    }

    private static string Truncate(string s) => s.Length <= 1_000 ? s : s[..1_000];
}
