using System.Reflection;
using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Web.Areas.Admin.Audit;

[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/revisjonslogg")]
public sealed class AuditController(BylabDbContext db) : Controller
{
    public const int PageSize = 50;

    /// <summary>Every action code, read from <see cref="AuditActions"/> so a new code shows up in the filter by itself.</summary>
    public static readonly IReadOnlyList<string> ActionCodes = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();

    [HttpGet("")]
    public async Task<IActionResult> Index(string? handling, int side = 1, CancellationToken ct = default)
    {
        var page = Paged<AuditEntry>.Clamp(side);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(handling))
        {
            query = query.Where(e => e.Action == handling);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return View(new AuditListModel(handling, new Paged<AuditEntry>(items, page, PageSize, total)));
    }
}

public sealed record AuditListModel(string? Action, Paged<AuditEntry> Entries);
