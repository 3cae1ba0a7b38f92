using System.ComponentModel;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Api;

/// <summary>GET /api/v1/consultations and /api/v1/consultations/{id}: every consultation (they are all public).</summary>
[Route("api/v1/consultations")]
[Tags("Consultations")]
public sealed class ApiConsultationsController(IdeaQueries queries, PublicUrls urls) : ApiReadController
{
    [HttpGet("")]
    [EndpointSummary("All consultations")]
    [EndpointDescription("The open ones first, then upcoming, then the rest newest first; with their idea and vote counts.")]
    [ProducesResponseType<ApiPage<ApiConsultation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<IActionResult> List(
        [Description("Page number, from 1.")] int? page,
        [Description("Items per page (default 20, at most 100).")] int? pageSize,
        CancellationToken ct)
    {
        var (number, size, problem) = ApiPaging.Read(HttpContext, page, pageSize);
        if (problem is not null)
        {
            return problem.ToActionResult();
        }
        var themes = await ApiThemes.LoadAsync(queries, ct);
        return new ApiJson(ApiPaging.Slice(await queries.ConsultationsAsync(ct), number, size, c => Map(c, themes)));
    }

    [HttpGet("{id:int}")]
    [EndpointSummary("One consultation")]
    [EndpointDescription("With its description (Markdown), its vote limit and whether voting needs a verified account.")]
    [ProducesResponseType<ApiConsultation>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<IActionResult> Get(int id, CancellationToken ct)
    {
        if (await queries.GetConsultationAsync(id, ct) is not { } c)
        {
            return ApiProblems.NotFound(HttpContext).ToActionResult();
        }
        return new ApiJson(Map(c.Summary, await ApiThemes.LoadAsync(queries, ct)) with
        {
            DescriptionMarkdown = c.DescriptionMarkdown,
            MaxVotesPerPerson = c.MaxVotesPerPerson,
            RequiresVerifiedAccount = c.RequiresVerifiedAccount,
        });
    }

    private ApiConsultation Map(ConsultationSummary c, ApiThemes themes) => new(
        c.Id, c.Slug, c.Title, themes.Of(c.ThemeId)!, c.OpensAt, c.IdeasCloseAt, c.ClosesAt, c.ConcludedAt,
        ApiNames.Of(c.Phase), c.IdeaCount, c.VoteCount, urls.Absolute(Ideas.IdeaPaths.Consultation(c.Slug)));
}

/// <summary>The themes by id, read once per request, for the theme objects of items.</summary>
public sealed class ApiThemes(IReadOnlyList<Theme> themes)
{
    private readonly Dictionary<int, ApiTheme> _byId = themes.ToDictionary(t => t.Id, t => new ApiTheme(t.Id, t.Slug, t.Title));

    public IReadOnlyList<Theme> All => themes;

    public ApiTheme? Of(int? id) => id is { } i && _byId.TryGetValue(i, out var t) ? t : null;

    public static async Task<ApiThemes> LoadAsync(IdeaQueries queries, CancellationToken ct) => new(await queries.ThemesAsync(ct));
}
