using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Culture;

[AllowAnonymous]
public sealed class CultureController(IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>The language switcher posts here; the choice lives in a cookie for a year.</summary>
    [HttpPost("/sprak")]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        if (culture is null || !WebServices.Cultures.Any(c => c.Name == culture))
        {
            TempData["Problem"] = l["Culture.Unknown"].Value;
            return LocalRedirect(target);
        }
        Response.Cookies.Append(
            WebServices.CultureCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        return LocalRedirect(target);
    }
}
