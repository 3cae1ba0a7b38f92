using Bylab.Core.Moderation;
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

/// <param name="EventId">Set unless <see cref="ConfirmEmailOutcome.NotFound"/>.</param>
/// <param name="WaitlistPosition">1-based, when the sign-up is on the waitlist.</param>
public sealed record ConfirmEmailResult(ConfirmEmailOutcome Outcome, int? EventId = null, int? WaitlistPosition = null);

/// <summary>
/// Signing up, with an account or as a guest, and a guest's confirmation of their e-mail address. Every change of
/// places runs in one transaction that takes SQLite's write lock before it reads (Microsoft.Data.Sqlite starts
/// BeginTransaction as BEGIN IMMEDIATE), so sign-ups are serialised: capacity is never exceeded. The e-mails a
/// change causes are queued in the same transaction (<see cref="EventNotificationQueue"/>).
/// </summary>
public sealed class SignUpService(BylabDbContext db, TimeProvider time, EventPlaces places, EventNotificationQueue mail)
{
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
        // cancellation of every event runs one at a time, so the places counted are the places there are.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.SingleOrDefaultAsync(e => e.Id == eventId, ct);
        var now = Now;
        if (Refusal(ev, input, now) is { } refused)
        {
            return refused;
        }

        var normalized = Registration.NormalizeEmail(input.Email);
        var existing = await db.Registrations
            .Where(r => r.EventId == eventId && r.Status != RegistrationStatus.Cancelled
                && (r.NormalizedEmail == normalized || (userId != null && r.UserId == userId)))
            .OrderBy(r => r.Id)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            var again = await AgainAsync(existing, userId is not null, now, ct);
            await tx.CommitAsync(ct);
            return again;
        }

        var registration = New(ev!, userId, input, await NewCheckInCodeAsync(ct), now);
        db.Registrations.Add(registration);
        if (userId is null)
        {
            mail.Add(registration, EventNotificationKind.ConfirmEmail, now);
        }
        else
        {
            registration.ConfirmEmail(now);
            await places.AllocateAsync(ev!, registration, now, ct);
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
                await places.PositionAsync(registration, ct)),
            _ => new SignUpResult(SignUpOutcome.CheckEmail, registration.Id),
        };
    }

    /// <summary>Why the sign-up cannot be taken at all: no such (published) event, outside the window, or input the rules refuse.</summary>
    private static SignUpResult? Refusal(Event? ev, SignUpInput input, DateTime now)
    {
        // A hidden (or held) event takes no sign-ups: its page is a moderation notice, and a stale form must not get past it.
        if (ev is null || ev.Status == EventStatus.Draft || !ev.IsPubliclyVisible())
        {
            return new SignUpResult(SignUpOutcome.NotFound);
        }
        if (ev.RegistrationWindowAt(now) is not RegistrationWindow.Open and var window)
        {
            return new SignUpResult(SignUpOutcome.NotOpen, Window: window);
        }
        var invalid = SignUpRules.InvalidFields(ev, input);
        return invalid.Count > 0 ? new SignUpResult(SignUpOutcome.InvalidInput, InvalidFields: invalid) : null;
    }

    /// <summary>A new sign-up as typed, holding nothing yet; only the fields the event asks for are kept.</summary>
    private static Registration New(Event ev, string? userId, SignUpInput input, string checkInCode, DateTime now)
    {
        var email = input.Email.Trim();
        return new Registration
        {
            EventId = ev.Id,
            UserId = userId,
            Name = input.Name.Trim(),
            Email = email,
            NormalizedEmail = Registration.NormalizeEmail(email),
            Companions = input.Companions,
            Needs = ev.AskNeeds ? Optional(input.Needs) : null,
            Answer = ev.Question is null ? null : Optional(input.Answer),
            Culture = Cultures.Contains(input.Culture) ? input.Culture : "nb",
            Status = RegistrationStatus.Unconfirmed,
            ManageToken = Registration.NewManageToken(),
            CheckInCode = checkInCode,
            CreatedAt = now,
            ConsentedAt = now,
        };
    }

    /// <summary>The person already holds a live registration for the event (inside the sign-up's transaction).</summary>
    private async Task<SignUpResult> AgainAsync(Registration existing, bool isAccount, DateTime now, CancellationToken ct)
    {
        if (isAccount)
        {
            return new SignUpResult(SignUpOutcome.AlreadyRegistered, existing.Id, existing.ManageToken, await places.PositionAsync(existing, ct));
        }
        // A guest form must not tell a stranger whether this address signed up: the owner of the address
        // gets their link again, and the page says «check your e-mail» either way.
        mail.Add(existing, existing.Status switch
        {
            RegistrationStatus.Unconfirmed => EventNotificationKind.ConfirmEmail,
            RegistrationStatus.Waitlisted => EventNotificationKind.Waitlisted,
            _ => EventNotificationKind.Confirmed,
        }, now);
        await db.SaveChangesAsync(ct);
        return new SignUpResult(SignUpOutcome.CheckEmail, existing.Id);
    }

    /// <summary>A guest follows the link in the e-mail and presses the button: now they get a place, or a waitlist position.</summary>
    public async Task<ConfirmEmailResult> ConfirmEmailAsync(string token, CancellationToken ct = default)
    {
        if (!Registration.LooksLikeManageToken(token))
        {
            return new ConfirmEmailResult(ConfirmEmailOutcome.NotFound);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.Include(r => r.Event).SingleOrDefaultAsync(r => r.ManageToken == token, ct);
        if (registration?.Event is not { } ev)
        {
            return new ConfirmEmailResult(ConfirmEmailOutcome.NotFound);
        }
        if (registration.HoldsPlaceOrQueue)
        {
            return new ConfirmEmailResult(ConfirmEmailOutcome.AlreadyConfirmed, ev.Id, await places.PositionAsync(registration, ct));
        }
        var now = Now;
        // Confirming is allowed until the start, also after registration closed: the guest asked in time.
        if (registration.Status == RegistrationStatus.Cancelled || ev.Status != EventStatus.Published || now >= ev.StartsAt
            || !ev.IsPubliclyVisible())
        {
            return new ConfirmEmailResult(ConfirmEmailOutcome.NotOpen, ev.Id);
        }
        registration.ConfirmEmail(now);
        await places.AllocateAsync(ev, registration, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return registration.Status == RegistrationStatus.Confirmed
            ? new ConfirmEmailResult(ConfirmEmailOutcome.Confirmed, ev.Id)
            : new ConfirmEmailResult(ConfirmEmailOutcome.Waitlisted, ev.Id, await places.PositionAsync(registration, ct));
    }

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

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
