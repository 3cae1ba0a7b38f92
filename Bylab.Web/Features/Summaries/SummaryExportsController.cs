using Bylab.Core.Summaries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Summaries;

/// <summary>
/// A summary's files: the ideas as CSV and XLSX, the summary as PDF. Anyone once the consultation is concluded; before
/// that only <see cref="Policies.SummaryReaders"/> – a signed-in citizen is refused (403), the public finds nothing (404).
/// </summary>
[AllowAnonymous]
[Route("medvirkning/{slug}/oppsummering")]
public sealed class SummaryExportsController(ConsultationSummaryService summaries, IdeaExport export, IdeaFiles files, SummaryPdf pdf,
    Microsoft.Extensions.Options.IOptions<Bylab.Core.Common.SiteOptions> site) : Controller
{
    [HttpGet("apne-data.json")]
    public async Task<IActionResult> OpenDataFile(string slug, CancellationToken ct)
    {
        var report = await summaries.GetBySlugAsync(slug, ct);
        if (Refused(report?.Head) is { } refused)
        {
            return refused;
        }
        var document = OpenData.Document(report!, await export.IdeasAsync(report!.Head.Id, ct), site.Value);
        return File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, OpenData.Json), "application/json", $"{slug}-apne-data.json");
    }

    [HttpGet("ideer.csv")]
    public Task<IActionResult> Csv(string slug, CancellationToken ct) =>
        IdeasFileAsync(slug, rows => File(files.Csv(rows), "text/csv; charset=utf-8", $"{slug}-ideer.csv"), ct);

    [HttpGet("ideer.xlsx")]
    public Task<IActionResult> Xlsx(string slug, CancellationToken ct) =>
        IdeasFileAsync(slug, rows => File(files.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{slug}-ideer.xlsx"), ct);

    [HttpGet("oppsummering.pdf")]
    public async Task<IActionResult> Pdf(string slug, CancellationToken ct)
    {
        var report = await summaries.GetBySlugAsync(slug, ct);
        return Refused(report?.Head) ?? File(pdf.Write(report!), "application/pdf", $"{slug}-oppsummering.pdf");
    }

    private async Task<IActionResult> IdeasFileAsync(string slug, Func<IReadOnlyList<ExportIdea>, IActionResult> file, CancellationToken ct)
    {
        var head = await summaries.HeadBySlugAsync(slug, ct);
        return Refused(head) ?? file(await export.IdeasAsync(head!.Id, ct));
    }

    private IActionResult? Refused(SummaryHead? head)
    {
        if (head is null || (!SummaryAccess.MayRead(User, head) && User.Identity?.IsAuthenticated != true))
        {
            return NotFound();
        }
        if (!SummaryAccess.MayRead(User, head))
        {
            return Forbid();
        }
        if (!head.IsPublished)
        {
            Response.Headers.CacheControl = "no-store";
        }
        return null;
    }
}
