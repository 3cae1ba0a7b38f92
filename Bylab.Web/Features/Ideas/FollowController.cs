using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Ideas;

/// <summary>Following an idea: an e-mail when the municipality answers it.</summary>
[Route("ideer/{id:int}")]
public sealed class FollowController(IdeaService ideas, IdeaQueries queries, IStringLocalizer<IdeasResource> l) : Controller
{
    [HttpPost("folg")]
    public async Task<IActionResult> Follow(int id, CancellationToken ct) =>
        await DoneAsync(id, await ideas.FollowAsync(User.UserId(), id, ct), ct);

    [HttpPost("slutt-a-folge")]
    public async Task<IActionResult> Unfollow(int id, CancellationToken ct) =>
        await DoneAsync(id, await ideas.UnfollowAsync(User.UserId(), id, ct), ct);

    private async Task<IActionResult> DoneAsync(int id, FollowOutcome outcome, CancellationToken ct)
    {
        if (outcome == FollowOutcome.NotFound || await queries.GetAsync(id, ct: ct) is not { } idea)
        {
            return NotFound();
        }
        TempData["Message"] = l["Follow." + outcome].Value;
        return Redirect(IdeaPaths.Idea(idea.Slug) + "#folg");
    }
}
