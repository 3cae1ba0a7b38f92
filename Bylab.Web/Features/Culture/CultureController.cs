using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Culture;

[AllowAnonymous]
public sealed class CultureController(IStringLocalizer<SharedResource> l, TimeProvider time) : Controller
{
    /// <summary>The language switcher posts here; the choice lives in a cookie for a year.</summary>
    [HttpPost("/sprak")]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        if (!CultureSwitch.IsSupported(culture))
        {
            TempData["Problem"] = l["Culture.Unknown"].Value;
            return LocalRedirect(target);
        }
        CultureSwitch.SetCookie(Response, culture!, time.GetUtcNow());
        return LocalRedirect(target);
    }
}
