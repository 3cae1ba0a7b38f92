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
    /// The RFC 6238 time step (Unix time / 30 s) of the last authenticator code accepted: a code for this step or an
    /// earlier one is refused, so each code signs in once (ASVS 2.8.4). See <see cref="OneTimeAuthenticatorTokenProvider"/>.
    /// </summary>
    public long? LastTotpTimeStep { get; set; }
}
