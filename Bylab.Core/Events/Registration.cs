using System.Security.Cryptography;

namespace Bylab.Core.Events;

public enum RegistrationStatus
{
    /// <summary>A guest who has not yet followed the link in the e-mail: holds no place and no waitlist position.</summary>
    Unconfirmed,
    /// <summary>Holds <see cref="Registration.Places"/> places.</summary>
    Confirmed,
    /// <summary>On the waitlist, in order of <see cref="Registration.WaitlistedAt"/> then <see cref="Registration.Id"/>.</summary>
    Waitlisted,
    Cancelled,
}

public enum CancelledBy { Participant, Organiser, EventCancelled, Expired }

/// <summary>
/// One person's sign-up for one event, with an account or as a guest. The same person (account or e-mail)
/// holds at most one live registration per event: two partial unique indexes make sure of it.
/// </summary>
public class Registration
{
    public const int NameMaxLength = 150;
    public const int EmailMaxLength = 256;
    public const int NeedsMaxLength = 500;
    public const int AnswerMaxLength = 1_000;
    public const int CheckInCodeLength = 8;

    /// <summary>Letters and digits without look-alikes (no 0/O, 1/I/L), easy to read out at the door.</summary>
    public const string CheckInAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }

    /// <summary>The account (an Identity user id); null for a guest, and after the account was deleted.</summary>
    public string? UserId { get; set; }

    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>Upper-case invariant e-mail, for the one-registration-per-person index.</summary>
    public string NormalizedEmail { get; set; } = "";

    /// <summary>People the participant brings; they count against capacity.</summary>
    public int Companions { get; set; }
    public string? Needs { get; set; }
    public string? Answer { get; set; }

    /// <summary>The language the participant used ("nb", "nn", "en"); their e-mails are written in it.</summary>
    public string Culture { get; set; } = "nb";

    public RegistrationStatus Status { get; set; }

    /// <summary>
    /// The secret in the participant's personal link (/pamelding/{token}): 256 random bits, base64url.
    /// It is kept (like Identity's security stamp) because later e-mails – reminder, promotion, cancellation –
    /// must carry the same link.
    /// </summary>
    public string ManageToken { get; set; } = "";

    /// <summary>Short code shown as text and QR code; staff check the participant in with it. Unique.</summary>
    public string CheckInCode { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    /// <summary>When a guest followed the e-mail link (accounts: at sign-up).</summary>
    public DateTime? EmailConfirmedAt { get; set; }
    public DateTime? ConsentedAt { get; set; }
    /// <summary>When the place was given (at sign-up or by promotion).</summary>
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? WaitlistedAt { get; set; }
    public DateTime? PromotedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public CancelledBy? CancelledBy { get; set; }
    public DateTime? CheckedInAt { get; set; }
    public string? CheckedInById { get; set; }

    /// <summary>Places the sign-up takes: the participant and their companions. <see cref="EventPlaces"/> sums the same in SQL.</summary>
    public int Places => 1 + Companions;
    public bool IsLive => Status is RegistrationStatus.Unconfirmed or RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted;
    /// <summary>Holds a place or a place in the queue: leaving may let the waitlist move up, and the participant is told.</summary>
    public bool HoldsPlaceOrQueue => Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted;

    /// <summary>
    /// The sign-up can still be withdrawn: it is live and the person has not been checked in at the door (someone in
    /// the room keeps their place; staff undo the check-in first if it was a mistake).
    /// </summary>
    public bool IsCancellable => IsLive && CheckedInAt is null;

    /// <summary>A guest followed the link in the e-mail (an account's address is confirmed at sign-up).</summary>
    public void ConfirmEmail(DateTime now) => EmailConfirmedAt = now;

    /// <summary>The sign-up gets its places.</summary>
    public void Confirm(DateTime now)
    {
        Status = RegistrationStatus.Confirmed;
        ConfirmedAt = now;
    }

    /// <summary>The sign-up goes to the end of the queue.</summary>
    public void Waitlist(DateTime now)
    {
        Status = RegistrationStatus.Waitlisted;
        WaitlistedAt = now;
    }

    /// <summary>A freed place went to this sign-up from the waitlist.</summary>
    public void Promote(DateTime now)
    {
        Confirm(now);
        PromotedAt = now;
    }

    /// <returns>Whether it held a place or a place in the queue (see <see cref="HoldsPlaceOrQueue"/>).</returns>
    public bool Cancel(CancelledBy by, DateTime now)
    {
        var held = HoldsPlaceOrQueue;
        Status = RegistrationStatus.Cancelled;
        CancelledAt = now;
        CancelledBy = by;
        return held;
    }

    /// <summary>The account was deleted: name, e-mail and answers go; what the attendance counts need stays.</summary>
    public void ErasePersonalData()
    {
        Name = "";
        Email = "";
        // Unique among live sign-ups of the event, and matching no address anyone can type.
        NormalizedEmail = $"DELETED-{Id}";
        Needs = null;
        Answer = null;
    }

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    public static string NewManageToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Tokens are 43 base64url characters; anything else is not looked up at all.</summary>
    public static bool LooksLikeManageToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string NewCheckInCode() => RandomNumberGenerator.GetString(CheckInAlphabet, CheckInCodeLength);

    /// <summary>Codes are read out and typed: case, spaces and dashes do not matter. Null when it cannot be a code.</summary>
    public static string? NormalizeCheckInCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var cleaned = new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return cleaned.Length == CheckInCodeLength && cleaned.All(c => CheckInAlphabet.Contains(c)) ? cleaned : null;
    }
}

/// <summary>
/// The sign-ups that are one person's personal data: those made with their account, and guest sign-ups made with the
/// account's confirmed address (the person owns that address, so those are theirs as much as the others). The data
/// download and the account deletion ask the same question here.
/// </summary>
public static class AccountRegistrations
{
    /// <param name="confirmedEmail">The account's address if it is confirmed; null counts only the account's own sign-ups.</param>
    public static IQueryable<Registration> OfAccount(this IQueryable<Registration> registrations, string userId, string? confirmedEmail)
    {
        var address = string.IsNullOrWhiteSpace(confirmedEmail) ? null : Registration.NormalizeEmail(confirmedEmail);
        return registrations.Where(r => r.UserId == userId || (address != null && r.UserId == null && r.NormalizedEmail == address));
    }
}
