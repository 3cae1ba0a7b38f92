using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Moderation;

public enum QueueTab { Reported, Held, Hidden, All, Reviews }

/// <summary>The queue's filters: items on one consultation's ideas (ideas and their comments), and items reported or decided for one reason.</summary>
public sealed record QueueFilter(int? ConsultationId = null, ModerationReason? Reason = null)
{
    public static readonly QueueFilter None = new();
}

/// <summary>One line of an item's moderation history, from the audit log.</summary>
public sealed record QueueHistory(DateTime At, string Action, string? ActorName, string? Details);

/// <summary>One item in the moderators' queue: its text (moderators read it), its state and its open reports.</summary>
/// <param name="Text">The idea's title and body, a comment's body, an event's title and summary; plain as stored.</param>
/// <param name="IdeaSlug">For a link to the public page: the idea itself or the comment's idea.</param>
public sealed record QueueItem(ContentKind Kind, int Id, string Text, string? AuthorName, ModerationState State, ModerationView? Moderation,
    IReadOnlyList<QueueReport> Reports, string? IdeaSlug, string? AuthorId = null, int? ConsultationId = null, IReadOnlyList<QueueHistory>? History = null,
    ModerationReason? Reason = null);

public sealed record QueueReport(ModerationReason Reason, string? Note, DateTime CreatedAt);

/// <summary>
/// The moderators' queue: items with open reports, held items, hidden items, or all that were ever reported or decided,
/// newest first, filtered by consultation and reason; each with its open reports and its history from the audit log.
/// </summary>
public sealed class ModerationQueue(BylabDbContext db)
{
    public const int Take = 100;

    public async Task<IReadOnlyList<QueueItem>> ListAsync(QueueTab tab, CancellationToken ct = default) =>
        await ListAsync(tab, QueueFilter.None, ct);

    public async Task<IReadOnlyList<QueueItem>> ListAsync(QueueTab tab, QueueFilter filter, CancellationToken ct = default)
    {
        var keys = tab switch
        {
            QueueTab.Reported => await ReportedAsync(openOnly: true, ct),
            QueueTab.Held => await InStateAsync(ModerationState.Held, ct),
            QueueTab.Hidden => await InStateAsync(ModerationState.Hidden, ct),
            QueueTab.All => [.. (await ReportedAsync(openOnly: false, ct)).Union(await DecidedAsync(ct))],
            _ => [],
        };
        var items = new List<QueueItem>();
        // Filters run on loaded items: a municipality's queue is short, and the consultation of a comment is its idea's.
        foreach (var (kind, id) in keys)
        {
            if (await ItemAsync(kind, id, ct) is { } item && Matches(item, filter))
            {
                items.Add(item);
                if (items.Count == Take)
                {
                    break;
                }
            }
        }
        return tab == QueueTab.Reported ? items : items.OrderByDescending(i => i.Moderation?.At ?? i.Reports.LastOrDefault()?.CreatedAt).ToList();
    }

    /// <summary>The consultations the filter offers: those with ideas in the portal, by title.</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> ConsultationsAsync(CancellationToken ct = default) =>
        (await db.Consultations.AsNoTracking().OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => (c.Id, c.Title)).ToList();

    private static bool Matches(QueueItem item, QueueFilter filter) =>
        (filter.ConsultationId is null || item.ConsultationId == filter.ConsultationId)
        && (filter.Reason is null || item.Reason == filter.Reason || item.Reports.Any(r => r.Reason == filter.Reason));

    private async Task<List<(ContentKind, int)>> ReportedAsync(bool openOnly, CancellationToken ct) =>
        (await db.Reports.AsNoTracking().Where(r => !openOnly || r.DismissedAt == null)
            .GroupBy(r => new { r.ItemKind, r.ItemId })
            .Select(g => new { g.Key.ItemKind, g.Key.ItemId, Last = g.Max(r => r.CreatedAt) })
            .OrderByDescending(g => g.Last).ToListAsync(ct))
        .Select(g => (g.ItemKind, g.ItemId)).ToList();

    private async Task<List<(ContentKind, int)>> InStateAsync(ModerationState state, CancellationToken ct) => [
        .. (await db.Ideas.AsNoTracking().Where(i => i.ModerationState == state).Select(i => i.Id).ToListAsync(ct)).Select(id => (ContentKind.Idea, id)),
        .. (await db.Comments.AsNoTracking().Where(c => c.ModerationState == state).Select(c => c.Id).ToListAsync(ct)).Select(id => (ContentKind.Comment, id)),
        .. (await db.Events.AsNoTracking().Where(e => e.ModerationState == state).Select(e => e.Id).ToListAsync(ct)).Select(id => (ContentKind.Event, id)),
    ];

    /// <summary>Everything a moderator or the system ever decided on (restored items too).</summary>
    private async Task<List<(ContentKind, int)>> DecidedAsync(CancellationToken ct) => [
        .. (await db.Ideas.AsNoTracking().Where(i => i.ModeratedAt != null).Select(i => i.Id).ToListAsync(ct)).Select(id => (ContentKind.Idea, id)),
        .. (await db.Comments.AsNoTracking().Where(c => c.ModeratedAt != null).Select(c => c.Id).ToListAsync(ct)).Select(id => (ContentKind.Comment, id)),
        .. (await db.Events.AsNoTracking().Where(e => e.ModeratedAt != null).Select(e => e.Id).ToListAsync(ct)).Select(id => (ContentKind.Event, id)),
    ];

    private async Task<QueueItem?> ItemAsync(ContentKind kind, int id, CancellationToken ct)
    {
        if (await ModeratedItems.FindAsync(db, kind, id, ct) is not { } found)
        {
            return null;
        }
        var reports = await db.Reports.AsNoTracking().Where(r => r.ItemKind == kind && r.ItemId == id && r.DismissedAt == null)
            .OrderBy(r => r.CreatedAt).Select(r => new QueueReport(r.Reason, r.Note, r.CreatedAt)).ToListAsync(ct);
        var author = found.AuthorId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == found.AuthorId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var (ideaSlug, consultation) = found.Entity switch
        {
            Idea i => (Slugs.WithId(null, i.Id), i.ConsultationId),
            Comment c => (Slugs.WithId(null, c.IdeaId), await db.Ideas.Where(i => i.Id == c.IdeaId).Select(i => (int?)i.ConsultationId).SingleOrDefaultAsync(ct)),
            _ => ((string?)null, (int?)null),
        };
        var target = kind.ToString().ToLowerInvariant();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.TargetType == target && a.TargetId == key && a.Action.StartsWith("moderation."))
            .OrderBy(a => a.Id).Select(a => new QueueHistory(a.At, a.Action, a.ActorName, a.Details)).ToListAsync(ct);
        return new QueueItem(kind, id, Reviews.TextOf(found.Entity), author, found.Entity.ModerationState, ModerationView.Of(found.Entity), reports,
            ideaSlug, found.AuthorId, consultation, history, found.Entity.ModerationReason);
    }
}
