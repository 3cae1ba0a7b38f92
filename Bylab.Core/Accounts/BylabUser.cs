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
}
