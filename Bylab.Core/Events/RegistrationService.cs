using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>What a person fills in to sign up. For an account, the web layer fills Name and Email from the account.</summary>
/// <param name="Culture">"nb", "nn" or "en": the language their e-mails are written in.</param>
public sealed record SignUpInput(
    string Name,
    string Email,
    int Companions,
    string? Needs,
    string? Answer,
    bool Consent,
    string Culture);

public enum SignUpOutcome
{
    /// <summary>An account got a place (<see cref="SignUpResult.ManageToken"/> is set).</summary>
    Confirmed,
    /// <summary>An account went on the waitlist (<see cref="SignUpResult.WaitlistPosition"/> is set).</summary>
    Waitlisted,
    /// <summary>
    /// A guest: an e-mail went to the address (a confirmation link, or – when that address already holds a
    /// registration – the link to it). Deliberately the same answer either way, so the form does not reveal who signed up.
    /// </summary>
    CheckEmail,
    /// <summary>An account that already holds a live registration for the event (<see cref="SignUpResult.ManageToken"/> is theirs).</summary>
    AlreadyRegistered,
    /// <summary>No such event, or not published.</summary>
    NotFound,
    /// <summary>Outside the registration window (<see cref="SignUpResult.Window"/> says which side) or cancelled.</summary>
    NotOpen,
    /// <summary><see cref="SignUpResult.InvalidFields"/> names the <see cref="SignUpInput"/> properties refused.</summary>
    InvalidInput,
}

public sealed record SignUpResult(
    SignUpOutcome Outcome,
    int? RegistrationId = null,
    string? ManageToken = null,
    int? WaitlistPosition = null,
    RegistrationWindow? Window = null,
    IReadOnlyList<string>? InvalidFields = null);

public enum ConfirmEmailOutcome { Confirmed, Waitlisted, AlreadyConfirmed, NotFound, NotOpen }

public enum CancelOutcome { Cancelled, AlreadyCancelled, NotFound, EventStarted }

public enum CheckInOutcome { CheckedIn, AlreadyCheckedIn, NotFound, NotConfirmed, WrongEvent, TooEarly, TooLate }

/// <param name="Name">Null once the personal data is deleted.</param>
/// <param name="OpensAt">For <see cref="CheckInOutcome.TooEarly"/>: when check-in opens (UTC).</param>
public sealed record CheckInResult(CheckInOutcome Outcome, int? RegistrationId = null, int? EventId = null, string? Name = null,
    int Companions = 0, DateTime? CheckedInAt = null, DateTime? OpensAt = null);

/// <summary>The participant's own page, reached by the personal link.</summary>
/// <param name="WaitlistPosition">1-based, when waitlisted.</param>
/// <param name="OnlineUrl">Only when the participant holds a place.</param>
/// <param name="WaitlistCount">How many sign-ups wait for a place at this event now.</param>
public sealed record RegistrationView(
    int Id,
    RegistrationStatus Status,
    string Name,
    string Email,
    int Companions,
    string? Needs,
    string? Answer,
    string CheckInCode,
    string ManageToken,
    int? WaitlistPosition,
    DateTime CreatedAt,
    DateTime? CancelledAt,
    CancelledBy? CancelledBy,
    DateTime? CheckedInAt,
    bool CanCancel,
    int EventId,
    string EventSlug,
    string EventTitle,
    DateTime StartsAt,
    DateTime EndsAt,
    EventStatus EventStatus,
    string LocationText,
    string? OnlineUrl,
    string? Question,
    int WaitlistCount = 0);

/// <summary>A registration as listed on the person's «Min side».</summary>
public sealed record MyRegistration(int Id, string ManageToken, RegistrationStatus Status, int? WaitlistPosition,
    int EventId, string EventSlug, string EventTitle, DateTime StartsAt, EventStatus EventStatus);

/// <summary>What the QR landing page shows before staff press «Sjekk inn».</summary>
public sealed record CheckInCandidate(int RegistrationId, int EventId, string EventTitle, DateTime StartsAt, string Name,
    int Companions, RegistrationStatus Status, DateTime? CheckedInAt);

