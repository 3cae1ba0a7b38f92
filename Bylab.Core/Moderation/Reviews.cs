using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Bylab.Core.Ideas;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bylab.Core.Moderation;

public enum ReviewRequestOutcome { Sent, NotFound, NotDecided, AlreadyRequested, InvalidInput }

public enum ReviewAnswerOutcome { Done, NotFound, AlreadyAnswered, InvalidInput }

/// <summary>The statement of reasons as its author reads it: their own item, the decision, and their request if they made one.</summary>
public sealed record StatementOfReasons(ContentKind Kind, int Id, string Text, ModerationView Decision, ReviewView? Request);

public sealed record ReviewView(string Message, DateTime CreatedAt, ReviewOutcome? Outcome, string? Answer, DateTime? AnsweredAt);

/// <summary>A request waiting for a moderator: the item's text and decision beside the author's message.</summary>
public sealed record PendingReview(int Id, ContentKind Kind, int ItemId, string Text, string? AuthorName, ModerationView? Decision,
    string Message, DateTime CreatedAt);

/// <summary>
/// Requests for review (EU DSA art. 20): the author of a hidden or held item asks once per decision (a unique index on the
/// decision holds it), a moderator answers once (a conditional UPDATE claims the request) by upholding or restoring, and
/// the author is mailed the outcome in their language. The caller checked who may do what (the author; the Moderator role).
/// </summary>
public sealed class Reviews(BylabDbContext db, AuditLog audit, IModerationMailComposer composer, IEmailSender sender,
    TimeProvider time, ILogger<Reviews> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Null unless the viewer wrote the item and it is hidden or held (or they asked about it before).</summary>
    public async Task<StatementOfReasons?> StatementAsync(string authorId, ContentKind kind, int id, CancellationToken ct = default)
    {
        var item = await ModeratedItems.FindAsync(db, kind, id, ct);
        if (item is null || item.AuthorId != authorId || ModerationView.Of(item.Entity) is not { } decision)
        {
            return null;
        }
        var decidedAt = item.Entity.ModeratedAt!.Value;
        var request = await db.ReviewRequests.AsNoTracking()
            .Where(r => r.ItemKind == kind && r.ItemId == id && r.DecidedAt == decidedAt)
            .Select(r => new ReviewView(r.Message, r.CreatedAt, r.Outcome, r.Answer, r.AnsweredAt)).SingleOrDefaultAsync(ct);
        return new StatementOfReasons(kind, id, TextOf(item.Entity), decision, request);
    }

    public async Task<ReviewRequestOutcome> RequestAsync(string authorId, ContentKind kind, int id, string? message, CancellationToken ct = default)
    {
        if (!PostingBlocks.IsValidText(message, ReviewRequest.MessageMaxLength))
        {
            return ReviewRequestOutcome.InvalidInput;
        }
        var item = await ModeratedItems.FindAsync(db, kind, id, ct);
        if (item is null || item.AuthorId != authorId)
        {
            return ReviewRequestOutcome.NotFound;
        }
        if (item.Entity.IsPubliclyVisible())
        {
            return ReviewRequestOutcome.NotDecided;
        }
        db.ReviewRequests.Add(new ReviewRequest
        {
            ItemKind = kind, ItemId = id, DecidedAt = item.Entity.ModeratedAt!.Value, AuthorId = authorId, Message = message!.Trim(), CreatedAt = Now,
        });
        audit.Add(new Actor(authorId, null), ModerationAuditActions.ReviewRequested, kind.ToString().ToLowerInvariant(), id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 /* SQLITE_CONSTRAINT_UNIQUE */ })
        {
            // The unique index on the decision: a second tab, a replayed form, two requests at once.
            return ReviewRequestOutcome.AlreadyRequested;
        }
        return ReviewRequestOutcome.Sent;
    }

    public async Task<IReadOnlyList<PendingReview>> PendingAsync(CancellationToken ct = default)
    {
        var requests = await db.ReviewRequests.AsNoTracking().Where(r => r.AnsweredAt == null).OrderBy(r => r.CreatedAt).Take(ModerationQueue.Take).ToListAsync(ct);
        var list = new List<PendingReview>();
        foreach (var r in requests)
        {
            var item = await ModeratedItems.FindAsync(db, r.ItemKind, r.ItemId, ct);
            var author = r.AuthorId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            list.Add(new PendingReview(r.Id, r.ItemKind, r.ItemId, item is null ? "" : TextOf(item.Entity), author,
                item is null ? null : ModerationView.Of(item.Entity), r.Message, r.CreatedAt));
        }
        return list;
    }

    /// <summary>Upholds the decision or restores the item, once; the author is mailed the outcome.</summary>
    public async Task<ReviewAnswerOutcome> AnswerAsync(Actor moderator, int requestId, ReviewOutcome outcome, string? answer, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(outcome) || !PostingBlocks.IsValidText(answer, ModerationTransitions.NoteMaxLength))
        {
            return ReviewAnswerOutcome.InvalidInput;
        }
        answer = answer!.Trim();
        var now = Now;
        ReviewRequest request;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Claimed with one conditional UPDATE: a replayed form or a second moderator answers nothing twice.
            var claimed = await db.ReviewRequests.Where(r => r.Id == requestId && r.AnsweredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnsweredAt, now).SetProperty(r => r.AnsweredById, moderator.UserId)
                    .SetProperty(r => r.Outcome, outcome).SetProperty(r => r.Answer, answer), ct);
            if (claimed == 0)
            {
                return await db.ReviewRequests.AnyAsync(r => r.Id == requestId, ct) ? ReviewAnswerOutcome.AlreadyAnswered : ReviewAnswerOutcome.NotFound;
            }
            request = await db.ReviewRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, ct);
            var kind = request.ItemKind.ToString().ToLowerInvariant();
            var item = await ModeratedItems.FindAsync(db, request.ItemKind, request.ItemId, ct);
            // The reviewed decision's reason leads the details: the transparency page counts reviews by reason.
            var reason = item?.Entity.ModerationReason;
            if (outcome == ReviewOutcome.Restored && item is not null && !item.Entity.IsPubliclyVisible())
            {
                item.Entity.Restore(moderator.UserId, answer, now);
                await db.Reports.Where(r => r.ItemKind == request.ItemKind && r.ItemId == request.ItemId && r.DismissedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.DismissedAt, now), ct);
                audit.Add(moderator, ModerationAuditActions.Restored, kind, request.ItemId, answer);
                await db.SaveChangesAsync(ct);
                if (item.IdeaId is { } ideaId)
                {
                    await Counters.RecomputeCommentsAsync(db, ideaId, ct);
                }
            }
            audit.Add(moderator, ModerationAuditActions.ReviewAnswered, kind, request.ItemId, reason is null ? $"{outcome}; {answer}" : $"{reason}; {outcome}; {answer}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await MailAsync(request, outcome, answer, ct);
        return ReviewAnswerOutcome.Done;
    }

    private async Task MailAsync(ReviewRequest request, ReviewOutcome outcome, string answer, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Id == request.AuthorId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(ct);
        if (author?.Email is null)
        {
            return;
        }
        try
        {
            await sender.SendAsync(composer.Compose(new ReviewAnswerMail(author.Email, author.DisplayName, author.PreferredCulture,
                request.ItemKind, request.ItemId, outcome, answer)), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The answer stands and the author's statement page shows it; the mail is a courtesy on top.
            logger.LogWarning(e, "Review answer mail for request {Id} failed", request.Id);
        }
    }

    internal static string TextOf(IModerated item) => item switch
    {
        Idea i => i.Title + "\n\n" + i.BodyMarkdown,
        Comment c => c.BodyMarkdown,
        Events.Event e => e.Title + "\n\n" + e.Summary,
        _ => "",
    };
}
