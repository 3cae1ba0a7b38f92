using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Moderation;

public enum QueueTab { Reported, Held, Hidden }

/// <summary>One item in the moderators' queue: its text (moderators read it), its state and its open reports.</summary>
/// <param name="Text">The idea's title and body, a comment's body, an event's title and summary; plain as stored.</param>
/// <param name="IdeaSlug">For a link to the public page: the idea itself or the comment's idea.</param>
public sealed record QueueItem(ContentKind Kind, int Id, string Text, string? AuthorName, ModerationState State, ModerationView? Moderation,
    IReadOnlyList<QueueReport> Reports, string? IdeaSlug);

public sealed record QueueReport(ModerationReason Reason, string? Note, DateTime CreatedAt);

/// <summary>
/// The moderators' queue: items with open reports, held items, hidden items, newest first. A first version of issue 13's
/// queue (no filters by consultation or reason, no history, no bulk actions yet).
/// </summary>
public sealed class ModerationQueue(BylabDbContext db)
{
    public const int Take = 100;

    public async Task<IReadOnlyList<QueueItem>> ListAsync(QueueTab tab, CancellationToken ct = default)
    {
        List<(ContentKind Kind, int Id)> keys;
        if (tab == QueueTab.Reported)
        {
            keys = (await db.Reports.AsNoTracking().Where(r => r.DismissedAt == null)
                    .GroupBy(r => new { r.ItemKind, r.ItemId })
                    .Select(g => new { g.Key.ItemKind, g.Key.ItemId, Last = g.Max(r => r.CreatedAt) })
                    .OrderByDescending(g => g.Last).Take(Take).ToListAsync(ct))
                .Select(g => (g.ItemKind, g.ItemId)).ToList();
        }
        else
        {
            var state = tab == QueueTab.Held ? ModerationState.Held : ModerationState.Hidden;
            keys = [
                .. (await db.Ideas.AsNoTracking().Where(i => i.ModerationState == state).Select(i => i.Id).ToListAsync(ct)).Select(id => (ContentKind.Idea, id)),
                .. (await db.Comments.AsNoTracking().Where(c => c.ModerationState == state).Select(c => c.Id).ToListAsync(ct)).Select(id => (ContentKind.Comment, id)),
                .. (await db.Events.AsNoTracking().Where(e => e.ModerationState == state).Select(e => e.Id).ToListAsync(ct)).Select(id => (ContentKind.Event, id)),
            ];
        }
        var items = new List<QueueItem>();
        foreach (var (kind, id) in keys)
        {
            if (await ItemAsync(kind, id, ct) is { } item)
            {
                items.Add(item);
            }
        }
        return tab == QueueTab.Reported ? items : items.OrderByDescending(i => i.Moderation?.At).Take(Take).ToList();
    }

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
        var (text, ideaSlug) = found.Entity switch
        {
            Idea i => (i.Title + "\n\n" + i.BodyMarkdown, Slugs.WithId(null, i.Id)),
            Comment c => (c.BodyMarkdown, Slugs.WithId(null, c.IdeaId)),
            Events.Event e => (e.Title + "\n\n" + e.Summary, (string?)null),
            _ => ("", null),
        };
        return new QueueItem(kind, id, text, author, found.Entity.ModerationState, ModerationView.Of(found.Entity), reports, ideaSlug);
    }
}
