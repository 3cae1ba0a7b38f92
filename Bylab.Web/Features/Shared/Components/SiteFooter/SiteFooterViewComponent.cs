using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Shared.Components.SiteFooter;

/// <summary>The footer's contact details and opening hours come from the Bylab venue record (<see cref="SiteVenue"/>).</summary>
public sealed class SiteFooterViewComponent(SiteVenue venue) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await venue.GetAsync());
}
