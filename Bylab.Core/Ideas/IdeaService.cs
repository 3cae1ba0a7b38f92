using Bylab.Core.Moderation;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Ideas;

/// <summary><see cref="SubmitOutcome.TooMany"/>: the person reached <see cref="ModerationOptions.IdeasPerHour"/>; nothing was stored.</summary>
public enum SubmitOutcome { Created, InvalidInput, NotFound, ConsultationNotOpen, TooMany }

/// <param name="IdeaId">Set when <see cref="SubmitOutcome.Created"/>.</param>
/// <param name="InvalidFields">Names of <see cref="IdeaContent"/> properties that were refused, when <see cref="SubmitOutcome.InvalidInput"/>.</param>
/// <param name="Slug">The new idea's "slug-id", when <see cref="SubmitOutcome.Created"/>.</param>
/// <param name="Held">Created, but the word list matched: held for review, seen only by its author until a moderator decides.</param>
public sealed record SubmitResult(SubmitOutcome Outcome, int? IdeaId = null, IReadOnlyList<string>? InvalidFields = null, string? Slug = null,
    bool Held = false);

public enum EditIdeaOutcome { Edited, InvalidInput, NotFound, NotAuthor, WindowClosed, Answered, Withdrawn }

/// <param name="Slug">The idea's "slug-id" after the edit (a new title is a new slug), when <see cref="EditIdeaOutcome.Edited"/>.</param>
public sealed record EditIdeaResult(EditIdeaOutcome Outcome, IReadOnlyList<string>? InvalidFields = null, string? Slug = null);

public enum WithdrawIdeaOutcome { Withdrawn, NotFound, NotAuthor, AlreadyWithdrawn }

/// <param name="Slug">The idea's "slug-id", unless <see cref="WithdrawIdeaOutcome.NotFound"/>.</param>
public sealed record WithdrawIdeaResult(WithdrawIdeaOutcome Outcome, string? Slug = null);

public enum FollowOutcome { Following, NotFollowing, NotFound, Withdrawn }

/// <param name="Slug">The idea's "slug-id", unless <see cref="FollowOutcome.NotFound"/>.</param>
public sealed record FollowResult(FollowOutcome Outcome, string? Slug = null);

public enum AnswerOutcome { Answered, NotFound, InvalidInput }

/// <summary>Someone to tell about an official answer; the web layer writes the e-mail in their language.</summary>
public sealed record FollowerToNotify(string UserId, string Email, string DisplayName, string PreferredCulture);

/// <param name="FollowersHeldBack">The idea is hidden or held: the answer is saved, but no follower is mailed about an idea they cannot read.</param>
public sealed record AnswerResult(AnswerOutcome Outcome, IReadOnlyList<FollowerToNotify> Followers, bool FollowersHeldBack = false)
{
    public static readonly AnswerResult NotFound = new(AnswerOutcome.NotFound, []);
    public static readonly AnswerResult InvalidInput = new(AnswerOutcome.InvalidInput, []);
}

public enum MergeOutcome { Merged, NotFound, SameIdea, DifferentConsultations, TargetMerged, AlreadyMerged }

