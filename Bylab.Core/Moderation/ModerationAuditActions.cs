namespace Bylab.Core.Moderation;

/// <summary>Audit codes of moderation; target type is the item's kind ("idea", "comment", "event"). The web layer translates them.</summary>
public static class ModerationAuditActions
{
    /// <summary>Reports reached the threshold: hidden by the system (actor <see cref="Auditing.AuditLog.System"/>).</summary>
    public const string HiddenAutomatically = "moderation.hidden-automatically";
    public const string Hidden = "moderation.hidden";
    public const string Restored = "moderation.restored";
    public const string ReportsDismissed = "moderation.reports-dismissed";
}
