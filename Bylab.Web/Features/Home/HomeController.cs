using Bylab.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(BylabDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().Include(v => v.OpeningHours)
            .FirstOrDefaultAsync(v => v.Slug == Core.Venue.Venue.BylabSlug, ct);
        return View(venue);
    }

    [HttpGet("/tilgjengelighet")]
    public IActionResult Accessibility() => View();

    [HttpGet("/personvern")]
    public IActionResult Privacy() => View();
}
