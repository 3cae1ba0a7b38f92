using Bylab.Core.Moderation;
using System.Text;
using System.Text.RegularExpressions;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Ideas;

public enum IdeaSort
{
    Newest,
    MostVotes,
    MostDiscussed,
    /// <summary>Most votes cast in the last <see cref="IdeaQueries.TrendingDays"/> days.</summary>
    Trending,
}

/// <summary>What a list of ideas is cut by. Every filter is optional; <paramref name="PageSize"/> null = <see cref="IdeaOptions.PageSize"/>.</summary>
/// <param name="Principle">A <see cref="RoadmapPrinciples"/> code.</param>
/// <param name="Goal">A sustainable development goal, 1–17.</param>
/// <param name="Search">Free text as typed; every word must occur in the title or body (the last as a word start).</param>
/// <param name="ForStaff">Staff's list in the admin area: hidden and held ideas too (each item says its state). Never for public pages.</param>
public sealed record IdeaFilter(
    int? ConsultationId = null,
    int? ThemeId = null,
    IdeaStatus? Status = null,
    string? Principle = null,
    int? Goal = null,
    string? Search = null,
    IdeaSort Sort = IdeaSort.Newest,
    int Page = 1,
    int? PageSize = null,
    bool ForStaff = false);

/// <param name="Slug">"slug-id" for the idea's URL.</param>
/// <param name="Excerpt">The start of the body as plain text (Markdown marks removed), at most about 200 characters.</param>
/// <param name="AuthorName">Null when the author deleted their account.</param>
public sealed record IdeaListItem(
    int Id,
    string Slug,
    string Title,
    string Excerpt,
    int ThemeId,
    string ThemeTitle,
    int ConsultationId,
    string ConsultationTitle,
    string? AuthorName,
    string? PlaceName,
    IdeaStatus Status,
    int VoteCount,
    int CommentCount,
    DateTime CreatedAt,
    DateTime? AnsweredAt,
    ModerationState ModerationState = ModerationState.Visible);

/// <param name="ViewerVotesLeft">How many more votes the viewer may give in this consultation; null = unlimited or no viewer.</param>
/// <param name="ViewerCanEdit">The viewer is the author and still inside the edit window, and there is no official answer.</param>
public sealed record IdeaDetails(
    int Id,
    string Slug,
    string Title,
    string BodyMarkdown,
    string? PlaceName,
    int ThemeId,
    string ThemeTitle,
    int ConsultationId,
    string ConsultationSlug,
    string ConsultationTitle,
    ConsultationPhase ConsultationPhase,
    string? AuthorId,
    string? AuthorName,
    DateTime CreatedAt,
    DateTime? EditedAt,
    DateTime? WithdrawnAt,
    int? MergedIntoId,
    IdeaStatus Status,
    string? AnswerMarkdown,
    DateTime? AnsweredAt,
    int VoteCount,
    int CommentCount,
    IReadOnlyList<string> Principles,
    IReadOnlyList<int> Goals,
    bool ViewerVoted,
    bool ViewerFollows,
    bool ViewerCanEdit,
    int? ViewerVotesLeft,
    IReadOnlyList<CommentView> Comments,
    ModerationView? Moderation = null)
{
    /// <summary>Hidden, or held and the viewer is not its author: the page says why and shows nothing the idea said.</summary>
    public bool TextWithheld { get; init; }
}

/// <param name="BodyMarkdown">Empty for a deleted comment, and for a hidden one (<paramref name="Moderation"/> says why).</param>
/// <param name="Replies">Always empty for a reply: there is one level only.</param>
public sealed record CommentView(
    int Id,
    string? AuthorId,
    string? AuthorName,
    string BodyMarkdown,
    DateTime CreatedAt,
    DateTime? EditedAt,
    bool IsDeleted,
    bool ViewerCanEdit,
    IReadOnlyList<CommentView> Replies,
    ModerationView? Moderation = null);

public sealed record SimilarIdea(int Id, string Slug, string Title, IdeaStatus Status, int VoteCount);

/// <param name="IdeaCount">Ideas shown in lists (not withdrawn, not merged).</param>
public sealed record ConsultationChoice(int Id, string Slug, string Title);

public sealed record ConsultationSummary(
    int Id,
    string Slug,
    string Title,
    int ThemeId,
    string ThemeTitle,
    DateTime OpensAt,
    DateTime IdeasCloseAt,
    DateTime ClosesAt,
    DateTime? ConcludedAt,
    ConsultationPhase Phase,
    int IdeaCount,
    int VoteCount);

