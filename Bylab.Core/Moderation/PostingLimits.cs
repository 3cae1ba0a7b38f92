using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Moderation;

/// <summary>
/// The per-hour limits of <see cref="ModerationOptions"/>. Called inside the saving transaction, which took SQLite's write
/// lock first (BEGIN IMMEDIATE, as VoteService): two requests of one person cannot both count one below the limit.
/// Deleted comments and withdrawn ideas still count – writing and deleting is no way round the limit.
/// </summary>
internal static class PostingLimits
{
    public static async Task<bool> IdeasReachedAsync(BylabDbContext db, string userId, DateTime now, int perHour, CancellationToken ct)
    {
        var since = now.AddHours(-1);
        return await db.Ideas.CountAsync(i => i.AuthorId == userId && i.CreatedAt > since, ct) >= perHour;
    }

    public static async Task<bool> CommentsReachedAsync(BylabDbContext db, string userId, DateTime now, int perHour, CancellationToken ct)
    {
        var since = now.AddHours(-1);
        return await db.Comments.CountAsync(c => c.AuthorId == userId && c.CreatedAt > since, ct) >= perHour;
    }
}
