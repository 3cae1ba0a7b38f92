using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Ideas;

[AllowAnonymous]
[Route("ideer")]
public sealed class IdeasController(IdeaQueries queries, Bylab.Core.Moderation.ReportQueries reports) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] IdeaListQuery query, CancellationToken ct) =>
        View(await IdeaLists.LoadAsync(queries, query, null, ct));

    /// <summary>The id at the end decides; a stale or wrong slug is a permanent redirect to the right address.</summary>
    [HttpGet("{slugId}")]
    public async Task<IActionResult> Details(string slugId, CancellationToken ct)
    {
        if (Slugs.IdFrom(slugId) is not { } id || await queries.GetAsync(id, User.UserIdOrNull(), ct) is not { } idea)
        {
            return NotFound();
        }
        if (idea.Slug != slugId)
        {
            // A moderated idea's address loses its title for a while: not a permanent move, or a restore would loop.
            return idea.Moderation is null ? RedirectPermanent(IdeaPaths.Idea(idea.Slug)) : Redirect(IdeaPaths.Idea(idea.Slug));
        }
        if (User.UserIdOrNull() is { } viewer)
        {
            // The report buttons say «reported» where the viewer already did.
            ViewData["Reported"] = await reports.ReportedOnIdeaAsync(viewer, idea.Id, ct);
        }
        return View(idea.TextWithheld ? "Withheld" : "Details", idea);
    }
}
