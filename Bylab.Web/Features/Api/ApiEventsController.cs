using System.ComponentModel;
using Bylab.Core.Bookings;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Bylab.Web.Features.Api;

/// <summary>
/// GET /api/v1/events: the programme as the site lists it (<see cref="EventQueries.ProgrammeAsync"/>: published and
/// cancelled events that have not ended, never drafts, hidden or held ones), with the places left.
/// </summary>
[ApiController]
[AllowAnonymous]
[EnableRateLimiting(ApiSetup.Policy)]
[Route("api/v1/events")]
[Tags("Events")]
[Produces("application/json")]
public sealed class ApiEventsController(EventQueries events, IdeaQueries ideas, PublicUrls urls) : ControllerBase
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

/// <summary>GET /api/v1/venue/calendar: the venue's public calendar, the same slots as the public feed /lokalet/kalender.ics.</summary>
[ApiController]
[AllowAnonymous]
[EnableRateLimiting(ApiSetup.Policy)]
[Route("api/v1/venue")]
[Tags("Venue")]
[Produces("application/json")]
public sealed class ApiVenueController(BookingFeeds feeds) : ControllerBase
{
    [HttpGet("calendar")]
    [EndpointSummary("The venue's public calendar")]
    [EndpointDescription("Bookings open to the public and published events at the Bylab, from a month back to the feed's horizon ahead, in time order.")]
    [ProducesResponseType<ApiPage<ApiVenueSlot>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<IActionResult> Calendar(
        [Description("Page number, from 1.")] int? page,
        [Description("Items per page (default 20, at most 100).")] int? pageSize,
        CancellationToken ct)
    {
        var (number, size, problem) = ApiPaging.Read(HttpContext, page, pageSize);
        if (problem is not null)
        {
            return problem.ToActionResult();
        }
        var slots = (await feeds.BookingsAsync(publicOnly: true, ct)).OrderBy(b => b.StartsAt).ThenBy(b => b.Id).ToList();
        var items = slots.Skip((number - 1) * size).Take(size).Select(ApiNames.Slot).ToList();
        return new ApiJson(new ApiPage<ApiVenueSlot>(items, number, size, slots.Count, slots.Count == 0 ? 1 : (slots.Count + size - 1) / size));
    }
}
