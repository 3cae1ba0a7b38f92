using Bylab.Core.Email;

namespace Bylab.Core.Moderation;

/// <summary>
/// One moderator's digest of one period: new reports and items held by the word list since the last digest. Gathered
/// under the write lock at most once per <see cref="ModerationOptions.DigestInterval"/> (the newest <see cref="CoveredUntil"/>
/// is the state that survives a restart), unique per moderator and period, claimed before it is sent and marked after.
/// </summary>
public class ModeratorDigest
{
    public int Id { get; set; }
    public string RecipientId { get; set; } = "";
    /// <summary>The end of the previous digest's period; null for the first digest ever.</summary>
    public DateTime? CoveredFrom { get; set; }
    public DateTime CoveredUntil { get; set; }
    public int NewReports { get; set; }
    public int NewHeld { get; set; }
    /// <summary>Items with open reports, and held items, when the digest was gathered: the size of the queue.</summary>
    public int ItemsWaiting { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
}

/// <summary>What a digest tells a moderator; the web layer writes it in their language.</summary>
public sealed record ModeratorDigestMail(string Email, string DisplayName, string Culture, int NewReports, int NewHeld, int ItemsWaiting,
    DateTime? Since);

public interface IModeratorDigestComposer
{
    EmailMessage Compose(ModeratorDigestMail mail);
}
