namespace Bylab.Core.Moderation;

/// <summary>Audit codes of moderation; target type is the item's kind ("idea", "comment", "event"). The web layer translates them.</summary>
public static class ModerationAuditActions
{
    /// <summary>Reports reached the threshold: hidden by the system (actor <see cref="Auditing.AuditLog.System"/>).</summary>
    public const string HiddenAutomatically = "moderation.hidden-automatically";
    public const string Hidden = "moderation.hidden";
    public const string Restored = "moderation.restored";
    public const string ReportsDismissed = "moderation.reports-dismissed";
    /// <summary>A new or edited idea or comment matched the word list: held for review (actor «system»; details start with the reason).</summary>
    public const string HeldByWordList = "moderation.held-by-word-list";
    public const string WordListAdded = "moderation.word-list-added";
    public const string WordListRemoved = "moderation.word-list-removed";
    /// <summary>A moderator answered an author's request for review (built on the moderators' side; counted on the transparency page).</summary>
    /// <summary>A posting block (target type "user"); details: the justification.</summary>
    public const string UserBlocked = "moderation.user-blocked";
    public const string UserUnblocked = "moderation.user-unblocked";
    public const string ReviewRequested = "moderation.review-requested";
    /// <summary>A moderator answered a request for review; details: the outcome («Upheld»/«Restored») and the answer.</summary>
    public const string ReviewAnswered = "moderation.review-answered";
}
