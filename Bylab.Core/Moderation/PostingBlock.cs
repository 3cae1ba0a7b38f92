namespace Bylab.Core.Moderation;

/// <summary>
/// A moderator's block on a person's posting: they can still sign in, read, download and delete their data, but nothing
/// they send is stored. Distinct from <see cref="Accounts.BylabUser.IsBlockedByAdmin"/>, which shuts the sign-in.
/// The database enforces it: triggers on every table people write to (ideas, comments, votes, reports, event sign-ups)
/// abort an insert by a blocked person with <see cref="TriggerMessage"/>, so no service, raw SQL or future form slips past.
/// One active block per person (a unique index on <see cref="UserId"/> where <see cref="LiftedAt"/> is null).
/// </summary>
public class PostingBlock
{
    public const int ReasonMaxLength = 1_000;

    /// <summary>The message the triggers raise; <see cref="PostingBlocks.IsBlockedError"/> recognises it.</summary>
    public const string TriggerMessage = "bylab:posting-blocked";

    public int Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The moderator's justification: told to the person, kept in the audit log.</summary>
    public string Reason { get; set; } = "";
    public string BlockedById { get; set; } = "";
    public DateTime BlockedAt { get; set; }
    public DateTime? LiftedAt { get; set; }
    public string? LiftedById { get; set; }
    public string? LiftNote { get; set; }
}

/// <summary>An author's request for review of one moderation decision (EU DSA art. 20); one per decision, answered once.</summary>
public class ReviewRequest
{
    public const int MessageMaxLength = 2_000;

    public int Id { get; set; }
    public ContentKind ItemKind { get; set; }
    public int ItemId { get; set; }
    /// <summary>The decision asked about: the item's <see cref="IModerated.ModeratedAt"/> when the request was made. Unique with the item.</summary>
    public DateTime DecidedAt { get; set; }
    public string? AuthorId { get; set; }
    public string Message { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredById { get; set; }
    public ReviewOutcome? Outcome { get; set; }
    public string? Answer { get; set; }
}

public enum ReviewOutcome { Upheld = 1, Restored = 2 }
