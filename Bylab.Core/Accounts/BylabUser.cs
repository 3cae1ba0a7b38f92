using Microsoft.AspNetCore.Identity;

namespace Bylab.Core.Accounts;

public class BylabUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 254;

    /// <summary>The name shown beside a person's contributions.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The language the person chose (nb, nn or en); used for e-mails sent to them.</summary>
    public string PreferredCulture { get; set; } = "nb";

    public DateTime CreatedAt { get; set; }

    public DateTime? LastLoginAt { get; set; }

    /// <summary>
    /// UTC; set while an admin has blocked the account. Identity's lockout (LockoutEnd) is used for both an admin's block
    /// and the short lock after failed passwords; this tells them apart, so the login page can say which it is.
    /// </summary>
    public DateTime? BlockedAt { get; set; }

    /// <summary>The person turned off the daily e-mail about comments on their ideas and replies to their comments.</summary>
    public bool CommentDigestOptOut { get; set; }

    /// <summary>Blocked by an admin (not merely locked for a while after failed attempts).</summary>
    public bool IsBlockedAt(DateTimeOffset now) => BlockedAt is not null && LockoutEnd > now;
}
