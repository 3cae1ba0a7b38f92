using Bylab.Core.Data;
using Bylab.Core.Email;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bylab.Core.Moderation;

/// <summary>
/// Sends the statements of reasons owed to authors (<see cref="ModerationNotice"/>): claimed with one conditional UPDATE, so
/// two senders (the request that made the decision and a background round, or two instances) never send one at once,
/// then composed in the author's language, sent and marked. A crash between sending and marking sends it again once the
/// claim runs out: at least once, as event mail.
/// </summary>
public sealed class ModerationNoticeDispatcher(
    BylabDbContext db, IModerationMailComposer composer, IEmailSender sender, TimeProvider time, ILogger<ModerationNoticeDispatcher> logger)
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);
    private const int ExcerptLength = 200;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>In the decision's transaction: the mail its author is owed (none when the author deleted their account).</summary>
    internal static ModerationNotice? Owe(BylabDbContext db, ContentKind kind, int itemId, string? authorId, IModerated decided)
    {
        if (authorId is null)
        {
            return null;
        }
        var notice = new ModerationNotice
        {
            ItemKind = kind, ItemId = itemId, RecipientId = authorId, State = decided.ModerationState, Reason = decided.ModerationReason,
            DecidedAt = decided.ModeratedAt!.Value,
        };
        db.ModerationNotices.Add(notice);
        return notice;
    }

    /// <summary>Every unsent notice nobody else is sending (the background round); returns how many went out.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken ct = default)
    {
        var now = Now;
        var ids = await db.ModerationNotices.AsNoTracking()
            .Where(n => n.SentAt == null && n.Attempts < MaxAttempts && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .OrderBy(n => n.Id).Select(n => n.Id).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            sent += await DeliverAsync(id, ct) ? 1 : 0;
        }
        return sent;
    }

    public async Task<bool> DeliverAsync(int id, CancellationToken ct = default)
    {
        var now = Now;
        var claimed = await db.ModerationNotices
            .Where(n => n.Id == id && n.SentAt == null && n.Attempts < MaxAttempts && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, now + ClaimDuration).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
        if (claimed != 1)
        {
            return false;
        }
        try
        {
            if (await MailAsync(id, ct) is not { } mail)
            {
                await MarkAsync(id, "Skipped: the author or the item is gone", ct);
                return false;
            }
            await sender.SendAsync(composer.Compose(mail), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Moderation notice {Id} failed; will retry", id);
            await db.ModerationNotices.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.LastError, e.GetType().Name + ": " + (e.Message.Length > 500 ? e.Message[..500] : e.Message))
                .SetProperty(n => n.ClaimedUntil, Now + TimeSpan.FromMinutes(5)), CancellationToken.None);
            return false;
        }
        // The mail is out: the mark must be written if at all possible.
        await MarkAsync(id, null, CancellationToken.None);
        return true;
    }

    private async Task<ModerationMail?> MailAsync(int id, CancellationToken ct)
    {
        var notice = await db.ModerationNotices.AsNoTracking().SingleAsync(n => n.Id == id, ct);
        var author = await db.Users.AsNoTracking().Where(u => u.Id == notice.RecipientId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(ct);
        if (author?.Email is null)
        {
            return null;
        }
        var item = await ItemAsync(notice.ItemKind, notice.ItemId, ct);
        if (item is null)
        {
            return null;
        }
        var decided = await ModeratedItems.FindAsync(db, notice.ItemKind, notice.ItemId, ct);
        return new ModerationMail(author.Email, author.DisplayName, author.PreferredCulture, notice.ItemKind, notice.ItemId,
            item.Value.Title, Excerpt(item.Value.Text), item.Value.IdeaSlug, item.Value.EventSlug, notice.State, notice.Reason,
            decided?.Entity.ModerationNote, decided?.Entity.ModeratedById is null, notice.DecidedAt);
    }

    private async Task<(string Title, string Text, string? IdeaSlug, string? EventSlug)?> ItemAsync(ContentKind kind, int id, CancellationToken ct)
    {
        switch (kind)
        {
            case ContentKind.Idea:
                var idea = await db.Ideas.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Title, i.BodyMarkdown }).SingleOrDefaultAsync(ct);
                return idea is null ? null : (idea.Title, idea.BodyMarkdown, Slugs.WithId(null, id), null);
            case ContentKind.Comment:
                var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.IdeaId, c.BodyMarkdown }).SingleOrDefaultAsync(ct);
                return comment is null ? null : ("", comment.BodyMarkdown, Slugs.WithId(null, comment.IdeaId), null);
            case ContentKind.Event:
                var ev = await db.Events.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Title, e.Summary, e.Slug }).SingleOrDefaultAsync(ct);
                return ev is null ? null : (ev.Title, ev.Summary, null, ev.Slug);
            default:
                return null;
        }
    }

    /// <summary>The start of the text on one line: enough for the author to know which item is meant.</summary>
    private static string Excerpt(string text)
    {
        var flat = Common.SingleLineText.Flatten(text);
        return flat.Length <= ExcerptLength ? flat : flat[..ExcerptLength] + " …";
    }

    private Task MarkAsync(int id, string? note, CancellationToken ct) =>
        db.ModerationNotices.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.SentAt, Now).SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.LastError, note), ct);
}
