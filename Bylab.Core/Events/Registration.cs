using System.Security.Cryptography;
using Bylab.Core.Accounts;

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

    /// <summary>Null for a guest, and after the account was deleted.</summary>
    public string? UserId { get; set; }
    public BylabUser? User { get; set; }

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

    public int Places => 1 + Companions;
    public bool IsLive => Status is RegistrationStatus.Unconfirmed or RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted;

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    public static string NewManageToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewCheckInCode() => RandomNumberGenerator.GetString(CheckInAlphabet, CheckInCodeLength);
}
