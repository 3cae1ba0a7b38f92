using Bylab.Core.Bookings;
using Bylab.Core.Common;
using Bylab.Web.Features.Bookings;
using Bylab.Web.Features.Organise;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Areas.Admin.Bookings;

/// <summary>
/// A staff member's private iCalendar link to the whole venue calendar: made here (shown once, with the address from
/// <c>Bylab:Site:PublicUrl</c>), revoked here. Only a hash of the token is stored.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/bookinger/kalenderlenke")]
public sealed class StaffFeedController(BookingFeeds feeds, IOptions<SiteOptions> site, IStringLocalizer<BookingsResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        return View("Feed", new FeedPage(await feeds.TokensAsync(User.UserId()!, ct), null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        var token = await feeds.CreateTokenAsync(User.UserId()!, ct);
        // Shown once, on this response: only the hash is kept.
        Response.Headers.CacheControl = "no-store";
        return View("Feed", new FeedPage(await feeds.TokensAsync(User.UserId()!, ct), site.Value.Link(BookingPaths.StaffFeed(token))));
    }

    [HttpPost("trekk-tilbake")]
    public async Task<IActionResult> Revoke(CancellationToken ct)
    {
        var count = await feeds.RevokeAsync(User.UserId()!, ct);
        TempData["Message"] = l["Admin.Feed.Revoked", count].Value;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record FeedPage(IReadOnlyList<StaffFeedToken> Tokens, string? NewLink);
