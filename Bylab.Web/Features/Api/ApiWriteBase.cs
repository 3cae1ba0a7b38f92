using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Bylab.Web.Features.Api;

/// <summary>
/// The API's writes, as the person the bearer token was issued for (its subject), through the same Core services as
/// the site. Errors are RFC 9457 problem details whose title and detail follow the request's Accept-Language.
/// No antiforgery: a bearer token is never sent by a browser on its own, so a cross-site request carries none.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.ApiWrite)]
[IgnoreAntiforgeryToken]
[ApiCulture]
public abstract class ApiWriteBase(IStringLocalizer<ApiResource> l) : ControllerBase
{
    /// <summary>The person the token speaks for.</summary>
    protected string Subject => User.GetClaim(Claims.Subject) ?? throw new InvalidOperationException("A token without a subject.");

    /// <summary>A problem details answer; "Problem.{key}.Title" and ".Detail" in the API's resources.</summary>
    protected ObjectResult Problem(int status, string key, params object[] args) =>
        Problem(title: l[$"Problem.{key}.Title"].Value, detail: l[$"Problem.{key}.Detail", args].Value, statusCode: status,
            type: "https://bylab.hamar.kommune.no/api/v1/problems/" + key.ToLowerInvariant());
}

/// <summary>
/// The request's language from Accept-Language (nb, nn or en; bokmål otherwise), for the API only: the site's pages
/// follow the person's own choice instead (the culture cookie), never the browser's.
/// </summary>
public sealed class ApiCultureAttribute : ActionFilterAttribute
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        var culture = WebServices.DefaultCulture;
        if (StringWithQualityHeaderValue.TryParseList(context.HttpContext.Request.Headers.AcceptLanguage, out var languages))
        {
            culture = languages.OrderByDescending(l => l.Quality ?? 1)
                .Select(l => Supported(l.Value.Value ?? ""))
                .FirstOrDefault(c => c is not null) ?? culture;
        }
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
    }

    private static string? Supported(string tag) => tag.ToLowerInvariant() switch
    {
        "nb" or "nb-no" or "no" or "no-no" => "nb",
        "nn" or "nn-no" => "nn",
        var t when t == "en" || t.StartsWith("en-", StringComparison.Ordinal) => "en",
        _ => null,
    };
}
