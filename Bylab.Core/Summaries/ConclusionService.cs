using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Summaries;

public static class SummaryAuditActions
{
    public const string ConclusionSaved = "consultation.conclusion-saved";
    public const string EventLinked = "consultation.event-linked";
    public const string EventUnlinked = "consultation.event-unlinked";
}

public enum ConclusionOutcome { Saved, NotFound, Invalid }

/// <summary>What staff write for a consultation's summary: the conclusion, the open-data licence, the linked events.</summary>
public sealed class ConclusionService(BylabDbContext db, TimeProvider time, AuditLog audit)
{
    /// <summary>The one rule for the conclusion's text, shared with the form's validator.</summary>
    public static readonly TextRule MarkdownRule = new("Markdown", ConsultationConclusion.MarkdownMaxLength, MultiLine: true);

    public Task<ConsultationConclusion?> GetAsync(int consultationId, CancellationToken ct = default) =>
        db.ConsultationConclusions.AsNoTracking().FirstOrDefaultAsync(c => c.ConsultationId == consultationId, ct);

    public async Task<ConclusionOutcome> SaveAsync(Actor staff, int consultationId, string? markdown, OpenDataLicence licence,
        CancellationToken ct = default)
    {
        if (MarkdownRule.Check(markdown) is not null || !Enum.IsDefined(licence))
        {
            return ConclusionOutcome.Invalid;
        }
        var title = await db.Consultations.Where(c => c.Id == consultationId).Select(c => c.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return ConclusionOutcome.NotFound;
        }
        var row = await db.ConsultationConclusions.FirstOrDefaultAsync(c => c.ConsultationId == consultationId, ct);
        if (row is null)
        {
            row = new ConsultationConclusion { ConsultationId = consultationId };
            db.ConsultationConclusions.Add(row);
        }
        row.Markdown = markdown?.Trim() ?? "";
        row.Licence = licence;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedById = staff.UserId;
        audit.Add(staff, SummaryAuditActions.ConclusionSaved, "consultation", consultationId.ToString(), title);
        await db.SaveChangesAsync(ct);
        return ConclusionOutcome.Saved;
    }

    /// <summary>Events staff may link: published or cancelled, never a draft (its people are not the public's yet).</summary>
    public async Task<IReadOnlyList<(int Id, string Title, DateTime StartsAt, bool Linked)>> EventChoicesAsync(int consultationId,
        CancellationToken ct = default)
    {
        var rows = await db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published)
            .OrderByDescending(e => e.StartsAt).Take(200)
            .Select(e => new { e.Id, e.Title, e.StartsAt, Linked = db.ConsultationEvents.Any(l => l.ConsultationId == consultationId && l.EventId == e.Id) })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Title, r.StartsAt, r.Linked)).ToList();
    }

    /// <summary>Links or unlinks an event; linking twice is the same as once (the pair is the key).</summary>
    public async Task<bool> SetEventLinkAsync(Actor staff, int consultationId, int eventId, bool linked, CancellationToken ct = default)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == consultationId, ct)
            || !await db.Events.AnyAsync(e => e.Id == eventId && e.Status == EventStatus.Published, ct))
        {
            return false;
        }
        var existing = await db.ConsultationEvents.FirstOrDefaultAsync(l => l.ConsultationId == consultationId && l.EventId == eventId, ct);
        if (linked && existing is null)
        {
            db.ConsultationEvents.Add(new ConsultationEvent { ConsultationId = consultationId, EventId = eventId, LinkedAt = time.GetUtcNow().UtcDateTime });
            audit.Add(staff, SummaryAuditActions.EventLinked, "consultation", consultationId.ToString(), eventId.ToString());
        }
        else if (!linked && existing is not null)
        {
            db.ConsultationEvents.Remove(existing);
            audit.Add(staff, SummaryAuditActions.EventUnlinked, "consultation", consultationId.ToString(), eventId.ToString());
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
