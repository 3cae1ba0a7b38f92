using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Web.Areas.Admin.Outbox;

/// <summary>The development outbox: e-mails kept in the database when no SMTP server is configured.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/utboks")]
[Route("admin/outbox", Order = 1)] // the English address named in the README and the issue
public sealed class OutboxController(BylabDbContext db) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? til, int side = 1, CancellationToken ct = default)
    {
        var page = Paged<OutboxRow>.Clamp(side);
        var query = db.OutboxMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(til))
        {
            var to = til.Trim().ToLower();
            query = query.Where(m => m.To.ToLower().Contains(to));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.CreatedAt, m.To, m.Subject, m.Attachments.Count))
            .ToListAsync(ct);
        return View(new OutboxListModel(til, new Paged<OutboxRow>(items, page, PageSize, total)));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Details(long id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleOrDefaultAsync(m => m.Id == id, ct);
        return message is null ? NotFound() : View(message);
    }

    [HttpGet("{id:long}/vedlegg/{attachmentId:long}")]
    public async Task<IActionResult> Attachment(long id, long attachmentId, CancellationToken ct)
    {
        var attachment = await db.Set<OutboxAttachment>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.OutboxMessageId == id, ct);
        // Always a download (Content-Disposition: attachment), never rendered in the site's origin.
        return attachment is null ? NotFound() : File(attachment.Content, attachment.ContentType, attachment.FileName);
    }
}

public sealed record OutboxRow(long Id, DateTime CreatedAt, string To, string Subject, int Attachments);

public sealed record OutboxListModel(string? To, Paged<OutboxRow> Messages);