/// <summary>
/// Sign-up, guest e-mail confirmation, cancellation with automatic promotion from the waitlist, and check-in.
/// Every change of places runs in one transaction that takes SQLite's write lock before it reads
/// (Microsoft.Data.Sqlite starts BeginTransaction as BEGIN IMMEDIATE), so sign-ups and cancellations are
/// serialised: capacity is never exceeded and each freed place is handed on exactly once. The e-mails a change
/// causes are written as <see cref="EventNotification"/> rows in the same transaction.
/// </summary>
public sealed class RegistrationService(BylabDbContext db, TimeProvider time, AuditLog audit, Microsoft.Extensions.Options.IOptions<EventOptions> options)
{
    public const string RemovedAuditAction = "event.registration.removed";
    private static readonly string[] Cultures = ["nb", "nn", "en"];
    private const int SqliteConstraintUnique = 2067;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Signs a person up. An account gets a place or a waitlist position at once; a guest gets an e-mail with a link
    /// and holds nothing until they confirm. The same person never holds two live registrations for one event.
    /// </summary>
    /// <param name="userId">The signed-in account, or null for a guest.</param>
    public async Task<SignUpResult> SignUpAsync(int eventId, string? userId, SignUpInput input, CancellationToken ct = default)
    {
        // The write lock is taken before anything is read (BEGIN IMMEDIATE): every sign-up, confirmation and
        // cancellation of every event runs one at a time, so the places counted below are the places there are.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null || ev.Status == EventStatus.Draft)
        {
            return new SignUpResult(SignUpOutcome.NotFound);
        }
        var now = Now;
        var window = ev.RegistrationWindowAt(now);
        if (window != RegistrationWindow.Open)
        {
            return new SignUpResult(SignUpOutcome.NotOpen, Window: window);
        }
        var invalid = InvalidFields(ev, input);
        if (invalid.Count > 0)
        {
            return new SignUpResult(SignUpOutcome.InvalidInput, InvalidFields: invalid);
        }

        var email = input.Email.Trim();
        var normalized = Registration.NormalizeEmail(email);
        var existing = await db.Registrations
            .Where(r => r.EventId == eventId && r.Status != RegistrationStatus.Cancelled
                && (r.NormalizedEmail == normalized || (userId != null && r.UserId == userId)))
            .OrderBy(r => r.Id)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            if (userId is not null)
            {
                return new SignUpResult(SignUpOutcome.AlreadyRegistered, existing.Id, existing.ManageToken,
                    await WaitlistPositionAsync(existing, ct));
            }
            // A guest form must not tell a stranger whether this address signed up: the owner of the address
            // gets their link again, and the page says «check your e-mail» either way.
            Queue(existing, existing.Status switch
            {
                RegistrationStatus.Unconfirmed => EventNotificationKind.ConfirmEmail,
                RegistrationStatus.Waitlisted => EventNotificationKind.Waitlisted,
                _ => EventNotificationKind.Confirmed,
            }, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new SignUpResult(SignUpOutcome.CheckEmail, existing.Id);
        }

        var registration = new Registration
        {
            EventId = ev.Id,
            UserId = userId,
            Name = input.Name.Trim(),
            Email = email,
            NormalizedEmail = normalized,
            Companions = input.Companions,
            Needs = ev.AskNeeds ? Clean(input.Needs) : null,
            Answer = ev.Question is null ? null : Clean(input.Answer),
            Culture = Cultures.Contains(input.Culture) ? input.Culture : "nb",
            Status = RegistrationStatus.Unconfirmed,
            ManageToken = Registration.NewManageToken(),
            CheckInCode = await NewCheckInCodeAsync(ct),
            CreatedAt = now,
            ConsentedAt = now,
        };
        db.Registrations.Add(registration);
        if (userId is null)
        {
            Queue(registration, EventNotificationKind.ConfirmEmail, now);
        }
        else
        {
            registration.EmailConfirmedAt = now;
            await AllocateAsync(ev, registration, now, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique })
        {
            // Cannot happen while the write lock serialises sign-ups; the unique indexes are the real guarantee.
            return new SignUpResult(userId is null ? SignUpOutcome.CheckEmail : SignUpOutcome.AlreadyRegistered);
        }
        await tx.CommitAsync(ct);
        return registration.Status switch
        {
            RegistrationStatus.Confirmed => new SignUpResult(SignUpOutcome.Confirmed, registration.Id, registration.ManageToken),
            RegistrationStatus.Waitlisted => new SignUpResult(SignUpOutcome.Waitlisted, registration.Id, registration.ManageToken,
                await WaitlistPositionAsync(registration, ct)),
            _ => new SignUpResult(SignUpOutcome.CheckEmail, registration.Id),
        };
    }

