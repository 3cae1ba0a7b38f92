using Bylab.Core.Accounts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using System.Security.Claims;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Bylab.Web.Features.Connect;

/// <summary>
/// The token endpoint for the two grants Bylab allows (code and refresh token; OpenIddict has validated the code, the
/// PKCE verifier or the refresh token). The account is read again: a deleted, blocked or locked-out account gets nothing.
/// Antiforgery does not apply: this is a back-channel call with no cookie, authenticated by the code or token itself.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class TokenController(UserManager<BylabUser> users, SignInManager<BylabUser> signIn, ConnectClaims claims) : Controller
{
    [HttpPost(OpenIddictSetup.TokenPath)]
    public async Task<IActionResult> Exchange()
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            throw new InvalidOperationException("OpenIddict lets only the code and refresh token grants through.");
        }
        var result = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.GetClaim(Claims.Subject);
        if (subject is null || await users.FindByIdAsync(subject) is not { } user || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.InvalidGrant,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The account can no longer sign in.",
            }), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        var identity = await claims.IdentityAsync(user, result.Principal!.GetScopes());
        identity.SetAuthorizationId(result.Principal!.GetAuthorizationId());
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
