using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Moderation;

/// <summary>
/// One reportable item, loaded and tracked, whatever its kind: the moderation columns, its author, and whether it is still
/// there to be reported at all (a deleted comment or a withdrawn idea is not).
/// </summary>
/// <param name="IdeaId">The idea whose comment counter moves when a comment is hidden or restored; null for ideas and events.</param>
/// <param name="Title">A short label for the author's e-mail and the moderators' queue: the idea's or event's title; empty for comments.</param>
internal sealed record ModeratedItem(IModerated Entity, string? AuthorId, bool Gone, int? IdeaId, string Title);

internal static class ModeratedItems
{
    public static async Task<ModeratedItem?> FindAsync(BylabDbContext db, ContentKind kind, int id, CancellationToken ct) => kind switch
    {
        ContentKind.Idea => await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct) is { } i
            ? new ModeratedItem(i, i.AuthorId, i.IsWithdrawn || i.IsMerged, null, i.Title) : null,
        ContentKind.Comment => await db.Comments.SingleOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? new ModeratedItem(c, c.AuthorId, c.IsDeleted, c.IdeaId, "") : null,
        // An organiser's event is reportable once the public can see it: drafts are not.
        ContentKind.Event => await db.Events.SingleOrDefaultAsync(e => e.Id == id, ct) is { } e
            ? new ModeratedItem(e, e.OwnerId, e.PublishedAt is null, null, e.Title) : null,
        _ => null,
    };
}
