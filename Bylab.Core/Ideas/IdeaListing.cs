using Bylab.Core.Moderation;

namespace Bylab.Core.Ideas;

/// <summary>Which ideas lists, counts, searches, feeds and the sitemap show: the visibility rule, then the ideas' own.</summary>
public static class IdeaListing
{
    /// <summary>
    /// Publicly visible (<see cref="Visibility"/>), not withdrawn, not merged. The terms are written as the partial indexes'
    /// filter ("WithdrawnAt IS NULL AND MergedIntoId IS NULL"), so SQLite still reads lists from those indexes.
    /// </summary>
    public static IQueryable<Idea> Listed(this IQueryable<Idea> ideas) =>
        ideas.PubliclyVisible().Where(i => i.WithdrawnAt == null && i.MergedIntoId == null);
}