/// <param name="MaxVotesPerPerson">The limit that applies (the consultation's own, else the default); null = unlimited.</param>
/// <param name="RequiresVerifiedAccount">Only accounts verified with an eID may vote (<see cref="Consultation.RequiresVerifiedAccount"/>).</param>
public sealed record ConsultationDetails(ConsultationSummary Summary, string DescriptionMarkdown, int? MaxVotesPerPerson, DateTime CreatedAt,
    bool RequiresVerifiedAccount = false);

/// <summary>Everything the public pages read about consultations and ideas. No account needed; nothing here writes.</summary>
public sealed partial class IdeaQueries(BylabDbContext db, TimeProvider time, IOptions<IdeaOptions> options)
{
    public const int TrendingDays = 7;
    private const int ExcerptLength = 200;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Ideas shown in lists (<see cref="IdeaListing.Listed"/>): visible, not withdrawn, not merged into another.</summary>
    private IQueryable<Idea> Visible => db.Ideas.AsNoTracking().Listed();

    public async Task<Paged<IdeaListItem>> ListAsync(IdeaFilter filter, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(filter.PageSize ?? options.Value.PageSize, 1, 100);
        var page = Paged<IdeaListItem>.Clamp(filter.Page);

        // Staff answer and merge ideas whatever the moderators decided, so their list keeps hidden and held ones, marked.
        var query = filter.ForStaff ? db.Ideas.AsNoTracking().Where(i => i.WithdrawnAt == null && i.MergedIntoId == null) : Visible;
        if (filter.ConsultationId is { } consultationId)
        {
            query = query.Where(i => i.ConsultationId == consultationId);
        }
        if (filter.ThemeId is { } themeId)
        {
            query = query.Where(i => i.ThemeId == themeId);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        if (!string.IsNullOrEmpty(filter.Principle))
        {
            var code = filter.Principle;
            query = query.Where(i => db.IdeaPrinciples.Any(p => p.IdeaId == i.Id && p.Code == code));
        }
        if (filter.Goal is { } goal)
        {
            query = query.Where(i => db.IdeaGoals.Any(g => g.IdeaId == i.Id && g.Number == goal));
        }
        if (IdeaSearch.ToMatchAllQuery(filter.Search) is { } match)
        {
            var ids = IdeaSearch.MatchingIds(db, match);
            query = query.Where(i => ids.Contains(i.Id));
        }

        var total = await query.CountAsync(ct);

        IOrderedQueryable<Idea> ordered;
        switch (filter.Sort)
        {
            case IdeaSort.MostVotes:
                ordered = query.OrderByDescending(i => i.VoteCount).ThenByDescending(i => i.Id);
                break;
            case IdeaSort.MostDiscussed:
                ordered = query.OrderByDescending(i => i.CommentCount).ThenByDescending(i => i.Id);
                break;
            case IdeaSort.Trending:
                // A correlated count per idea over the (IdeaId, CreatedAt) index: cheap even for 10,000 ideas.
                var since = Now.AddDays(-TrendingDays);
                ordered = query.OrderByDescending(i => db.Votes.Count(v => v.IdeaId == i.Id && v.CreatedAt >= since))
                    .ThenByDescending(i => i.VoteCount).ThenByDescending(i => i.Id);
                break;
            default:
                ordered = query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id);
                break;
        }

        var rows = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(i => new
            {
                i.Id,
                i.Title,
                Body = i.BodyMarkdown.Substring(0, ExcerptLength * 2),
                i.ThemeId,
                ThemeTitle = i.Theme!.Title,
                i.ConsultationId,
                ConsultationTitle = i.Consultation!.Title,
                AuthorName = i.Author != null ? i.Author.DisplayName : null,
                i.PlaceName,
                i.Status,
                i.VoteCount,
                i.CommentCount,
                i.CreatedAt,
                i.AnsweredAt,
                i.ModerationState,
            })
            .ToListAsync(ct);

        var items = rows.Select(r => new IdeaListItem(r.Id, Slugs.WithId(r.Title, r.Id), r.Title, Excerpt(r.Body), r.ThemeId, r.ThemeTitle,
                r.ConsultationId, r.ConsultationTitle, r.AuthorName, r.PlaceName, r.Status, r.VoteCount, r.CommentCount, r.CreatedAt, r.AnsweredAt, r.ModerationState))
            .ToList();
        return new Paged<IdeaListItem>(items, page, pageSize, total);
    }

    /// <summary>
    /// One idea with everything its page shows, also when withdrawn or merged (the page says so and links on).
    /// Null when there is no such idea. <paramref name="forStaff"/>: the admin area's page, which shows a hidden or held
    /// idea's text with its moderation state (staff answer it); comments still follow the public rule.
    /// </summary>
    public async Task<IdeaDetails?> GetAsync(int id, string? viewerId = null, CancellationToken ct = default, bool forStaff = false)
    {
        var idea = await db.Ideas.AsNoTracking()
            .Include(i => i.Theme).Include(i => i.Consultation).Include(i => i.Author)
            .Include(i => i.Principles).Include(i => i.Goals)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, ct);
        if (idea is null)
        {
            return null;
        }
        var now = Now;
        var window = options.Value.EditWindow;
        var comments = await (
                from c in db.Comments.AsNoTracking()
                where c.IdeaId == id
                join u in db.Users on c.AuthorId equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                orderby c.CreatedAt, c.Id
                select new { Comment = c, AuthorName = u != null ? u.DisplayName : null })
            .ToListAsync(ct);

