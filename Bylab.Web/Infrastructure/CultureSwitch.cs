using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Bylab.Web;

/// <summary>The person's language: the cookie that remembers it, and running text in another person's language (e-mails).</summary>
public static class CultureSwitch
{
    public static bool IsSupported(string? culture) => culture is not null && WebServices.Cultures.Any(c => c.Name == culture);

    /// <summary>Remembers the chosen language for a year (the language switcher and the profile both set it).</summary>
    public static void SetCookie(HttpResponse response, string culture, DateTimeOffset now) =>
        response.Cookies.Append(
            WebServices.CultureCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = now.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
            });

    /// <summary>Runs <paramref name="work"/> with the culture set to <paramref name="culture"/> (bokmål when unknown).</summary>
    public static T In<T>(string? culture, Func<T> work)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var c = WebServices.Cultures.FirstOrDefault(x => x.Name == culture) ?? WebServices.Cultures[0];
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = c;
            return work();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
