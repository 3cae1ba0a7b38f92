using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Ideas;

[AllowAnonymous]
[Route("medvirkning")]
public sealed class ConsultationsController(IdeaQueries queries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Consultations", await queries.ConsultationsAsync(ct));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details(string slug, [FromQuery] IdeaListQuery query, CancellationToken ct)
    {
        var consultation = await queries.GetConsultationBySlugAsync(slug, ct);
        if (consultation is null)
        {
            return NotFound();
        }
        query.Medvirkning = null;
        return View("Consultation", await IdeaLists.LoadAsync(queries, query, consultation, ct));
    }
}
