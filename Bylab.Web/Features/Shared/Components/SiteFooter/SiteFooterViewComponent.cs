using Bylab.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Bylab.Web.Features.Shared.Components.SiteFooter;

/// <summary>
/// The footer's contact details and opening hours come from the Bylab venue record. Every page shows them,
/// so they are kept in memory for a minute rather than read on each request.
/// </summary>
public sealed class SiteFooterViewComponent(BylabDbContext db, IMemoryCache cache) : ViewComponent
{
    private static readonly object CacheKey = new();

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var venue = await cache.GetOrCreateAsync(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.Venues.AsNoTracking().Include(v => v.OpeningHours)
                .FirstOrDefaultAsync(v => v.Slug == Core.Venue.Venue.BylabSlug);
        });
        return View(venue);
    }
}