    /// <summary>A guest follows the link in the e-mail and presses the button: now they get a place, or a waitlist position.</summary>
    public async Task<ConfirmEmailOutcome> ConfirmEmailAsync(string token, CancellationToken ct = default)
    {
        if (!LooksLikeToken(token))
        {
            return ConfirmEmailOutcome.NotFound;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.Include(r => r.Event).SingleOrDefaultAsync(r => r.ManageToken == token, ct);
        if (registration?.Event is not { } ev)
        {
            return ConfirmEmailOutcome.NotFound;
        }
        if (registration.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted)
        {
            return ConfirmEmailOutcome.AlreadyConfirmed;
        }
        var now = Now;
        // Confirming is allowed until the start, also after registration closed: the guest asked in time.
        if (registration.Status == RegistrationStatus.Cancelled || ev.Status != EventStatus.Published || now >= ev.StartsAt)
        {
            return ConfirmEmailOutcome.NotOpen;
        }
        registration.EmailConfirmedAt = now;
        await AllocateAsync(ev, registration, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return registration.Status == RegistrationStatus.Confirmed ? ConfirmEmailOutcome.Confirmed : ConfirmEmailOutcome.Waitlisted;
    }

    /// <summary>The participant cancels by their personal link, until the event starts. A freed place goes to the waitlist.</summary>
    public async Task<CancelOutcome> CancelAsync(string token, CancellationToken ct = default)
    {
        if (!LooksLikeToken(token))
        {
            return CancelOutcome.NotFound;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.Include(r => r.Event).SingleOrDefaultAsync(r => r.ManageToken == token, ct);
        var outcome = await CancelInTransactionAsync(registration, CancelledBy.Participant, ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    /// <summary>The organiser takes someone off the list (they rang to say they cannot come). A freed place goes to the waitlist.</summary>
    public async Task<CancelOutcome> RemoveAsync(int eventId, int registrationId, Actor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.Include(r => r.Event)
            .SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, ct);
        var outcome = await CancelInTransactionAsync(registration, CancelledBy.Organiser, ct);
        if (outcome == CancelOutcome.Cancelled)
        {
            audit.Add(actor, RemovedAuditAction, "Event", eventId.ToString(), $"registration {registrationId}");
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return outcome;
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
        var heldPlaceOrQueue = registration.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = now;
        registration.CancelledBy = by;
        if (heldPlaceOrQueue)
        {
            // A receipt for the participant's own cancellation; a notice when the organiser took them off the list.
            Queue(registration, EventNotificationKind.Cancelled, now);
        }
        await db.SaveChangesAsync(ct);
        if (heldPlaceOrQueue)
        {
            // Also when a waitlisted person leaves: the head of the queue may have been a big group that did not fit.
            await PromoteWaitingAsync(db, ev, now, ct);
        }
        return CancelOutcome.Cancelled;
    }

    /// <summary>
    /// Inside the caller's write transaction: moves waitlisted registrations up, in order, while their places fit,
    /// and queues a <see cref="EventNotificationKind.Promoted"/> mail for each. Strictly first come, first served:
    /// it stops at the first that does not fit. Saves its changes.
    /// </summary>
    internal static async Task<IReadOnlyList<Registration>> PromoteWaitingAsync(BylabDbContext db, Event ev, DateTime now, CancellationToken ct)
    {
        if (ev.Status != EventStatus.Published || now >= ev.StartsAt)
        {
            return [];
        }
        var taken = await PlacesTakenAsync(db, ev.Id, ct);
        var waiting = await db.Registrations
            .Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistedAt).ThenBy(r => r.Id)
            .ToListAsync(ct);
        var promoted = new List<Registration>();
        foreach (var next in waiting)
        {
            if (taken + next.Places > ev.Capacity)
            {
                break;
            }
            next.Status = RegistrationStatus.Confirmed;
            next.ConfirmedAt = now;
            next.PromotedAt = now;
            taken += next.Places;
            db.EventNotifications.Add(new EventNotification { Registration = next, Kind = EventNotificationKind.Promoted, CreatedAt = now });
            promoted.Add(next);
        }
        await db.SaveChangesAsync(ct);
        return promoted;
    }

    internal static Task<int> PlacesTakenAsync(BylabDbContext db, int eventId, CancellationToken ct) =>
        db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed).SumAsync(r => 1 + r.Companions, ct);

    /// <summary>A place if it fits and nobody is queueing ahead; otherwise the end of the waitlist.</summary>
    private async Task AllocateAsync(Event ev, Registration registration, DateTime now, CancellationToken ct)
    {
        var taken = await PlacesTakenAsync(db, ev.Id, ct);
        var queueing = await db.Registrations.AnyAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waitlisted, ct);
        if (!queueing && taken + registration.Places <= ev.Capacity)
        {
            registration.Status = RegistrationStatus.Confirmed;
            registration.ConfirmedAt = now;
            Queue(registration, EventNotificationKind.Confirmed, now);
        }
        else
        {
            registration.Status = RegistrationStatus.Waitlisted;
            registration.WaitlistedAt = now;
            Queue(registration, EventNotificationKind.Waitlisted, now);
        }
    }

    private void Queue(Registration registration, EventNotificationKind kind, DateTime now) =>
        db.EventNotifications.Add(new EventNotification { Registration = registration, Kind = kind, CreatedAt = now });

    private async Task<string> NewCheckInCodeAsync(CancellationToken ct)
    {
        // 31^8 codes: a collision is unlikely, but under the write lock checking first makes it impossible.
        while (true)
        {
            var code = Registration.NewCheckInCode();
            if (!await db.Registrations.AnyAsync(r => r.CheckInCode == code, ct))
            {
                return code;
            }
        }
    }

    /// <summary>The rules the web form also checks, held here too so that no caller can get past them.</summary>
    public static IReadOnlyList<string> InvalidFields(Event ev, SignUpInput input)
    {
        var invalid = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > Registration.NameMaxLength)
        {
            invalid.Add(nameof(SignUpInput.Name));
        }
        var email = input.Email?.Trim() ?? "";
        var at = email.IndexOf('@');
        if (email.Length is 0 or > Registration.EmailMaxLength || at < 1 || at != email.LastIndexOf('@') || at == email.Length - 1
            || email.Any(char.IsWhiteSpace))
        {
            invalid.Add(nameof(SignUpInput.Email));
        }
        if (input.Companions < 0 || input.Companions > ev.MaxCompanions || 1 + input.Companions > ev.Capacity)
        {
            invalid.Add(nameof(SignUpInput.Companions));
        }
        if (ev.AskNeeds && input.Needs?.Trim().Length > Registration.NeedsMaxLength)
        {
            invalid.Add(nameof(SignUpInput.Needs));
        }
        if (ev.Question is not null && input.Answer?.Trim().Length > Registration.AnswerMaxLength)
        {
            invalid.Add(nameof(SignUpInput.Answer));
        }
        if (!input.Consent)
        {
            invalid.Add(nameof(SignUpInput.Consent));
        }
        return invalid;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Tokens are 43 base64url characters; anything else is not looked up at all.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Staff type or scan a code at the door. Two people scanning the same code at once check in once.</summary>
    /// <param name="eventId">The event being checked in at the door; null when the code came from a scanned QR code.</param>
    public async Task<CheckInResult> CheckInAsync(int? eventId, string code, string actorId, CancellationToken ct = default)
    {
        var normalized = NormalizeCode(code);
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
            return Result(CheckInOutcome.NotConfirmed, registration);
        }
        var now = Now;
        if (await CheckInTimingAsync(registration.EventId, now, ct) is { } closed)
        {
            return closed.Timing == CheckInTiming.TooEarly
                ? Result(CheckInOutcome.TooEarly, registration) with { OpensAt = closed.OpensAt }
                : Result(CheckInOutcome.TooLate, registration);
        }
        // One conditional UPDATE: whoever gets there first checks the person in, the other is told it is done.
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

    /// <summary>Null when check-in is open for the event now; otherwise why not, and when it opens.</summary>
    private async Task<(CheckInTiming Timing, DateTime OpensAt)?> CheckInTimingAsync(int eventId, DateTime now, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var window = CheckInWindow.From(options.Value);
        var timing = ev.CheckInTimingAt(now, window);
        return timing == CheckInTiming.Open ? null : (timing, window.OpensAt(ev.StartsAt));
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
    public async Task<CheckInCandidate?> FindByCheckInCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = NormalizeCode(code);
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

    /// <summary>Codes are read out and typed: case, spaces and dashes do not matter.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var cleaned = new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return cleaned.Length == Registration.CheckInCodeLength && cleaned.All(c => Registration.CheckInAlphabet.Contains(c)) ? cleaned : null;
    }

    /// <summary>The participant's page. Null for an unknown token: the caller shows «not found» and nothing more.</summary>
    public async Task<RegistrationView?> FindByTokenAsync(string token, CancellationToken ct = default)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }
        var r = await db.Registrations.AsNoTracking()
            .Include(x => x.Event).ThenInclude(e => e!.Venue)
            .SingleOrDefaultAsync(x => x.ManageToken == token, ct);
        if (r?.Event is not { } ev)
        {
            return null;
        }
        var now = Now;
        return new RegistrationView(
            r.Id, r.Status, r.Name, r.Email, r.Companions, r.Needs, r.Answer, r.CheckInCode, r.ManageToken,
            await WaitlistPositionAsync(r, ct), r.CreatedAt, r.CancelledAt, r.CancelledBy, r.CheckedInAt,
            CanCancel: r.IsLive && ev.AllowsCancellationAt(now),
            ev.Id, ev.Slug, ev.Title, ev.StartsAt, ev.EndsAt, ev.Status, EventCalendar.LocationText(ev, online: ""),
            OnlineUrl: r.Status == RegistrationStatus.Confirmed && ev.LocationKind == EventLocationKind.Online ? ev.OnlineUrl : null,
            ev.Question,
            // So the page says «your place goes to the first on the waitlist» only when someone is waiting.
            await db.Registrations.CountAsync(x => x.EventId == ev.Id && x.Status == RegistrationStatus.Waitlisted, ct));
    }

