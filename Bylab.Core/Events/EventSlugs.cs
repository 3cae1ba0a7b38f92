using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>
/// The part after /arrangementer/: made once from the first title and kept when the title changes, so links
/// in e-mails and calendars keep working. Unique; never one of the programme's own routes.
/// </summary>
public static class EventSlugs
{
    /// <summary>/arrangementer/kalender is the month calendar and /arrangementer/kalender.ics the feed.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "kalender", "kalender.ics" };

    /// <summary>For a title with no letters or digits at all («!!!»).</summary>
    public const string Fallback = "arrangement";

    /// <summary>Room for "-123" within the column's 100 characters.</summary>
    private const int BaseMaxLength = 90;

    /// <summary>The slug from <paramref name="title"/>, with -2, -3 … added while it is taken or reserved.
    /// Call it inside the write transaction that saves the event, so two events cannot take the same one.</summary>
    public static async Task<string> UniqueAsync(BylabDbContext db, string title, CancellationToken ct)
    {
        var baseSlug = Slugs.From(title, BaseMaxLength);
        if (baseSlug.Length == 0)
        {
            baseSlug = Fallback;
        }
        var slug = baseSlug;
        for (var n = 2; Reserved.Contains(slug) || await db.Events.AnyAsync(e => e.Slug == slug, ct); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        return slug;
    }
}
