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

    /// <summary>The person turned off the daily e-mail about comments on their ideas and replies to their comments.</summary>
    public bool CommentDigestOptOut { get; set; }

    /// <summary>Optional, given with consent (<see cref="DemographicsConsentedAt"/>): counted, never shown per person, in consultation summaries.</summary>
    public Summaries.AgeGroup? AgeGroup { get; set; }

    /// <summary>Optional, given with consent, as <see cref="AgeGroup"/>.</summary>
    public Summaries.MunicipalityPart? MunicipalityPart { get; set; }

    /// <summary>When the person agreed that their age group and part of the municipality are counted; null = not counted.</summary>
    public DateTime? DemographicsConsentedAt { get; set; }

    /// <summary>When the person last signed in with an eID (the external OpenID Connect provider); null = not verified.</summary>
    public DateTime? VerifiedAt { get; set; }

    /// <summary>The provider's display name at that time («ID-porten»), shown on Min side.</summary>
    public string? VerifiedBy { get; set; }

    public bool IsVerified => VerifiedAt is not null;

    /// <summary>Marks the account as verified by the eID sign-in just made.</summary>
    public void MarkVerified(string provider, DateTime now)
    {
        VerifiedAt = now;
        VerifiedBy = provider.Length > VerifiedByMaxLength ? provider[..VerifiedByMaxLength] : provider;
    }

    public const int VerifiedByMaxLength = 60;

    /// <summary>
    /// Blocked by an admin: the lockout without end that <see cref="AdminUserService.SetLockedAsync"/> sets, and only an
    /// admin lifts (a password reset does not). Other lockouts (wrong second-factor codes) end by themselves.
    /// </summary>
    public bool IsBlockedByAdmin => LockoutEnd == DateTimeOffset.MaxValue;
}