        CommentView View(Comment c, string? authorName, IReadOnlyList<CommentView> replies)
        {
            // The visibility rule: a hidden comment keeps its place with the moderator's reason, never its text or author.
            var shown = !c.IsDeleted && c.TextShownTo(c.AuthorId, viewerId);
            return new(c.Id, shown ? c.AuthorId : null, shown ? authorName : null, shown ? c.BodyMarkdown : "",
                c.CreatedAt, c.EditedAt, c.IsDeleted,
                shown && c.CanEdit(viewerId, now, window) && idea.Consultation!.AcceptsCommentsAt(now), replies, ModerationView.Of(c));
        }

        // Held comments are left out for everyone but their author (who sees them marked as awaiting review).
        var readable = comments.Where(c => c.Comment.ModerationState != ModerationState.Held || c.Comment.TextShownTo(c.Comment.AuthorId, viewerId)).ToList();
        var repliesByParent = readable.Where(c => c.Comment.ParentId is not null)
            .ToLookup(c => c.Comment.ParentId!.Value, c => View(c.Comment, c.AuthorName, []));
        var tree = readable.Where(c => c.Comment.ParentId is null)
            .Select(c => View(c.Comment, c.AuthorName, repliesByParent[c.Comment.Id].ToList()))
            // A deleted comment without replies has nothing left to show.
            .Where(c => !c.IsDeleted || c.Replies.Count > 0)
            .ToList();

        var voted = false;
        var follows = false;
        int? votesLeft = null;
        var limit = idea.Consultation!.MaxVotesPerPerson ?? options.Value.MaxVotesPerConsultation;
        if (viewerId is not null)
        {
            voted = await db.Votes.AnyAsync(v => v.IdeaId == id && v.UserId == viewerId, ct);
            follows = await db.IdeaFollowers.AnyAsync(f => f.IdeaId == id && f.UserId == viewerId, ct);
            if (limit is not null)
            {
                var used = await db.Votes.CountAsync(v => v.UserId == viewerId
                    && db.Ideas.Any(i => i.Id == v.IdeaId && i.ConsultationId == idea.ConsultationId && i.WithdrawnAt == null), ct);
                votesLeft = Math.Max(0, limit.Value - used);
            }
        }

        if (!forStaff && !idea.TextShownTo(idea.AuthorId, viewerId))
        {
            // The visibility rule on the idea's own page: that it was hidden (or is held) and why, nothing it said – not
            // even the title in its address – and no comments. Its votes stay in the table and count again if restored.
            return new IdeaDetails(
                idea.Id, Slugs.WithId(null, idea.Id), "", "", null,
                idea.ThemeId, idea.Theme!.Title,
                idea.ConsultationId, idea.Consultation.Slug, idea.Consultation.Title, idea.Consultation.PhaseAt(now),
                null, null, idea.CreatedAt, null, idea.WithdrawnAt, idea.MergedIntoId, idea.Status, null, null,
                idea.VoteCount, 0, [], [], voted, follows, ViewerCanEdit: false, votesLeft, [], ModerationView.Of(idea)) { TextWithheld = true };
        }

