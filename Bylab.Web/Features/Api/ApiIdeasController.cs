using System.ComponentModel;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Api;

/// <summary>
/// GET /api/v1/ideas and /api/v1/ideas/{id}. The list is <see cref="IdeaQueries.ListAsync"/> as the site's list reads it
/// (<see cref="IdeaListing.Listed"/>: visible, not withdrawn, not merged); one idea is answered only when it is listed,
/// and its comments only when visible: hidden and held content never appears here, not even as a placeholder.
/// </summary>
[Route("api/v1/ideas")]
[Tags("Ideas")]
public sealed class ApiIdeasController(IdeaQueries queries, PublicUrls urls) : ApiReadController
{
    [HttpGet("")]
    [EndpointSummary("Ideas, filtered and sorted as on the site")]
    [EndpointDescription("The filters of the site's idea list. An unknown value is a 400 problem that names the parameter.")]
    [ProducesResponseType<ApiPage<ApiIdea>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<IActionResult> List(
        [Description("A consultation's id or slug.")] string? consultation,
        [Description("A theme's id or slug.")] string? theme,
        [Description("new, underConsideration, accepted, rejected or implemented.")] string? status,
        [Description("Words that must all occur in the title or text (at most 200 characters).")] string? q,
        [Description("newest (default), votes, discussed or trending (most votes in the last 7 days).")] string? sort,
        [Description("Page number, from 1.")] int? page,
        [Description("Items per page (default 20, at most 100).")] int? pageSize,
        CancellationToken ct)
    {
        var (number, size, problem) = ApiPaging.Read(HttpContext, page, pageSize);
        if (problem is not null)
        {
            return problem.ToActionResult();
        }
        var consultations = await queries.ConsultationChoicesAsync(ct);
        var themes = await ApiThemes.LoadAsync(queries, ct);
        int? consultationId = null, themeId = null;
        IdeaStatus? statusValue = null;
        var sortValue = IdeaSort.Newest;
        if (consultation is not null && (consultationId = consultations.FirstOrDefault(c => Names(c.Id, c.Slug, consultation))?.Id) is null)
        {
            return ApiProblems.BadParameter(HttpContext, nameof(consultation), "UnknownConsultation", consultation).ToActionResult();
        }
        if (theme is not null && (themeId = themes.All.FirstOrDefault(t => Names(t.Id, t.Slug, theme))?.Id) is null)
        {
            return ApiProblems.BadParameter(HttpContext, nameof(theme), "UnknownTheme", theme).ToActionResult();
        }
        if (status is not null)
        {
            if (!ApiNames.TryParse<IdeaStatus>(status, out var s))
            {
                return ApiProblems.BadParameter(HttpContext, nameof(status), "OneOf", string.Join(", ", Enum.GetValues<IdeaStatus>().Select(ApiNames.Of))).ToActionResult();
            }
            statusValue = s;
        }
        if (sort is not null && !ApiNames.Sorts.TryGetValue(sort, out sortValue))
        {
            return ApiProblems.BadParameter(HttpContext, nameof(sort), "OneOf", string.Join(", ", ApiNames.Sorts.Keys)).ToActionResult();
        }
        if (q is { Length: > Ideas.IdeaListQuery.SearchMaxLength })
        {
            return ApiProblems.BadParameter(HttpContext, nameof(q), "TooLong", Ideas.IdeaListQuery.SearchMaxLength).ToActionResult();
        }
        var filter = new IdeaFilter(consultationId, themeId, statusValue, Search: string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            Sort: sortValue, Page: number, PageSize: size);
        var slugs = consultations.ToDictionary(c => c.Id, c => c.Slug);
        var ideas = await queries.ListAsync(filter, ct);
        return new ApiJson(ApiPaging.Map(ideas, i => new ApiIdea(
            i.Id, i.Slug, i.Title, i.Excerpt, themes.Of(i.ThemeId)!, new ApiRef(i.ConsultationId, slugs.GetValueOrDefault(i.ConsultationId, ""), i.ConsultationTitle),
            i.AuthorName, i.PlaceName, ApiNames.Of(i.Status), i.VoteCount, i.CommentCount, i.CreatedAt, i.AnsweredAt,
            urls.Absolute(Ideas.IdeaPaths.Idea(i.Slug)))));
    }

    [HttpGet("{id:int}")]
    [EndpointSummary("One idea")]
    [EndpointDescription("Its text (Markdown), the official answer and the public comments. Withdrawn, merged, hidden and held ideas are 404.")]
    [ProducesResponseType<ApiIdeaDetails>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Get(int id, CancellationToken ct)
    {
        var idea = await queries.GetAsync(id, viewerId: null, ct);
        // The list's rule on the single item: a withheld, withdrawn or merged idea is not there for the API.
        if (idea is null || idea.TextWithheld || idea.Moderation is not null || idea.WithdrawnAt is not null || idea.MergedIntoId is not null)
        {
            return ApiProblems.NotFound(HttpContext).ToActionResult();
        }
        var themes = await ApiThemes.LoadAsync(queries, ct);
        return new ApiJson(new ApiIdeaDetails(
            idea.Id, idea.Slug, idea.Title, idea.BodyMarkdown, idea.PlaceName, themes.Of(idea.ThemeId)!,
            new ApiRef(idea.ConsultationId, idea.ConsultationSlug, idea.ConsultationTitle), idea.AuthorName, ApiNames.Of(idea.Status),
            idea.VoteCount, idea.CommentCount, idea.CreatedAt, idea.EditedAt, idea.Principles, idea.Goals,
            idea.AnswerMarkdown is { Length: > 0 } answer ? new ApiAnswer(answer, idea.AnsweredAt) : null,
            Comments(idea.Comments), urls.Absolute(Ideas.IdeaPaths.Idea(idea.Slug))));
    }

    /// <summary>
    /// Visible comments only. A hidden one is left out with its replies (they answer what may not be shown); a deleted
    /// one stays as a placeholder while it has visible replies, as on the site.
    /// </summary>
    private static List<ApiComment> Comments(IEnumerable<CommentView> comments) => comments
        .Where(c => c.Moderation is null)
        .Select(c => new ApiComment(c.Id, c.IsDeleted ? null : c.AuthorName, c.IsDeleted ? null : c.BodyMarkdown, c.CreatedAt, c.EditedAt,
            c.IsDeleted, Comments(c.Replies)))
        .Where(c => !c.Deleted || c.Replies.Count > 0)
        .ToList();

    private static bool Names(int id, string slug, string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n == id : slug == text;
}
