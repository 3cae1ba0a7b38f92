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
}

public enum WithdrawVoteOutcome { Withdrawn, NotVoted, VotingClosed, NotFound }

/// <summary>
/// Votes: one per person and idea (a unique index guarantees it), withdrawable while voting is open, and
/// at most <see cref="Consultation.MaxVotesPerPerson"/> (or <see cref="IdeaOptions.MaxVotesPerConsultation"/>) per person and consultation.
/// </summary>
public sealed class VoteService(BylabDbContext db, TimeProvider time, IOptions<IdeaOptions> options)
{
    public async Task<CastVoteOutcome> CastAsync(string userId, int ideaId, CancellationToken ct = default)
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
            .Select(i => new { i.WithdrawnAt, i.MergedIntoId, i.Consultation })
            .SingleOrDefaultAsync(ct);
        if (target?.Consultation is null)
        {
            return CastVoteOutcome.NotFound;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (!target.Consultation.AcceptsVotesAt(now))
        {
            return CastVoteOutcome.VotingClosed;
        }
        if (target.WithdrawnAt is not null || target.MergedIntoId is not null)
        {
            return CastVoteOutcome.Withdrawn;
        }
        if (await db.Votes.AnyAsync(v => v.IdeaId == ideaId && v.UserId == userId, ct))
        {
            return CastVoteOutcome.AlreadyVoted;
        }
        var limit = target.Consultation.MaxVotesPerPerson ?? options.Value.MaxVotesPerConsultation;
        if (limit is not null)
        {
            var consultationId = target.Consultation.Id;
            // Votes on withdrawn ideas no longer count against the person's allowance.
            var used = await db.Votes.CountAsync(v => v.UserId == userId
                && db.Ideas.Any(i => i.Id == v.IdeaId && i.ConsultationId == consultationId && i.WithdrawnAt == null), ct);
            if (used >= limit)
            {
                return CastVoteOutcome.LimitReached;
            }
        }
        try
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO Votes (IdeaId, UserId, CreatedAt) VALUES ({ideaId}, {userId}, {now})", ct);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == 2067 /* SQLITE_CONSTRAINT_UNIQUE */)
        {
            // Cannot happen while the write lock serialises voters, but the index is the real guarantee.
            return CastVoteOutcome.AlreadyVoted;
        }
        await Counters.RecomputeVotesAsync(db, ideaId, ct);
        await tx.CommitAsync(ct);
        return CastVoteOutcome.Voted;
    }

    /// <summary>Takes a vote back while the consultation takes votes (also on an idea withdrawn since).</summary>
    public async Task<WithdrawVoteOutcome> WithdrawAsync(string userId, int ideaId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var consultation = await db.Ideas.AsNoTracking()
            .Where(i => i.Id == ideaId)
            .Select(i => i.Consultation)
            .SingleOrDefaultAsync(ct);
        if (consultation is null)
        {
            return WithdrawVoteOutcome.NotFound;
        }
        if (!consultation.AcceptsVotesAt(time.GetUtcNow().UtcDateTime))
        {
            return WithdrawVoteOutcome.VotingClosed;
        }
        var deleted = await db.Votes.Where(v => v.IdeaId == ideaId && v.UserId == userId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return WithdrawVoteOutcome.NotVoted;
        }
        await Counters.RecomputeVotesAsync(db, ideaId, ct);
        await tx.CommitAsync(ct);
        return WithdrawVoteOutcome.Withdrawn;
    }
}