/// <summary>What citizens do with their ideas, and what staff do with them (official answers, merging duplicates).</summary>
public sealed class IdeaService(BylabDbContext db, TimeProvider time, IOptions<IdeaOptions> options, AuditLog audit, WordList words,
    IOptions<ModerationOptions> moderation)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Saves a new idea in a consultation that is open for ideas. The theme defaults to the consultation's.
    /// The author follows their own idea, so they hear about the official answer.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(string userId, int consultationId, IdeaContent content, CancellationToken ct = default)
    {
        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null)
        {
            return new SubmitResult(SubmitOutcome.NotFound);
        }
        var invalid = await InvalidFieldsAsync(content, ct);
        if (invalid.Count > 0)
        {
            return new SubmitResult(SubmitOutcome.InvalidInput, InvalidFields: invalid);
        }
        var now = Now;
        if (!consultation.AcceptsIdeasAt(now))
        {
            return new SubmitResult(SubmitOutcome.ConsultationNotOpen);
        }
        var idea = new Idea
        {
            ConsultationId = consultation.Id,
            ThemeId = content.ThemeId ?? consultation.ThemeId,
            AuthorId = userId,
            Title = content.CleanTitle,
            BodyMarkdown = content.CleanBody,
            PlaceName = content.CleanPlaceName,
            CreatedAt = now,
            Principles = content.PrincipleRows(),
            Goals = content.GoalRows(),
        };
        // Write lock first (BEGIN IMMEDIATE): the count against the hourly limit and the insert are one step.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await PostingLimits.IdeasReachedAsync(db, userId, now, moderation.Value.IdeasPerHour, ct))
        {
            return new SubmitResult(SubmitOutcome.TooMany);
        }
        var held = await words.HoldIfMatchedAsync(idea, [idea.Title, idea.BodyMarkdown, idea.PlaceName], ct);
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(ct);
        db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea.Id, UserId = userId, CreatedAt = now });
        if (held is not null)
        {
            words.RecordHeld(ContentKind.Idea, idea.Id, userId, idea, held);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SubmitResult(SubmitOutcome.Created, idea.Id, Slug: Slugs.WithId(idea.Title, idea.Id), Held: held is not null);
    }

    /// <summary>The author edits within <see cref="IdeaOptions.EditWindowMinutes"/> of writing, never after an official answer.</summary>
    public async Task<EditIdeaResult> EditAsync(string userId, int ideaId, IdeaContent content, CancellationToken ct = default)
    {
        var idea = await db.Ideas.Include(i => i.Principles).Include(i => i.Goals).SingleOrDefaultAsync(i => i.Id == ideaId, ct);
        if (idea is null || idea.IsMerged)
        {
            return new EditIdeaResult(EditIdeaOutcome.NotFound);
        }
        if (idea.AuthorId != userId)
        {
            return new EditIdeaResult(EditIdeaOutcome.NotAuthor);
        }
        if (idea.IsWithdrawn)
        {
            return new EditIdeaResult(EditIdeaOutcome.Withdrawn);
        }
        if (idea.IsAnswered)
        {
            return new EditIdeaResult(EditIdeaOutcome.Answered);
        }
        var now = Now;
        if (!idea.CanEdit(userId, now, options.Value.EditWindow))
        {
            return new EditIdeaResult(EditIdeaOutcome.WindowClosed);
        }
        var invalid = await InvalidFieldsAsync(content, ct);
        if (invalid.Count > 0)
        {
            return new EditIdeaResult(EditIdeaOutcome.InvalidInput, invalid);
        }
        idea.Title = content.CleanTitle;
        idea.BodyMarkdown = content.CleanBody;
        idea.PlaceName = content.CleanPlaceName;
        idea.ThemeId = content.ThemeId ?? idea.ThemeId;
        idea.Principles.Clear();
        idea.Principles.AddRange(content.PrincipleRows());
        idea.Goals.Clear();
        idea.Goals.AddRange(content.GoalRows());
        idea.EditedAt = now;
        // An edit is new text: the word list reads it as it reads a new idea.
        if (await words.HoldIfMatchedAsync(idea, [idea.Title, idea.BodyMarkdown, idea.PlaceName], ct) is { } held)
        {
            words.RecordHeld(ContentKind.Idea, idea.Id, userId, idea, held);
        }
        await db.SaveChangesAsync(ct);
        return new EditIdeaResult(EditIdeaOutcome.Edited, Slug: Slugs.WithId(idea.Title, idea.Id));
    }

    /// <summary>The author takes the idea back: it stays readable by its link but leaves lists and takes no more votes or comments.</summary>
    public async Task<WithdrawIdeaResult> WithdrawAsync(string userId, int ideaId, CancellationToken ct = default)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == ideaId, ct);
        if (idea is null || idea.IsMerged)
        {
            return new(WithdrawIdeaOutcome.NotFound);
        }
        var slug = Slugs.WithId(idea.Title, idea.Id);
        if (idea.AuthorId != userId)
        {
            return new(WithdrawIdeaOutcome.NotAuthor, slug);
        }
        if (idea.IsWithdrawn)
        {
            return new(WithdrawIdeaOutcome.AlreadyWithdrawn, slug);
        }
        idea.Withdraw(Now);
        await db.SaveChangesAsync(ct);
        return new(WithdrawIdeaOutcome.Withdrawn, slug);
    }

    /// <summary>
    /// Following twice is the same as following once. A withdrawn idea gets no more answers worth a mail, so it
    /// cannot be followed anew (those who already follow it can still stop).
    /// </summary>
    public async Task<FollowResult> FollowAsync(string userId, int ideaId, CancellationToken ct = default)
    {
        var idea = await db.Ideas.Where(i => i.Id == ideaId && i.MergedIntoId == null)
            .Select(i => new { i.Title, i.WithdrawnAt }).SingleOrDefaultAsync(ct);
        if (idea is null)
        {
            return new(FollowOutcome.NotFound);
        }
        var title = idea.Title;
        if (idea.WithdrawnAt is not null)
        {
            return new(FollowOutcome.Withdrawn, Slugs.WithId(title, ideaId));
        }
        await db.Database.ExecuteSqlAsync(
            $"INSERT OR IGNORE INTO IdeaFollowers (IdeaId, UserId, CreatedAt) VALUES ({ideaId}, {userId}, {Now})", ct);
        return new(FollowOutcome.Following, Slugs.WithId(title, ideaId));
    }

    public async Task<FollowResult> UnfollowAsync(string userId, int ideaId, CancellationToken ct = default)
    {
        if (await TitleAsync(db.Ideas.Where(i => i.Id == ideaId), ct) is not { } title)
        {
            return new(FollowOutcome.NotFound);
        }
        await db.IdeaFollowers.Where(f => f.IdeaId == ideaId && f.UserId == userId).ExecuteDeleteAsync(ct);
        return new(FollowOutcome.NotFollowing, Slugs.WithId(title, ideaId));
    }

    private static Task<string?> TitleAsync(IQueryable<Idea> idea, CancellationToken ct) =>
        idea.Select(i => (string?)i.Title).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Staff give the municipality's official answer (it may be changed later by answering again). Returns
    /// the followers to notify; the web layer sends them a localized e-mail. Audited.
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(Actor staff, int ideaId, IdeaStatus status, string? answerMarkdown, CancellationToken ct = default)
    {
        var text = answerMarkdown?.Trim() ?? "";
        if (status == IdeaStatus.New || !Enum.IsDefined(status) || text.Length == 0 || text.Length > Idea.AnswerMaxLength
            || !Common.TextRule.IsPlainText(text))
        {
            return AnswerResult.InvalidInput;
        }
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == ideaId, ct);
        if (idea is null || idea.IsMerged)
        {
            return AnswerResult.NotFound;
        }
        idea.Answer(status, text, staff.UserId, Now);
        audit.Add(staff, IdeaAuditActions.IdeaAnswered, "idea", idea.Id.ToString(), status.ToString());
        await db.SaveChangesAsync(ct);
        if (!idea.IsPubliclyVisible())
        {
            // The visibility rule reaches mail too: followers are not told about an idea the public cannot read.
            return new AnswerResult(AnswerOutcome.Answered, [], FollowersHeldBack: true);
        }

        var followers = await (
                from f in db.IdeaFollowers
                join u in db.Users on f.UserId equals u.Id
                where f.IdeaId == ideaId && u.Email != null && u.EmailConfirmed
                orderby u.Id
                select new FollowerToNotify(u.Id, u.Email!, u.DisplayName, u.PreferredCulture))
            .AsNoTracking().ToListAsync(ct);
        return new AnswerResult(AnswerOutcome.Answered, followers);
    }

    /// <summary>
    /// Staff merge a duplicate into another idea of the same consultation. Votes move (a person who voted for
    /// both keeps one vote), followers move, comments stay on the duplicate, which is hidden from lists and
    /// points to the target. Counters of both are recomputed in the same transaction. Audited.
    /// </summary>
    public async Task<MergeOutcome> MergeAsync(Actor staff, int duplicateId, int targetId, CancellationToken ct = default)
    {
        if (duplicateId == targetId)
        {
            return MergeOutcome.SameIdea;
        }
        // Write lock first (BEGIN IMMEDIATE, see VoteService): no vote can slip in between moving and counting.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var duplicate = await db.Ideas.SingleOrDefaultAsync(i => i.Id == duplicateId, ct);
        var target = await db.Ideas.AsNoTracking().SingleOrDefaultAsync(i => i.Id == targetId, ct);
        if (duplicate is null || target is null)
        {
            return MergeOutcome.NotFound;
        }
        if (duplicate.IsMerged)
        {
            return MergeOutcome.AlreadyMerged;
        }
        if (target.IsMerged)
        {
            return MergeOutcome.TargetMerged;
        }
        if (duplicate.ConsultationId != target.ConsultationId)
        {
            return MergeOutcome.DifferentConsultations;
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Votes (IdeaId, UserId, CreatedAt)
            SELECT {targetId}, d.UserId, d.CreatedAt FROM Votes d
            WHERE d.IdeaId = {duplicateId}
              AND (d.UserId IS NULL OR NOT EXISTS (SELECT 1 FROM Votes t WHERE t.IdeaId = {targetId} AND t.UserId = d.UserId))
            """, ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM Votes WHERE IdeaId = {duplicateId}", ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT OR IGNORE INTO IdeaFollowers (IdeaId, UserId, CreatedAt)
            SELECT {targetId}, UserId, CreatedAt FROM IdeaFollowers WHERE IdeaId = {duplicateId}
            """, ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM IdeaFollowers WHERE IdeaId = {duplicateId}", ct);

        duplicate.MergedIntoId = targetId;
        audit.Add(staff, IdeaAuditActions.IdeaMerged, "idea", duplicateId.ToString(), $"into {targetId}");
        await db.SaveChangesAsync(ct);
        await Counters.RecomputeVotesAsync(db, duplicateId, ct);
        await Counters.RecomputeVotesAsync(db, targetId, ct);
        await tx.CommitAsync(ct);
        return MergeOutcome.Merged;
    }

    private async Task<IReadOnlyList<string>> InvalidFieldsAsync(IdeaContent content, CancellationToken ct)
    {
        var invalid = content.InvalidFields().ToList();
        if (content.ThemeId is { } themeId && !await db.Themes.AnyAsync(t => t.Id == themeId, ct))
        {
            invalid.Add(nameof(IdeaContent.ThemeId));
        }
        return invalid;
    }
}

/// <summary>
/// The denormalised counters are only ever set from the rows themselves (a correlated UPDATE), never by
/// adding or subtracting one, and always inside the transaction that changed the rows: they cannot drift.
/// </summary>
internal static class Counters
{
    public static Task<int> RecomputeVotesAsync(BylabDbContext db, int ideaId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE Ideas SET VoteCount = (SELECT COUNT(*) FROM Votes WHERE Votes.IdeaId = Ideas.Id) WHERE Id = {ideaId}", ct);

    public static Task<int> RecomputeCommentsAsync(BylabDbContext db, int ideaId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE Ideas SET CommentCount = (SELECT COUNT(*) FROM Comments WHERE Comments.IdeaId = Ideas.Id AND Comments.DeletedAt IS NULL AND Comments.ModerationState = 'Visible') WHERE Id = {ideaId}", ct);
}
