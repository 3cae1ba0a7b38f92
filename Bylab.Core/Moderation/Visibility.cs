using System.Linq.Expressions;

namespace Bylab.Core.Moderation;

/// <summary>
/// THE visibility rule: what the public may see of people's writing. Every query that lists, counts, searches, feeds,
/// mails or exports ideas, comments or events goes through <see cref="PubliclyVisible{T}"/> (or, where a query needs the
/// expression itself, <see cref="IsVisible"/>), so a hidden or held item cannot turn up in one surface and not another.
/// Withdrawn and merged ideas, deleted comments and unpublished events are each feature's own rules, added on top.
/// </summary>
public static class Visibility
{
    /// <summary>The rule as SQL can run it: only <see cref="ModerationState.Visible"/> rows.</summary>
    public static IQueryable<T> PubliclyVisible<T>(this IQueryable<T> items) where T : class, IModerated =>
        items.Where(x => x.ModerationState == ModerationState.Visible);

    /// <summary>The same rule on a loaded item.</summary>
    public static bool IsPubliclyVisible(this IModerated item) => item.ModerationState == ModerationState.Visible;

    /// <summary>
    /// Whether a viewer may read the item's text: everyone when it is visible; its author also while it is held
    /// (they see it marked as awaiting review). A hidden item's text is shown to nobody on the public pages.
    /// </summary>
    public static bool TextShownTo(this IModerated item, string? authorId, string? viewerId) =>
        item.ModerationState == ModerationState.Visible
        || (item.ModerationState == ModerationState.Held && viewerId is not null && viewerId == authorId);

    /// <summary>For SQL written by hand (counters recomputed in one statement): the column's stored value for «visible».</summary>
    public const string VisibleSql = "'Visible'";

    /// <summary>The rule as an expression, for a subquery that cannot call an extension method.</summary>
    public static Expression<Func<T, bool>> IsVisible<T>() where T : class, IModerated =>
        x => x.ModerationState == ModerationState.Visible;
}
