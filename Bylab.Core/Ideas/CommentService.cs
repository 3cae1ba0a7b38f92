using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Ideas;

/// <summary><see cref="AddCommentOutcome.TooMany"/>: the person reached <see cref="Moderation.ModerationOptions.CommentsPerHour"/>; nothing was stored.</summary>
public enum AddCommentOutcome { Added, InvalidInput, NotFound, Closed, ReplyToReply, IdeaWithdrawn, TooMany }

/// <param name="CommentId">Set when <see cref="AddCommentOutcome.Added"/>.</param>
/// <param name="Held">Added, but the word list matched: held for review, seen only by its author until a moderator decides.</param>
public sealed record AddCommentResult(AddCommentOutcome Outcome, int? CommentId = null, bool Held = false);

public enum EditCommentOutcome { Edited, InvalidInput, NotFound, NotAuthor, WindowClosed, Closed }

public enum DeleteCommentOutcome { Deleted, NotFound, NotAuthor }

/// <summary>Comments on ideas, with one level of replies, while the consultation is open (ideas or voting).</summary>
public sealed class CommentService(BylabDbContext db, TimeProvider time, IOptions<IdeaOptions> options, Moderation.WordList words,
    IOptions<Moderation.ModerationOptions> moderation)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <param name="parentId">The comment this one answers; it must itself be a top-level comment on the same idea.</param>
    public async Task<AddCommentResult> AddAsync(string userId, int ideaId, int? parentId, string? bodyMarkdown, CancellationToken ct = default)
    {
        var body = bodyMarkdown?.Trim() ?? "";
        if (body.Length == 0 || body.Length > Comment.BodyMaxLength || !Common.TextRule.IsPlainText(body))
        {
            return new AddCommentResult(AddCommentOutcome.InvalidInput);
        }
        var idea = await db.Ideas.AsNoTracking()
            .Where(i => i.Id == ideaId)
            .Select(i => new { i.WithdrawnAt, i.MergedIntoId, i.Consultation, i.AuthorId, i.ModerationState })
            .SingleOrDefaultAsync(ct);
        // Hidden and held ideas are not there for the public (the visibility rule): nothing can be added to them.
        if (idea?.Consultation is null || idea.ModerationState != Moderation.ModerationState.Visible)
        {
            return new AddCommentResult(AddCommentOutcome.NotFound);
        }
        var now = Now;
        if (!idea.Consultation.AcceptsCommentsAt(now))
        {
            return new AddCommentResult(AddCommentOutcome.Closed);
        }
        if (idea.WithdrawnAt is not null || idea.MergedIntoId is not null)
        {
            return new AddCommentResult(AddCommentOutcome.IdeaWithdrawn);
        }
        string? parentAuthorId = null;
        if (parentId is not null)
        {
            var parent = await db.Comments.AsNoTracking()
                .Where(c => c.Id == parentId && c.IdeaId == ideaId)
                .Select(c => new { c.ParentId, c.AuthorId, c.ModerationState })
                .SingleOrDefaultAsync(ct);
            if (parent is null || parent.ModerationState != Moderation.ModerationState.Visible)
            {
                return new AddCommentResult(AddCommentOutcome.NotFound);
            }
            if (parent.ParentId is not null)
            {
                return new AddCommentResult(AddCommentOutcome.ReplyToReply);
            }
            parentAuthorId = parent.AuthorId;
        }
        // Write lock first (BEGIN IMMEDIATE): the count against the hourly limit and the insert are one step.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await Moderation.PostingLimits.CommentsReachedAsync(db, userId, now, moderation.Value.CommentsPerHour, ct))
        {
            return new AddCommentResult(AddCommentOutcome.TooMany);
        }
        var comment = new Comment { IdeaId = ideaId, ParentId = parentId, AuthorId = userId, BodyMarkdown = body, CreatedAt = now };
        var held = await words.HoldIfMatchedAsync(comment, [body], ct);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        await Counters.RecomputeCommentsAsync(db, ideaId, ct);
        if (held is null)
        {
            await QueueNoticesAsync(comment, userId, idea.AuthorId, parentAuthorId, now, ct);
        }
        else
        {
            // Nobody hears of a held comment: it is not there for them until a moderator lets it through.
            words.RecordHeld(Moderation.ContentKind.Comment, comment.Id, userId, comment, held);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new AddCommentResult(AddCommentOutcome.Added, comment.Id, held is not null);
    }

    /// <summary>
    /// In the comment's own transaction: who should hear about it in their next digest (<see cref="CommentDigestService"/>),
    /// unless they turned the digest off on Min side.
    /// </summary>
    private async Task QueueNoticesAsync(Comment comment, string writerId, string? ideaAuthorId, string? parentAuthorId, DateTime now, CancellationToken ct)
    {
        var recipients = CommentNotice.RecipientsOf(writerId, ideaAuthorId, parentAuthorId);
        if (recipients.Count == 0)
        {
            return;
        }
        var ids = recipients.Select(r => r.RecipientId).ToList();
        var wanting = await db.Users.Where(u => ids.Contains(u.Id) && !u.CommentDigestOptOut).Select(u => u.Id).ToListAsync(ct);
        db.CommentNotices.AddRange(recipients.Where(r => wanting.Contains(r.RecipientId)).Select(r => new CommentNotice
        {
            RecipientId = r.RecipientId, CommentId = comment.Id, Reason = r.Reason, CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The author edits within <see cref="IdeaOptions.EditWindowMinutes"/>, while the consultation takes comments.</summary>
    public async Task<EditCommentOutcome> EditAsync(string userId, int commentId, string? bodyMarkdown, CancellationToken ct = default)
    {
        var body = bodyMarkdown?.Trim() ?? "";
        if (body.Length == 0 || body.Length > Comment.BodyMaxLength || !Common.TextRule.IsPlainText(body))
        {
            return EditCommentOutcome.InvalidInput;
        }
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null || comment.IsDeleted)
        {
            return EditCommentOutcome.NotFound;
        }
        if (comment.AuthorId != userId)
        {
            return EditCommentOutcome.NotAuthor;
        }
        var now = Now;
        if (!comment.CanEdit(userId, now, options.Value.EditWindow))
        {
            return EditCommentOutcome.WindowClosed;
        }
        var consultation = await db.Ideas.Where(i => i.Id == comment.IdeaId).Select(i => i.Consultation!).SingleAsync(ct);
        if (!consultation.AcceptsCommentsAt(now))
        {
            return EditCommentOutcome.Closed;
        }
        comment.BodyMarkdown = body;
        comment.EditedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // An edit is new text: the word list reads it as it reads a new comment.
        if (await words.HoldIfMatchedAsync(comment, [body], ct) is { } held)
        {
            words.RecordHeld(Moderation.ContentKind.Comment, comment.Id, userId, comment, held);
            await db.SaveChangesAsync(ct);
            await Counters.RecomputeCommentsAsync(db, comment.IdeaId, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EditCommentOutcome.Edited;
    }

    /// <summary>The author deletes their comment: the text goes, the place stays, replies stay readable.</summary>
    public async Task<DeleteCommentOutcome> DeleteAsync(string userId, int commentId, CancellationToken ct = default)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null || comment.IsDeleted)
        {
            return DeleteCommentOutcome.NotFound;
        }
        if (comment.AuthorId != userId)
        {
            return DeleteCommentOutcome.NotAuthor;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        comment.Delete(Now);
        await db.SaveChangesAsync(ct);
        await Counters.RecomputeCommentsAsync(db, comment.IdeaId, ct);
        await tx.CommitAsync(ct);
        return DeleteCommentOutcome.Deleted;
    }
}
