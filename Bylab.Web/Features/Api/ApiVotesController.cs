using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Api;

/// <summary>A vote on an idea, and taking it back, with a bylab.api token: the rules of <see cref="VoteService"/>.</summary>
[Route("api/v1/ideas/{id:int}/vote")]
public sealed class ApiVotesController(VoteService votes, BylabDbContext db) : ApiWriteBase
{
    public sealed record VoteState(int IdeaId, bool Voted, int VoteCount, int? VotesLeft);

    [HttpPost("")]
    public async Task<IActionResult> Vote(int id, CancellationToken ct)
    {
        var result = await ApiBlocks.Guard(() => votes.CastAsync(Subject, id, ct));
        return result is null ? Problem(StatusCodes.Status403Forbidden, "Blocked") : result.Outcome switch
        {
            CastVoteOutcome.Voted or CastVoteOutcome.AlreadyVoted => Ok(new VoteState(id, result.Voted, result.VoteCount, result.VotesLeft)),
            CastVoteOutcome.NotFound => Problem(StatusCodes.Status404NotFound, "IdeaNotFound"),
            CastVoteOutcome.LimitReached => Problem(StatusCodes.Status409Conflict, "LimitReached", result.Limit ?? 0),
            CastVoteOutcome.Withdrawn => Problem(StatusCodes.Status409Conflict, "IdeaWithdrawn"),
            CastVoteOutcome.NotVerified => Problem(StatusCodes.Status403Forbidden, "NotVerified"),
            _ => Problem(StatusCodes.Status409Conflict, "VotingClosed"),
        };
    }

    [HttpDelete("")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken ct)
    {
        // A hidden or held idea is not there for the API, whatever votes it holds (the site's idea page is a 404 too).
        if (!await db.Ideas.AnyAsync(i => i.Id == id && i.ModerationState == ModerationState.Visible, ct))
        {
            return Problem(StatusCodes.Status404NotFound, "IdeaNotFound");
        }
        var result = await votes.WithdrawAsync(Subject, id, ct);
        return result.Outcome switch
        {
            WithdrawVoteOutcome.Withdrawn or WithdrawVoteOutcome.NotVoted => Ok(new VoteState(id, result.Voted, result.VoteCount, result.VotesLeft)),
            WithdrawVoteOutcome.NotFound => Problem(StatusCodes.Status404NotFound, "IdeaNotFound"),
            _ => Problem(StatusCodes.Status409Conflict, "VotingClosed"),
        };
    }
}

/// <summary>A posting block refuses the write in the database (triggers); the API says so instead of the site's page.</summary>
internal static class ApiBlocks
{
    /// <returns>The service's answer, or null when the database refused the write because the person is blocked.</returns>
    public static async Task<T?> Guard<T>(Func<Task<T>> write) where T : class
    {
        try
        {
            return await write();
        }
        catch (Exception e) when (PostingBlocks.IsBlockedError(e))
        {
            return null;
        }
    }
}