    /// <summary>The signed-in person's registrations, soonest event first, then past ones.</summary>
    public async Task<IReadOnlyList<MyRegistration>> ForUserAsync(string userId, CancellationToken ct = default)
    {
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Select(r => new { Registration = r, r.Event!.Slug, r.Event.Title, r.Event.StartsAt, r.Event.EndsAt, r.Event.Status })
            .ToListAsync(ct);
        var now = Now;
        var result = new List<MyRegistration>();
        foreach (var row in rows.OrderBy(x => x.EndsAt < now).ThenBy(x => x.EndsAt < now ? -x.StartsAt.Ticks : x.StartsAt.Ticks))
        {
            result.Add(new MyRegistration(row.Registration.Id, row.Registration.ManageToken, row.Registration.Status,
                await WaitlistPositionAsync(row.Registration, ct), row.Registration.EventId, row.Slug, row.Title, row.StartsAt, row.Status));
        }
        return result;
    }

    /// <summary>1-based place in the queue, or null when not waitlisted.</summary>
    private async Task<int?> WaitlistPositionAsync(Registration r, CancellationToken ct)
    {
        if (r.Status != RegistrationStatus.Waitlisted)
        {
            return null;
        }
        var ahead = await db.Registrations.CountAsync(x => x.EventId == r.EventId && x.Status == RegistrationStatus.Waitlisted
            && (x.WaitlistedAt < r.WaitlistedAt || (x.WaitlistedAt == r.WaitlistedAt && x.Id < r.Id)), ct);
        return ahead + 1;
    }
}
