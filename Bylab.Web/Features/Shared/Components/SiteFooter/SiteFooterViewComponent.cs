using Bylab.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Web.Features.Shared.Components.SiteFooter;

/// <summary>The footer's contact details and opening hours come from the Bylab venue record.</summary>
public sealed class SiteFooterViewComponent(BylabDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var venue = await db.Venues.AsNoTracking().Include(v => v.OpeningHours)
            .FirstOrDefaultAsync(v => v.Slug == Core.Venue.Venue.BylabSlug);
        return View(venue);
    }
}
