using System.ComponentModel;
using Bylab.Core.Bookings;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Api;

/// <summary>GET /api/v1/venue/calendar: the venue's public calendar, the same slots as the public feed /lokalet/kalender.ics.</summary>
[Route("api/v1/venue")]
[Tags("Venue")]
public sealed class ApiVenueController(BookingFeeds feeds) : ApiReadController
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
        return new ApiJson(ApiPaging.Slice(slots, number, size, ApiNames.Slot));
    }
}
