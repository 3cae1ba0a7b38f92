using Bylab.Core.Ideas;
using Bylab.Core.Summaries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Summaries;

/// <summary>
/// A consultation's summary: politicians, staff and admins read it while it runs; everyone once staff concluded it.
/// Before that the public gets «not found», as if it did not exist.
/// </summary>
public sealed class SummariesController(ConsultationSummaryService summaries, IdeaQueries ideas) : Controller
{
    [HttpGet("medvirkning/{slug}/oppsummering")]
    [AllowAnonymous]
    public async Task<IActionResult> Details(string slug, CancellationToken ct)
    {
        var report = await summaries.GetBySlugAsync(slug, ct);
        if (report is null || !SummaryAccess.MayRead(User, report.Head))
        {
            return NotFound();
        }
        return View("Summary", report);
    }

    /// <summary>Every consultation with its headline figures, for politicians (linked from their Min side).</summary>
    [HttpGet("oppsummeringer")]
    [Authorize(Policy = Policies.SummaryReaders)]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Overview", await ideas.ConsultationsAsync(ct));
}

/// <summary>Who may read a summary: anyone once it is published, before that only <see cref="Policies.SummaryReaders"/>.</summary>
public static class SummaryAccess
{
    public static bool MayRead(System.Security.Claims.ClaimsPrincipal user, SummaryHead head) =>
        head.IsPublished || Policies.IsSummaryReader(user);

    public static string Path(string slug) => "/medvirkning/" + Uri.EscapeDataString(slug) + "/oppsummering";
}

/// <summary>Texts of the consultation summaries, their overview, exports and the open-data page.</summary>
public sealed class SummariesResource;
