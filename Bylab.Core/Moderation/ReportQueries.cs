using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Moderation;

/// <summary>What the report page shows about the item, and what the person may do with it.</summary>
/// <param name="Label">The idea's or event's title, or the start of a comment.</param>
/// <param name="IdeaSlug">The idea's "slug-id" (itself, or the comment's idea), for the way back; null for events.</param>
/// <param name="Available">Still there to be reported (<see cref="ReportService.ReportAsync"/> takes it).</param>
public sealed record ReportTarget(ContentKind Kind, int Id, string Label, string? IdeaSlug, string? EventSlug, bool IsOwn, bool Available,
    bool AlreadyReported);

/// <summary>Reads for the report form and the report buttons; nothing here writes.</summary>
public sealed class ReportQueries(BylabDbContext db)
{
    private const int LabelLength = 120;

    /// <summary>Null when there is no such item, or it is not public (a draft event): the page is then not found.</summary>
    public async Task<ReportTarget?> TargetAsync(ContentKind kind, int id, string viewerId, CancellationToken ct = default)
    {
        var item = await ModeratedItems.FindAsync(db, kind, id, ct);
        if (item is null || (kind == ContentKind.Event && item.Gone))
        {
            return null;
        }
        var reported = await db.Reports.AnyAsync(r => r.ItemKind == kind && r.ItemId == id && r.ReporterId == viewerId, ct);
        // The label never shows text the viewer may not read (a hidden item's): the page then only says it cannot be reported.
        var readable = item.Entity.TextShownTo(item.AuthorId, viewerId);
        var (label, ideaSlug, eventSlug) = item.Entity switch
        {
            Idea i => (i.Title, Slugs.WithId(readable ? i.Title : null, i.Id), (string?)null),
            Comment c => (Start(c.BodyMarkdown), await IdeaSlugAsync(c.IdeaId, ct), null),
            Events.Event e => (e.Title, null, e.Slug),
            _ => ("", null, null),
        };
        var awaitingReview = item.Entity.ModerationState == ModerationState.Hidden && item.Entity.ModeratedById is null;
        return new ReportTarget(kind, id, readable ? label : "", ideaSlug, eventSlug, item.AuthorId == viewerId, !item.Gone && (item.Entity.IsPubliclyVisible() || awaitingReview), reported);
    }

    /// <summary>The idea and the comments on it that the person has reported, so the buttons can say «reported».</summary>
    public async Task<IReadOnlySet<(ContentKind Kind, int Id)>> ReportedOnIdeaAsync(string viewerId, int ideaId, CancellationToken ct = default)
    {
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.ReporterId == viewerId
                && ((r.ItemKind == ContentKind.Idea && r.ItemId == ideaId)
                    || (r.ItemKind == ContentKind.Comment && db.Comments.Any(c => c.Id == r.ItemId && c.IdeaId == ideaId))))
            .Select(r => new { r.ItemKind, r.ItemId }).ToListAsync(ct);
        return rows.Select(r => (r.ItemKind, r.ItemId)).ToHashSet();
    }

    /// <summary>One item's «reported» state for the person, in the shape the report button reads.</summary>
    public async Task<IReadOnlySet<(ContentKind Kind, int Id)>> ReportedAsync(string viewerId, ContentKind kind, int id, CancellationToken ct = default) =>
        await db.Reports.AnyAsync(r => r.ReporterId == viewerId && r.ItemKind == kind && r.ItemId == id, ct)
            ? new HashSet<(ContentKind, int)> { (kind, id) }
            : new HashSet<(ContentKind, int)>();

    private async Task<string> IdeaSlugAsync(int ideaId, CancellationToken ct)
    {
        var idea = await db.Ideas.AsNoTracking().Where(i => i.Id == ideaId).Select(i => new { i.Title, i.ModerationState }).SingleAsync(ct);
        return Slugs.WithId(idea.ModerationState == ModerationState.Visible ? idea.Title : null, ideaId);
    }

    private static string Start(string text)
    {
        var flat = Common.SingleLineText.Flatten(text);
        return flat.Length <= LabelLength ? flat : flat[..LabelLength] + " …";
    }
}
