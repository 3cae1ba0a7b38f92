namespace Bylab.Core.Moderation;

/// <summary>
/// One person's report of one item. The database holds the rule «one report per person and item» (a unique index on
/// kind, item and reporter); reports stay after the item is hidden, restored or deleted, as the record of what was said.
/// </summary>
public class Report
{
    public const int NoteMaxLength = 1_000;

    public int Id { get; set; }
    public ContentKind ItemKind { get; set; }
    public int ItemId { get; set; }

    /// <summary>Null once the reporter deleted their account: the report still counts, anonymously.</summary>
    public string? ReporterId { get; set; }

    public ModerationReason Reason { get; set; }

    /// <summary>What the reporter added in their own words; optional, at most <see cref="NoteMaxLength"/> characters.</summary>
    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when a moderator dismissed the report (the item stays or comes back); dismissed reports no longer count.</summary>
    public DateTime? DismissedAt { get; set; }
}

/// <summary>
/// An e-mail owed to an item's author about a moderation decision (the statement of reasons), written in the same
/// transaction as the decision, so it is owed exactly when the decision was made, and sent after the commit.
/// A unique index on (kind, item, decision time, state) keeps one decision from owing two mails.
/// </summary>
public class ModerationNotice
{
    public int Id { get; set; }
    public ContentKind ItemKind { get; set; }
    public int ItemId { get; set; }
    public string RecipientId { get; set; } = "";
    public ModerationState State { get; set; }
    public ModerationReason? Reason { get; set; }
    /// <summary>The decision's time: the item's <see cref="IModerated.ModeratedAt"/>.</summary>
    public DateTime DecidedAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