        return new IdeaDetails(
            idea.Id, idea.Slug, idea.Title, idea.BodyMarkdown, idea.PlaceName,
            idea.ThemeId, idea.Theme!.Title,
            idea.ConsultationId, idea.Consultation.Slug, idea.Consultation.Title, idea.Consultation.PhaseAt(now),
            idea.AuthorId, idea.Author?.DisplayName,
            idea.CreatedAt, idea.EditedAt, idea.WithdrawnAt, idea.MergedIntoId,
            idea.Status, idea.AnswerMarkdown, idea.AnsweredAt,
            idea.VoteCount, idea.CommentCount,
            idea.Principles.Select(p => p.Code).OrderBy(c => RoadmapPrinciples.Find(c)?.Number).ToList(),
            idea.Goals.Select(g => g.Number).Order().ToList(),
            voted, follows, idea.CanEdit(viewerId, now, window), votesLeft, tree, ModerationView.Of(idea));
    }

    /// <summary>
    /// Ideas in the same consultation that look like what is being written, best match first: shown before
    /// saving so people can vote for an existing idea instead of writing it again.
    /// </summary>
    public async Task<IReadOnlyList<SimilarIdea>> SimilarAsync(int consultationId, string? title, string? body, int take = 5, CancellationToken ct = default)
    {
        // The title says most; the start of the body adds words when the title is short.
        var text = $"{title} {(body is { Length: > 500 } ? body[..500] : body)}";
        if (IdeaSearch.ToMatchAnyQuery(text) is not { } match)
        {
            return [];
        }
        var ranked = await IdeaSearch.RankedIdsAsync(db, match, 100, ct);
        if (ranked.Count == 0)
        {
            return [];
        }
        var rows = await Visible
            .Where(i => i.ConsultationId == consultationId && ranked.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Status, i.VoteCount })
            .ToListAsync(ct);
        var rank = ranked.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        return rows.OrderBy(r => rank[r.Id])
            .Take(Math.Clamp(take, 1, 20))
            .Select(r => new SimilarIdea(r.Id, Slugs.WithId(r.Title, r.Id), r.Title, r.Status, r.VoteCount))
            .ToList();
    }

    /// <summary>All consultations, the open ones first, then upcoming, then the rest newest first.</summary>
    public async Task<IReadOnlyList<ConsultationSummary>> ConsultationsAsync(CancellationToken ct = default)
    {
        var rows = await SummaryRows(db.Consultations.AsNoTracking()).ToListAsync(ct);
        var now = Now;
        return rows.Select(r => ToSummary(r, now))
            .OrderBy(s => s.Phase switch
            {
                ConsultationPhase.OpenForIdeas => 0,
                ConsultationPhase.VotingOnly => 1,
                ConsultationPhase.Upcoming => 2,
                _ => 3,
            })
            .ThenByDescending(s => s.ClosesAt)
            .ToList();
    }

    /// <summary>Just what a filter menu needs: no counts, so the idea list does not sum every vote on each request.</summary>
    public async Task<IReadOnlyList<ConsultationChoice>> ConsultationChoicesAsync(CancellationToken ct = default) =>
        await db.Consultations.AsNoTracking().OrderByDescending(c => c.ClosesAt)
            .Select(c => new ConsultationChoice(c.Id, c.Slug, c.Title)).ToListAsync(ct);

    public async Task<ConsultationDetails?> GetConsultationAsync(int id, CancellationToken ct = default) =>
        await DetailsAsync(db.Consultations.AsNoTracking().Where(c => c.Id == id), ct);

    public async Task<ConsultationDetails?> GetConsultationBySlugAsync(string slug, CancellationToken ct = default) =>
        await DetailsAsync(db.Consultations.AsNoTracking().Where(c => c.Slug == slug), ct);

    public Task<List<Theme>> ThemesAsync(CancellationToken ct = default) =>
        db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Title).ToListAsync(ct);

    private async Task<ConsultationDetails?> DetailsAsync(IQueryable<Consultation> one, CancellationToken ct)
    {
        var row = await SummaryRows(one).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        return new ConsultationDetails(ToSummary(row, Now), row.C.DescriptionMarkdown,
            row.C.MaxVotesPerPerson ?? options.Value.MaxVotesPerConsultation, row.C.CreatedAt, row.C.RequiresVerifiedAccount);
    }

    private sealed record SummaryRow(Consultation C, string ThemeTitle, int IdeaCount, int VoteCount);

    private IQueryable<SummaryRow> SummaryRows(IQueryable<Consultation> consultations) =>
        consultations.Select(c => new SummaryRow(
            c,
            c.Theme!.Title,
            db.Ideas.Listed().Count(i => i.ConsultationId == c.Id),
            db.Ideas.Listed().Where(i => i.ConsultationId == c.Id).Sum(i => i.VoteCount)));

    private static ConsultationSummary ToSummary(SummaryRow r, DateTime now) => new(
        r.C.Id, r.C.Slug, r.C.Title, r.C.ThemeId, r.ThemeTitle, r.C.OpensAt, r.C.IdeasCloseAt, r.C.ClosesAt, r.C.ConcludedAt,
        r.C.PhaseAt(now), r.IdeaCount, r.VoteCount);

    /// <summary>Plain text for list cards: Markdown marks and links' addresses removed, cut at a word.</summary>
    internal static string Excerpt(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var text = MarkdownLink().Replace(markdown, "$1");
        text = MarkdownMarks().Replace(text, "");
        text = Whitespace().Replace(text, " ").Trim();
        if (text.Length <= ExcerptLength)
        {
            return text;
        }
        var cut = text[..ExcerptLength];
        var space = cut.LastIndexOf(' ');
        return new StringBuilder(space > ExcerptLength / 2 ? cut[..space] : cut).Append('…').ToString();
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(^|\s)#{1,6}\s|[*_`>~]|^\s*[-+]\s", RegexOptions.Multiline)]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
