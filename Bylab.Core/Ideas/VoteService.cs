using Bylab.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Ideas;

public enum CastVoteOutcome
{
    Voted,
    AlreadyVoted,
    NotFound,
    /// <summary>The idea was withdrawn by its author or merged into another: it takes no votes.</summary>
    Withdrawn,
    VotingClosed,
    LimitReached,
    /// <summary>The consultation takes votes only from accounts verified with an eID, and this one is not.</summary>
    NotVerified,
}

public enum WithdrawVoteOutcome { Withdrawn, NotVoted, VotingClosed, NotFound }

/// <summary>What the vote button needs next: the outcome, and the idea as it is after the call.</summary>
/// <param name="Slug">The idea's "slug-id" for its page; null when the idea does not exist.</param>
/// <param name="VoteCount">The idea's votes now.</param>
/// <param name="Voted">The person's vote is on the idea now.</param>
/// <param name="Limit">The votes each person has in the consultation, when the limit was reached.</param>
/// <param name="VotesLeft">The votes the person has left in the consultation now; null when it sets no limit.</param>
public sealed record VoteResult<TOutcome>(TOutcome Outcome, string? Slug = null, int VoteCount = 0, bool Voted = false, int? Limit = null,
    int? VotesLeft = null)
    where TOutcome : struct, Enum;

/// <summary>
/// Votes: one per person and idea (a unique index guarantees it), withdrawable while voting is open, and
/// at most <see cref="Consultation.MaxVotesPerPerson"/> (or <see cref="IdeaOptions.MaxVotesPerConsultation"/>) per person and consultation.
/// </summary>
public sealed class VoteService(BylabDbContext db, TimeProvider time, IOptions<IdeaOptions> options)
{
    /// <summary>The message of the trigger TR_Votes_VerifiedOnly (migration VerifiedAccounts).</summary>
    public const string VerifiedVoteError = "bylab:verified-account-required";

