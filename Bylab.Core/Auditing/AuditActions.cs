namespace Bylab.Core.Auditing;

public static class AuditActions
{
    public const string RolesChanged = "user.roles.changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserDeletedOwnAccount = "user.account.deleted";
    public const string TwoFactorReset = "user.twofactor.reset";
    public const string TwoFactorEnrolmentLinkSent = "user.twofactor.enrolment-link";
    public const string TwoFactorEnrolled = "user.twofactor.enrolled";
    public const string ClientCreated = "client.created";
    public const string ClientUpdated = "client.updated";
    public const string ClientSecretRegenerated = "client.secret.regenerated";
}
