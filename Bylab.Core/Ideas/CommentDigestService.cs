using Bylab.Core.Moderation;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bylab.Core.Ideas;

/// <summary>One new comment in a digest: on the recipient's idea, or a reply to their comment.</summary>
public sealed record CommentDigestItem(int IdeaId, string IdeaTitle, int CommentId, CommentNoticeReason Reason, string? WriterName,
    string BodyMarkdown, DateTime CreatedAt)
{
    public string IdeaSlug => Slugs.WithId(IdeaTitle, IdeaId);
}

/// <summary>Everything one digest e-mail says, for <see cref="ICommentDigestComposer"/>.</summary>
public sealed record CommentDigestMail(string Email, string DisplayName, string Culture, IReadOnlyList<CommentDigestItem> Items);

/// <summary>Writes the digest in the recipient's language with absolute links; implemented by the web layer, which owns texts and URLs.</summary>
public interface ICommentDigestComposer
{
    EmailMessage Compose(CommentDigestMail mail);
}

/// <summary>
/// The daily e-mail to idea authors about new comments and replies, as Decidim sends it: at most one a day per person,
/// none to someone who turned it off on Min side.
/// </summary>
/// <remarks>
/// Two steps, both safe to run from two instances at once. <see cref="GatherAsync"/> makes a <see cref="CommentDigest"/> for
/// each person with waiting notices whose last digest is a day old, in one serialised transaction (SQLite's write lock),
/// and gives each notice to exactly one digest. <see cref="SendPendingAsync"/> claims a digest with one conditional UPDATE,
/// sends it and marks it sent – the same delivery as event mail: never two senders at once, never skipped, and after a crash
/// between sending and marking, sent again once the claim runs out (at least once).
/// </remarks>
public sealed class CommentDigestService(
    BylabDbContext db, ICommentDigestComposer composer, IEmailSender sender, TimeProvider time, ILogger<CommentDigestService> logger)
{
    /// <summary>At most one digest per person in this time (and one per Oslo day, by a unique index).</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromHours(24);
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 10;
    private const int Batch = 100;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Gathers waiting notices into digests; returns how many digests were made.</summary>
    public async Task<int> GatherAsync(CancellationToken ct = default)
    {
        var now = Now;
        var today = DateOnly.FromDateTime(OsloTime.ToOslo(now));
        // BEGIN IMMEDIATE: a second instance waits here, then sees this one's digests and leaves those people alone.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var waiting = await db.CommentNotices.Where(n => n.DigestId == null).Select(n => n.RecipientId).Distinct().ToListAsync(ct);
        var made = 0;
        foreach (var recipient in waiting)
        {
            var recent = await db.CommentDigests.AnyAsync(d => d.RecipientId == recipient && (d.CreatedAt > now - MinimumGap || d.OsloDay == today), ct);
            if (recent)
            {
                continue;
            }
            if (await db.Users.Where(u => u.Id == recipient).Select(u => u.CommentDigestOptOut).SingleOrDefaultAsync(ct))
            {
                // Turned off after the comments came: they are not saved up for later.
                await db.CommentNotices.Where(n => n.RecipientId == recipient && n.DigestId == null).ExecuteDeleteAsync(ct);
                continue;
            }
            var digest = new CommentDigest { RecipientId = recipient, OsloDay = today, CreatedAt = now };
            db.CommentDigests.Add(digest);
            await db.SaveChangesAsync(ct);
            await db.CommentNotices.Where(n => n.RecipientId == recipient && n.DigestId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.DigestId, digest.Id), ct);
            made++;
        }
        await tx.CommitAsync(ct);
        return made;
    }

    /// <summary>Sends every unsent digest nobody else is sending; returns how many e-mails went out.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct = default)
    {
        var now = Now;
        var ids = await db.CommentDigests.AsNoTracking()
            .Where(d => d.SentAt == null && d.Attempts < MaxAttempts && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            if (await DeliverAsync(id, ct))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> DeliverAsync(int id, CancellationToken ct)
    {
        var now = Now;
        var claimed = await db.CommentDigests
            .Where(d => d.Id == id && d.SentAt == null && d.Attempts < MaxAttempts && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, now + ClaimDuration).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
        if (claimed != 1)
        {
            return false;
        }
        var digest = await db.CommentDigests.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == digest.RecipientId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture, u.CommentDigestOptOut }).SingleOrDefaultAsync(ct);
        var items = await ItemsAsync(id, ct);
        var skip = recipient is null || string.IsNullOrEmpty(recipient.Email) ? "no recipient"
            : recipient.CommentDigestOptOut ? "turned off"
            : items.Count == 0 ? "the comments were deleted"
            : null;
        if (skip is not null)
        {
            await MarkAsync(id, "Skipped: " + skip, CancellationToken.None);
            return false;
        }
        try
        {
            await sender.SendAsync(composer.Compose(new CommentDigestMail(recipient!.Email!, recipient.DisplayName, recipient.PreferredCulture, items)), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = digest.Attempts;
            await db.CommentDigests.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LastError, Truncate(e.GetType().Name + ": " + e.Message))
                .SetProperty(d => d.ClaimedUntil, Now + TimeSpan.FromMinutes(Math.Min(60, attempts * attempts))), CancellationToken.None);
            logger.LogWarning(e, "Comment digest {Id} failed (attempt {Attempts})", id, attempts);
            return false;
        }
        // The mail is out: the mark must be written if at all possible.
        await MarkAsync(id, null, CancellationToken.None);
        return true;
    }

    /// <summary>The digest's comments that still stand, oldest first; deleted ones are left out.</summary>
    private async Task<List<CommentDigestItem>> ItemsAsync(int digestId, CancellationToken ct) =>
        await (from n in db.CommentNotices.AsNoTracking()
               where n.DigestId == digestId
               join c in db.Comments on n.CommentId equals c.Id
               where c.DeletedAt == null && c.ModerationState == ModerationState.Visible
               join i in db.Ideas on c.IdeaId equals i.Id
               where i.ModerationState == ModerationState.Visible
               join w in db.Users on c.AuthorId equals w.Id into writers
               from w in writers.DefaultIfEmpty()
               orderby i.Id, c.CreatedAt, c.Id
               select new CommentDigestItem(i.Id, i.Title, c.Id, n.Reason, w == null ? null : w.DisplayName, c.BodyMarkdown, c.CreatedAt))
            .ToListAsync(ct);

    private Task MarkAsync(int id, string? note, CancellationToken ct) =>
        db.CommentDigests.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.SentAt, Now)
            .SetProperty(d => d.ClaimedUntil, (DateTime?)null)
            .SetProperty(d => d.LastError, note), ct);

    private static string Truncate(string s) => s.Length <= 1_000 ? s : s[..1_000];
}
