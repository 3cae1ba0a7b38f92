using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Ideas;

/// <summary>Following an idea: an e-mail when the municipality answers it.</summary>
[Route("ideer/{id:int}")]
public sealed class FollowController(IdeaService ideas, IStringLocalizer<IdeasResource> l) : Controller
{
    [HttpPost("folg")]
    public async Task<IActionResult> Follow(int id, CancellationToken ct) => Done(await ideas.FollowAsync(User.UserId(), id, ct));

    [HttpPost("slutt-a-folge")]
    public async Task<IActionResult> Unfollow(int id, CancellationToken ct) => Done(await ideas.UnfollowAsync(User.UserId(), id, ct));

    private IActionResult Done(FollowResult result)
    {
        if (result.Outcome == FollowOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["Message"] = l["Follow." + result.Outcome].Value;
        return Redirect(IdeaPaths.Idea(result.Slug!) + "#folg");
    }
}
