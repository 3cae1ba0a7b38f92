using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Events;

public enum CheckInOutcome { CheckedIn, AlreadyCheckedIn, NotFound, NotConfirmed, WrongEvent, TooEarly, TooLate }

/// <param name="Name">Null once the personal data is deleted.</param>
/// <param name="OpensAt">For <see cref="CheckInOutcome.TooEarly"/>: when check-in opens (UTC).</param>
public sealed record CheckInResult(CheckInOutcome Outcome, int? RegistrationId = null, int? EventId = null, string? Name = null,
    int Companions = 0, DateTime? CheckedInAt = null, DateTime? OpensAt = null);

/// <summary>What the QR landing page shows before staff press «Sjekk inn».</summary>
public sealed record CheckInCandidate(int RegistrationId, int EventId, string EventTitle, DateTime StartsAt, string Name,
    int Companions, RegistrationStatus Status, DateTime? CheckedInAt);

/// <summary>
/// Checking people in at the door, by typed or scanned code or from the list, only inside the event's
/// <see cref="CheckInWindow"/> (every path goes through <c>CheckInByIdAsync</c>).
/// </summary>
public sealed class CheckInService(BylabDbContext db, TimeProvider time, IOptions<EventOptions> options)
{
    /// <summary>The window as configured, for pages that say when check-in opens and closes.</summary>
    public CheckInWindow Window => CheckInWindow.From(options.Value);

    /// <summary>Whether check-in is open now for an event with these times: the door and the list offer «Sjekk inn» only then.</summary>
    public CheckInTiming TimingNow(DateTime startsAt, DateTime endsAt) => Window.At(startsAt, endsAt, time.GetUtcNow().UtcDateTime);

    public bool IsOpenNow(DateTime startsAt, DateTime endsAt) => TimingNow(startsAt, endsAt) == CheckInTiming.Open;

    /// <summary>Staff type or scan a code at the door. Two people scanning the same code at once check in once.</summary>
    /// <param name="eventId">The event being checked in at the door; null when the code came from a scanned QR code.</param>
    public async Task<CheckInResult> CheckInAsync(int? eventId, string code, string actorId, CancellationToken ct = default)
    {
        var normalized = Registration.NormalizeCheckInCode(code);
        if (normalized is null)
        {
            return new CheckInResult(CheckInOutcome.NotFound);
        }
        var id = await db.Registrations.Where(r => r.CheckInCode == normalized).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            return new CheckInResult(CheckInOutcome.NotFound);
        }
        return await CheckInByIdAsync(eventId, id.Value, actorId, ct);
    }

    public Task<CheckInResult> CheckInByIdAsync(int eventId, int registrationId, string actorId, CancellationToken ct = default) =>
        CheckInByIdAsync((int?)eventId, registrationId, actorId, ct);

    private async Task<CheckInResult> CheckInByIdAsync(int? eventId, int registrationId, string actorId, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration is null)
        {
            return new CheckInResult(CheckInOutcome.NotFound);
        }
        if (eventId is not null && registration.EventId != eventId)
        {
            return new CheckInResult(CheckInOutcome.WrongEvent, registration.Id, registration.EventId, registration.Name, registration.Companions);
        }
        if (registration.Status != RegistrationStatus.Confirmed)
        {
            // Before the timing: a waitlisted person at the door early is told they hold no place, not to come back later.
            return Result(CheckInOutcome.NotConfirmed, registration);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == registration.EventId, ct);
        switch (ev.CheckInTimingAt(now, Window))
        {
            case CheckInTiming.TooEarly:
                return Result(CheckInOutcome.TooEarly, registration) with { OpensAt = Window.OpensAt(ev.StartsAt) };
            case CheckInTiming.TooLate:
                return Result(CheckInOutcome.TooLate, registration);
        }
        // One conditional UPDATE: whoever gets there first checks the person in, the other is told it is done. It also
        // refuses anyone who lost their place since the read above, which the re-read below reports as NotConfirmed.
        var updated = await db.Registrations
            .Where(r => r.Id == registration.Id && r.CheckedInAt == null && r.Status == RegistrationStatus.Confirmed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAt, now).SetProperty(r => r.CheckedInById, actorId), ct);
        if (updated == 1)
        {
            return Result(CheckInOutcome.CheckedIn, registration) with { CheckedInAt = now };
        }
        var current = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == registration.Id, ct);
        return Result(current.CheckedInAt is null ? CheckInOutcome.NotConfirmed : CheckInOutcome.AlreadyCheckedIn, current);
    }

    /// <summary>Staff pressed the wrong row.</summary>
    public async Task<CheckInResult> UndoCheckInAsync(int eventId, int registrationId, string actorId, CancellationToken ct = default)
    {
        var registration = await db.Registrations.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, ct);
        if (registration is null)
        {
            return new CheckInResult(CheckInOutcome.NotFound);
        }
        await db.Registrations.Where(r => r.Id == registrationId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAt, (DateTime?)null).SetProperty(r => r.CheckedInById, (string?)null), ct);
        return Result(CheckInOutcome.CheckedIn, registration) with { CheckedInAt = null };
    }

    /// <summary>What the page a QR code opens shows; changes nothing.</summary>
    public async Task<CheckInCandidate?> FindByCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = Registration.NormalizeCheckInCode(code);
        if (normalized is null)
        {
            return null;
        }
        return await db.Registrations.AsNoTracking()
            .Where(r => r.CheckInCode == normalized)
            .Select(r => new CheckInCandidate(r.Id, r.EventId, r.Event!.Title, r.Event.StartsAt, r.Name, r.Companions, r.Status, r.CheckedInAt))
            .SingleOrDefaultAsync(ct);
    }

    private static CheckInResult Result(CheckInOutcome outcome, Registration r) =>
        new(outcome, r.Id, r.EventId, r.Name, r.Companions, r.CheckedInAt);
}
