using System.ComponentModel;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Api;

/// <summary>
/// GET /api/v1/events: the programme as the site lists it (<see cref="EventQueries.ProgrammeAsync"/>: published and
/// cancelled events that have not ended, never drafts, hidden or held ones), with the places left.
/// </summary>
[Route("api/v1/events")]
[Tags("Events")]
public sealed class ApiEventsController(EventQueries events, IdeaQueries ideas, PublicUrls urls) : ApiReadController
{
    [HttpGet("")]
    [EndpointSummary("Events in the programme, soonest first")]
    [EndpointDescription("With capacity, places left and the waiting list. Filters as on the site's programme.")]
    [ProducesResponseType<ApiPage<ApiEvent>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<IActionResult> List(
        [Description("A theme's id or slug.")] string? theme,
        [Description("everyone, youth, families, seniors, business or professionals.")] string? audience,
        [Description("Page number, from 1.")] int? page,
        [Description("Items per page (default 20, at most 100).")] int? pageSize,
        CancellationToken ct)
    {
        var (number, size, problem) = ApiPaging.Read(HttpContext, page, pageSize);
        if (problem is not null)
        {
            return problem.ToActionResult();
        }
        var themes = await ApiThemes.LoadAsync(ideas, ct);
        int? themeId = null;
        if (theme is not null && (themeId = themes.All.FirstOrDefault(t => t.Slug == theme || t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == theme)?.Id) is null)
        {
            return ApiProblems.BadParameter(HttpContext, nameof(theme), "UnknownTheme", theme).ToActionResult();
        }
        EventAudience? audienceValue = null;
        if (audience is not null)
        {
            if (!ApiNames.TryParse<EventAudience>(audience, out var a))
            {
                return ApiProblems.BadParameter(HttpContext, nameof(audience), "OneOf", string.Join(", ", Enum.GetValues<EventAudience>().Select(ApiNames.Of))).ToActionResult();
            }
            audienceValue = a;
        }
        var programme = await events.ProgrammeAsync(new EventFilter(themeId, audienceValue, number, size), ct);
        return new ApiJson(ApiPaging.Map(programme, e => ApiNames.Event(e, themes.Of, urls)));
    }
}
