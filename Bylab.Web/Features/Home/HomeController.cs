using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(SiteVenue venue, IdeaQueries ideas, EventQueries events) : Controller
{
    /// <summary>How many of the next events the front page shows, with their places left.</summary>
    public const int NextEvents = 3;

    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var consultations = (await ideas.ConsultationsAsync(ct))
            .Where(c => c.Phase is ConsultationPhase.OpenForIdeas or ConsultationPhase.VotingOnly).ToList();
        var next = await events.ProgrammeAsync(new EventFilter(PageSize: NextEvents), ct);
        return View(new HomeModel(await venue.GetAsync(), consultations, next.Items));
    }

    [HttpGet("/tilgjengelighet")]
    public IActionResult Accessibility() => View();

    [HttpGet("/personvern")]
    public IActionResult Privacy() => View();
}

public sealed record HomeModel(Core.Venue.Venue? Venue, IReadOnlyList<ConsultationSummary> OpenConsultations, IReadOnlyList<EventListItem> NextEvents);
