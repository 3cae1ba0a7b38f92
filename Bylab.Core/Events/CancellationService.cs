using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

public enum CancelOutcome
{
    Cancelled,
    AlreadyCancelled,
    NotFound,
    EventStarted,
    /// <summary>
    /// The participant was checked in at the door: they are there, so their place is not given away. Staff undo the
    /// check-in first if it was a mistake. (The other order – cancelled, then scanned – is refused by the check-in.)
    /// </summary>
    CheckedIn,
}

/// <param name="EventId">Set unless <see cref="CancelOutcome.NotFound"/>.</param>
public sealed record CancelResult(CancelOutcome Outcome, int? EventId = null);

/// <summary>
/// Sign-ups that end before the event: the participant cancels, the organiser takes someone off the list, or the
/// person deletes their account. A freed place goes to the head of the waitlist (<see cref="EventPlaces.PromoteAsync"/>)
/// in the same write transaction, so each freed place is handed on exactly once.
/// </summary>
public sealed class CancellationService(BylabDbContext db, TimeProvider time, AuditLog audit, EventPlaces places, EventNotificationQueue mail)
    : IAccountDeletionStep
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The participant cancels by their personal link, until the event starts.</summary>
    public async Task<CancelResult> CancelAsync(string token, CancellationToken ct = default)
    {
        if (!Registration.LooksLikeManageToken(token))
        {
            return new CancelResult(CancelOutcome.NotFound);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.Include(r => r.Event).SingleOrDefaultAsync(r => r.ManageToken == token, ct);
        var outcome = await CancelInTransactionAsync(registration, CancelledBy.Participant, ct);
        await tx.CommitAsync(ct);
        return new CancelResult(outcome, registration?.EventId);
    }

    /// <summary>The organiser takes someone off the list (they rang to say they cannot come).</summary>
    public async Task<CancelOutcome> RemoveAsync(int eventId, int registrationId, Actor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.Include(r => r.Event)
            .SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, ct);
        var outcome = await CancelInTransactionAsync(registration, CancelledBy.Organiser, ct);
        if (outcome == CancelOutcome.Cancelled)
        {
            audit.Add(actor, EventAuditActions.RegistrationRemoved, "event", eventId, $"registration {registrationId}");
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return outcome;
    }

    /// <summary>
    /// Inside the account deletion's transaction: the person's sign-ups (guest sign-ups with the account's confirmed
    /// address included, <see cref="AccountRegistrations"/>) for events not yet started are cancelled (the waitlist
    /// moves up), and every one loses its name, e-mail and answers, keeping only what the attendance counts need.
    /// </summary>
    public async Task ForgetAccountAsync(string userId, CancellationToken ct)
    {
        var now = Now;
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.EmailConfirmed }).SingleOrDefaultAsync(ct);
        var registrations = await db.Registrations.Include(r => r.Event)
            .OfAccount(userId, account is { EmailConfirmed: true } ? account.Email : null).ToListAsync(ct);
        var freed = new List<Event>();
        foreach (var r in registrations)
        {
            if (r.IsCancellable && r.Event!.AllowsCancellationAt(now) && r.Cancel(CancelledBy.Participant, now))
            {
                freed.Add(r.Event);
            }
            r.ErasePersonalData();
        }
        await db.SaveChangesAsync(ct);
        foreach (var ev in freed.DistinctBy(e => e.Id))
        {
            await places.PromoteAsync(ev, now, ct);
        }
    }

    private async Task<CancelOutcome> CancelInTransactionAsync(Registration? registration, CancelledBy by, CancellationToken ct)
    {
        if (registration?.Event is not { } ev)
        {
            return CancelOutcome.NotFound;
        }
        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return CancelOutcome.AlreadyCancelled;
        }
        var now = Now;
        if (!ev.AllowsCancellationAt(now))
        {
            return CancelOutcome.EventStarted;
        }
        // Read under the write lock, and check-in's UPDATE needs that lock too: a check-in either committed before
        // this read (refused here) or runs after this commit (refused by its own Status condition).
        if (registration.CheckedInAt is not null)
        {
            return CancelOutcome.CheckedIn;
        }
        if (registration.Cancel(by, now))
        {
            // A receipt for the participant's own cancellation; a notice when the organiser took them off the list.
            mail.Add(registration, EventNotificationKind.Cancelled, now);
            await db.SaveChangesAsync(ct);
            // Also when a waitlisted person leaves: the head of the queue may have been a big group that did not fit.
            await places.PromoteAsync(ev, now, ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }
        return CancelOutcome.Cancelled;
    }
}
