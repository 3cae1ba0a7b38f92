using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Ideas;

/// <summary>
/// Votes as plain form posts (redirect back to the idea's #stemmer with a message). votes.js posts the same
/// forms with "X-Requested-With: fetch" and gets JSON {voted, count, message} to update the page in place.
/// </summary>
[Route("ideer/{id:int}")]
public sealed class VotesController(VoteService votes, IdeaQueries queries, IStringLocalizer<IdeasResource> l) : Controller
{
    public const string FetchHeader = "X-Requested-With";

    [HttpPost("stem")]
    public async Task<IActionResult> Vote(int id, CancellationToken ct)
    {
        var outcome = await votes.CastAsync(User.UserId(), id, ct);
        if (outcome == CastVoteOutcome.NotFound)
        {
            return NotFound();
        }
        var message = outcome == CastVoteOutcome.LimitReached
            ? l["Vote.LimitReached", await LimitAsync(id, ct) ?? 0].Value
            : l["Vote." + outcome].Value;
        return await RespondAsync(id, outcome == CastVoteOutcome.Voted, message, ct);
    }

    [HttpPost("fjern-stemme")]
    public async Task<IActionResult> Unvote(int id, CancellationToken ct)
    {
        var outcome = await votes.WithdrawAsync(User.UserId(), id, ct);
        if (outcome == WithdrawVoteOutcome.NotFound)
        {
            return NotFound();
        }
        return await RespondAsync(id, outcome == WithdrawVoteOutcome.Withdrawn, l["Unvote." + outcome].Value, ct);
    }

    private async Task<IActionResult> RespondAsync(int id, bool succeeded, string message, CancellationToken ct)
    {
        var idea = await queries.GetAsync(id, User.UserId(), ct);
        if (idea is null)
        {
            return NotFound();
        }
        if (Request.Headers[FetchHeader] == "fetch")
        {
            // votesLeftText: the «Du har N stemmer igjen» line, so the page shows the new number at once (null = no limit).
            var body = new { voted = idea.ViewerVoted, count = idea.VoteCount, message, ok = succeeded,
                votesLeft = idea.ViewerVotesLeft, votesLeftText = VotesLeftText(idea.ViewerVotesLeft, l) };
            return succeeded ? Json(body) : Conflict(body);
        }
        TempData[succeeded ? "Message" : "Problem"] = message;
        return Redirect(IdeaPaths.Idea(idea.Slug) + "#stemmer");
    }

    /// <summary>«Du har 3 stemmer igjen i denne medvirkningen»; null when the consultation sets no limit.</summary>
    public static string? VotesLeftText(int? left, IStringLocalizer<IdeasResource> l) =>
        left is { } n ? l[n == 1 ? "Votes.LeftOne" : "Votes.Left", n].Value : null;

    private async Task<int?> LimitAsync(int ideaId, CancellationToken ct)
    {
        var idea = await queries.GetAsync(ideaId, ct: ct);
        return idea is null ? null : (await queries.GetConsultationAsync(idea.ConsultationId, ct))?.MaxVotesPerPerson;
    }
}