    public async Task<VoteResult<CastVoteOutcome>> CastAsync(string userId, int ideaId, CancellationToken ct = default)
    {
        // The limit is a check-then-insert across several rows, which a unique index cannot express.
        // It holds under concurrency because the check and the insert run in one transaction that takes
        // SQLite's write lock before it reads: Microsoft.Data.Sqlite starts BeginTransaction as
        // "BEGIN IMMEDIATE" (serializable, not deferred). A second voter waits (busy timeout) until the
        // first commits, then counts the first one's vote. A deferred transaction would instead read
        // first and fail with SQLITE_BUSY when upgrading to write.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = await db.Ideas.AsNoTracking()
            .Where(i => i.Id == ideaId)
            .Select(i => new { i.WithdrawnAt, i.MergedIntoId, i.Consultation, i.ModerationState })
            .SingleOrDefaultAsync(ct);
        // A hidden or held idea is not there for the public: it takes no votes (those it had stay, for a restore).
        if (target?.Consultation is null || target.ModerationState != Moderation.ModerationState.Visible)
        {
            return new(CastVoteOutcome.NotFound);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (!target.Consultation.AcceptsVotesAt(now))
        {
            return await ResultAsync(CastVoteOutcome.VotingClosed, userId, ideaId, ct);
        }
        if (target.WithdrawnAt is not null || target.MergedIntoId is not null)
        {
            return await ResultAsync(CastVoteOutcome.Withdrawn, userId, ideaId, ct);
        }
        if (await db.Votes.AnyAsync(v => v.IdeaId == ideaId && v.UserId == userId, ct))
        {
            return await ResultAsync(CastVoteOutcome.AlreadyVoted, userId, ideaId, ct);
        }
        if (target.Consultation.RequiresVerifiedAccount && !await db.Users.AnyAsync(u => u.Id == userId && u.VerifiedAt != null, ct))
        {
            return await ResultAsync(CastVoteOutcome.NotVerified, userId, ideaId, ct);
        }
        var limit = LimitOf(target.Consultation);
        if (limit is not null && await UsedAsync(userId, target.Consultation.Id, ct) >= limit)
        {
            return await ResultAsync(CastVoteOutcome.LimitReached, userId, ideaId, ct) with { Limit = limit };
        }
        try
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO Votes (IdeaId, UserId, CreatedAt) VALUES ({ideaId}, {userId}, {now})", ct);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == 2067 /* SQLITE_CONSTRAINT_UNIQUE */)
        {
            // Cannot happen while the write lock serialises voters, but the index is the real guarantee.
            return await ResultAsync(CastVoteOutcome.AlreadyVoted, userId, ideaId, ct);
        }
        catch (SqliteException e) when (e.Message.Contains(VerifiedVoteError, StringComparison.Ordinal))
        {
            // The trigger's answer: the consultation began to require verified accounts after the check above, or a
            // path that skipped it. The database holds the rule either way.
            return await ResultAsync(CastVoteOutcome.NotVerified, userId, ideaId, ct);
        }
        await Counters.RecomputeVotesAsync(db, ideaId, ct);
        var voted = await ResultAsync(CastVoteOutcome.Voted, userId, ideaId, ct);
        await tx.CommitAsync(ct);
        return voted;
    }

    /// <summary>Takes a vote back while the consultation takes votes (also on an idea withdrawn since).</summary>
    public async Task<VoteResult<WithdrawVoteOutcome>> WithdrawAsync(string userId, int ideaId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var consultation = await db.Ideas.AsNoTracking()
            .Where(i => i.Id == ideaId)
            .Select(i => i.Consultation)
            .SingleOrDefaultAsync(ct);
        if (consultation is null)
        {
            return new(WithdrawVoteOutcome.NotFound);
        }
        if (!consultation.AcceptsVotesAt(time.GetUtcNow().UtcDateTime))
        {
            return await ResultAsync(WithdrawVoteOutcome.VotingClosed, userId, ideaId, ct);
        }
        var deleted = await db.Votes.Where(v => v.IdeaId == ideaId && v.UserId == userId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return await ResultAsync(WithdrawVoteOutcome.NotVoted, userId, ideaId, ct);
        }
        await Counters.RecomputeVotesAsync(db, ideaId, ct);
        var withdrawn = await ResultAsync(WithdrawVoteOutcome.Withdrawn, userId, ideaId, ct);
        await tx.CommitAsync(ct);
        return withdrawn;
    }

    /// <summary>
    /// The idea as the person sees it now (read inside the caller's transaction, so the count is this vote's), with
    /// the votes they have left, so the page can say the new number at once.
    /// </summary>
    private async Task<VoteResult<TOutcome>> ResultAsync<TOutcome>(TOutcome outcome, string userId, int ideaId, CancellationToken ct)
        where TOutcome : struct, Enum
    {
        var idea = await db.Ideas.AsNoTracking()
            .Where(i => i.Id == ideaId)
            .Select(i => new { i.Title, i.VoteCount, Voted = db.Votes.Any(v => v.IdeaId == i.Id && v.UserId == userId), i.Consultation })
            .SingleAsync(ct);
        var limit = LimitOf(idea.Consultation!);
        int? left = limit is null ? null : Math.Max(0, limit.Value - await UsedAsync(userId, idea.Consultation!.Id, ct));
        return new VoteResult<TOutcome>(outcome, Slugs.WithId(idea.Title, ideaId), idea.VoteCount, idea.Voted, VotesLeft: left);
    }

    private int? LimitOf(Consultation c) => c.MaxVotesPerPerson ?? options.Value.MaxVotesPerConsultation;

    /// <summary>Votes that count against the person's allowance: votes on withdrawn ideas are given back.</summary>
    private Task<int> UsedAsync(string userId, int consultationId, CancellationToken ct) =>
        db.Votes.CountAsync(v => v.UserId == userId
            && db.Ideas.Any(i => i.Id == v.IdeaId && i.ConsultationId == consultationId && i.WithdrawnAt == null), ct);
}
