using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Areas.Admin.Audit;

[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/revisjonslogg")]
public sealed class AuditController(AuditQueries audit) : Controller
{
    /// <summary>Filters in the address (handling, person, fra, til as yyyy-mm-dd in Oslo), so a filtered view can be shared.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? handling, string? person, DateOnly? fra, DateOnly? til, int side = 1, CancellationToken ct = default)
    {
        var filter = new AuditFilter(Blank(handling), Blank(person), fra, til, side);
        var actions = AuditText.KnownActions.Union(await audit.ActionsAsync(ct)).Order(StringComparer.Ordinal).ToList();
        return View(new AuditListModel(filter, await audit.ListAsync(filter, ct), actions, await audit.ActorsAsync(ct)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record AuditListModel(AuditFilter Filter, Paged<AuditRow> Entries, IReadOnlyList<string> Actions, IReadOnlyList<AuditActor> Actors)
{
    public bool HasFilters => Filter.Action is not null || Filter.ActorId is not null || Filter.From is not null || Filter.To is not null;
}
