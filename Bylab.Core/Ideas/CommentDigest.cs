namespace Bylab.Core.Ideas;

public enum CommentNoticeReason
{
    /// <summary>Someone commented on the recipient's idea.</summary>
    OnYourIdea,
    /// <summary>Someone replied to the recipient's comment.</summary>
    ReplyToYourComment,
}

/// <summary>
/// That one person should hear about one new comment. Written in the transaction that adds the comment, so nothing is
/// lost; unique per (recipient, comment). It joins exactly one <see cref="CommentDigest"/> (<see cref="DigestId"/> is set
/// once, by a conditional update) and is deleted with the comment, the idea or the recipient's account.
/// </summary>
public class CommentNotice
{
    /// <summary>
    /// Who hears about a new comment: the author of the comment it replies to, and the idea's author; never the writer
    /// themselves, and each person once (a reply to your own comment on your own idea is a reply).
    /// </summary>
    public static IReadOnlyList<(string RecipientId, CommentNoticeReason Reason)> RecipientsOf(string writerId, string? ideaAuthorId, string? parentAuthorId)
    {
        var recipients = new List<(string, CommentNoticeReason)>();
        if (parentAuthorId is not null && parentAuthorId != writerId)
        {
            recipients.Add((parentAuthorId, CommentNoticeReason.ReplyToYourComment));
        }
        if (ideaAuthorId is not null && ideaAuthorId != writerId && ideaAuthorId != parentAuthorId)
        {
            recipients.Add((ideaAuthorId, CommentNoticeReason.OnYourIdea));
        }
        return recipients;
    }

    public long Id { get; set; }
    public string RecipientId { get; set; } = "";
    public int CommentId { get; set; }
    public CommentNoticeReason Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? DigestId { get; set; }
}

/// <summary>
/// One e-mail to one person gathering the comments and replies since their last one: at most one a day (a unique index
/// on recipient and Oslo day holds that even for two instances), and none to someone who turned it off on Min side.
/// Sent by <see cref="CommentDigestService"/> with the same claim as event mail: a row is claimed before it is sent and
/// marked after, so two senders never send it at once; a crash between sending and marking sends it again (at least once).
/// </summary>
public class CommentDigest
{
    public int Id { get; set; }
    public string RecipientId { get; set; } = "";

    /// <summary>The day in Oslo the digest was made; one per recipient and day.</summary>
    public DateOnly OsloDay { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
