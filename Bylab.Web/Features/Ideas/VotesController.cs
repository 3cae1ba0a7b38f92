using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Ideas;

/// <summary>
/// Votes as plain form posts (redirect back to the idea's #stemmer with a message). votes.js posts the same
/// forms with "X-Requested-With: fetch" and gets JSON {voted, count, message, votesLeftText} to update the page in place.
/// </summary>
[Route("ideer/{id:int}")]
public sealed class VotesController(VoteService votes, IStringLocalizer<IdeasResource> l,
    Microsoft.Extensions.Options.IOptions<ExternalLoginOptions> external) : Controller
{
    public const string FetchHeader = "X-Requested-With";

    [HttpPost("stem")]
    public async Task<IActionResult> Vote(int id, CancellationToken ct)
    {
        var result = await votes.CastAsync(User.UserId(), id, ct);
        if (result.Outcome == CastVoteOutcome.NotFound)
        {
            return NotFound();
        }
        var message = result.Outcome switch
        {
            CastVoteOutcome.LimitReached => l["Vote.LimitReached", result.Limit ?? 0].Value,
            // How to verify: the eID sign-in from Min side, when the site has one.
            CastVoteOutcome.NotVerified => external.Value.IsConfigured
                ? l["Vote.NotVerified", external.Value.DisplayName].Value
                : l["Vote.NotVerifiedNoProvider"].Value,
            _ => l["Vote." + result.Outcome].Value,
        };
        return Respond(result, result.Outcome == CastVoteOutcome.Voted, message);
    }

    [HttpPost("fjern-stemme")]
    public async Task<IActionResult> Unvote(int id, CancellationToken ct)
    {
        var result = await votes.WithdrawAsync(User.UserId(), id, ct);
        if (result.Outcome == WithdrawVoteOutcome.NotFound)
        {
            return NotFound();
        }
        return Respond(result, result.Outcome == WithdrawVoteOutcome.Withdrawn, l["Unvote." + result.Outcome].Value);
    }

    private IActionResult Respond<TOutcome>(VoteResult<TOutcome> result, bool succeeded, string message) where TOutcome : struct, Enum
    {
        if (Request.Headers[FetchHeader] == "fetch")
        {
            // votesLeftText: the «Du har N stemmer igjen» line, so the page shows the new number at once (null = no limit).
            var body = new { voted = result.Voted, count = result.VoteCount, message, ok = succeeded,
                votesLeft = result.VotesLeft, votesLeftText = VotesLeftText(result.VotesLeft, l) };
            return succeeded ? Json(body) : Conflict(body);
        }
        TempData[succeeded ? "Message" : "Problem"] = message;
        return Redirect(IdeaPaths.Idea(result.Slug!) + "#stemmer");
    }

    /// <summary>«Du har 3 stemmer igjen i denne medvirkningen»; null when the consultation sets no limit.</summary>
    public static string? VotesLeftText(int? left, IStringLocalizer<IdeasResource> l) =>
        left is { } n ? l[n == 1 ? "Votes.LeftOne" : "Votes.Left", n].Value : null;
}
