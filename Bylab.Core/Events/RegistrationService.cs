using Bylab.Core.Data;
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

public enum CheckInOutcome { CheckedIn, AlreadyCheckedIn, NotFound, NotConfirmed, WrongEvent }

/// <param name="Name">Null once the personal data is deleted.</param>
public sealed record CheckInResult(CheckInOutcome Outcome, int? RegistrationId = null, int? EventId = null, string? Name = null,
    int Companions = 0, DateTime? CheckedInAt = null);

/// <summary>The participant's own page, reached by the personal link.</summary>
/// <param name="WaitlistPosition">1-based, when waitlisted.</param>
/// <param name="OnlineUrl">Only when the participant holds a place.</param>
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
    string? Question);

/// <summary>A registration as listed on the person's «Min side».</summary>
public sealed record MyRegistration(int Id, string ManageToken, RegistrationStatus Status, int? WaitlistPosition,
    int EventId, string EventSlug, string EventTitle, DateTime StartsAt, EventStatus EventStatus);

/// <summary>
/// Sign-up, guest e-mail confirmation, cancellation with automatic promotion from the waitlist, and check-in.
/// Every change of places runs in one transaction that takes SQLite's write lock before it reads
/// (Microsoft.Data.Sqlite starts BeginTransaction as BEGIN IMMEDIATE), so sign-ups and cancellations are
/// serialised: capacity is never exceeded and each freed place is handed on exactly once. The e-mails a change
/// causes are written as <see cref="EventNotification"/> rows in the same transaction.
/// </summary>
public sealed partial class RegistrationService(BylabDbContext db, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Contract (written first, in RegistrationService.*.cs):
    // Task<SignUpResult> SignUpAsync(int eventId, string? userId, SignUpInput input, CancellationToken ct = default)
    // Task<ConfirmEmailOutcome> ConfirmEmailAsync(string token, CancellationToken ct = default)
    // Task<CancelOutcome> CancelAsync(string token, CancellationToken ct = default)                     the participant
    // Task<CancelOutcome> RemoveAsync(int eventId, int registrationId, string actorId, CancellationToken ct = default)  the organiser
    // Task<RegistrationView?> FindByTokenAsync(string token, CancellationToken ct = default)
    // Task<IReadOnlyList<MyRegistration>> ForUserAsync(string userId, CancellationToken ct = default)
    // Task<CheckInResult> CheckInAsync(int? eventId, string code, string actorId, CancellationToken ct = default)  eventId null: from the QR code
    // Task<CheckInResult> CheckInByIdAsync(int eventId, int registrationId, string actorId, CancellationToken ct = default)
    // Task<CheckInResult> UndoCheckInAsync(int eventId, int registrationId, string actorId, CancellationToken ct = default)
    // Task<CheckInResult?> FindByCheckInCodeAsync(string code, CancellationToken ct = default)   for the QR landing page (no change)
    // internal static Task<IReadOnlyList<Registration>> PromoteWaitingAsync(BylabDbContext db, Event ev, DateTime now, CancellationToken ct)
    //     Inside the caller's write transaction: moves waitlisted registrations up in order while their places fit, queues Promoted.
}
