using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Bylab.Web.Features.Api;

/// <summary>
/// The API's writes, as the person the bearer token was issued for (its subject), through the same Core services as
/// the site. Errors are RFC 9457 problem details (<see cref="ApiProblems"/>) whose title and detail follow the request's Accept-Language;
/// rate limited per client like the reads.
/// No antiforgery: a bearer token is never sent by a browser on its own, so a cross-site request carries none.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.ApiWrite)]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(ApiSetup.Policy)]
public abstract class ApiWriteBase : ControllerBase
{
    /// <summary>The person the token speaks for.</summary>
    protected string Subject => User.GetClaim(Claims.Subject) ?? throw new InvalidOperationException("A token without a subject.");

    /// <summary>A problem details answer; "Problem.{key}.Title" and ".Detail" in the API's resources, in the request's language.</summary>
    protected IActionResult Problem(int status, string key, params object[] args) => ApiProblems.For(HttpContext, status, key, args).ToActionResult();
}
