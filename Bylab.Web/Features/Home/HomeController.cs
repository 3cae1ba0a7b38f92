using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(BylabDbContext db, IdeaQueries ideas) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().Include(v => v.OpeningHours)
            .FirstOrDefaultAsync(v => v.Slug == Core.Venue.Venue.BylabSlug, ct);
        ViewData["OpenConsultations"] = (await ideas.ConsultationsAsync(ct))
            .Where(c => c.Phase is ConsultationPhase.OpenForIdeas or ConsultationPhase.VotingOnly).ToList();
        return View(venue);
    }

    [HttpGet("/tilgjengelighet")]
    public IActionResult Accessibility() => View();

    [HttpGet("/personvern")]
    public IActionResult Privacy() => View();
}
