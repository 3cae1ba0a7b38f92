using Bylab.Core.Email;

namespace Bylab.Core.Moderation;

/// <summary>
/// The statement of reasons to an author (EU Digital Services Act, art. 17): what was decided about which item, on what
/// ground, whether automatically, and how to ask for a review. The web layer writes it in the author's language.
/// </summary>
/// <param name="ItemTitle">The idea's or event's title; empty for a comment (the mail then quotes its start).</param>
/// <param name="Excerpt">The start of the item's text, so the author knows which one is meant.</param>
/// <param name="IdeaSlug">The idea the item belongs to (itself, or a comment's idea), for the link; null for events.</param>
public sealed record ModerationMail(
    string Email, string DisplayName, string Culture, ContentKind Kind, int ItemId, string ItemTitle, string Excerpt,
    string? IdeaSlug, string? EventSlug, ModerationState State, ModerationReason? Reason, string? Note, bool Automatic, DateTime DecidedAt);

/// <summary>To a person a moderator blocked from posting (<paramref name="Blocked"/>) or unblocked, with the moderator's words.</summary>
public sealed record PostingBlockMail(string Email, string DisplayName, string Culture, bool Blocked, string? Reason, bool ContentHidden);

/// <summary>The answer to an author's request for review: upheld or restored, with the moderator's message.</summary>
public sealed record ReviewAnswerMail(string Email, string DisplayName, string Culture, ContentKind Kind, int ItemId, ReviewOutcome Outcome, string? Answer);

/// <summary>Writes moderation's mails in the recipient's language (the web layer holds the texts).</summary>
public interface IModerationMailComposer
{
    EmailMessage Compose(ModerationMail mail);
    EmailMessage Compose(PostingBlockMail mail);
    EmailMessage Compose(ReviewAnswerMail mail);
}
