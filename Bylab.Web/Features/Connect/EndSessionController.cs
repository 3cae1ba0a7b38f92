using Bylab.Core.Accounts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Server.AspNetCore;

namespace Bylab.Web.Features.Connect;

/// <summary>
/// RP-initiated logout. OpenIddict has checked that post_logout_redirect_uri is one the client registered (exactly).
/// The person confirms with a button (a plain form post with antiforgery), so no other site can sign them out with a link.
/// </summary>
[AllowAnonymous]
public sealed class EndSessionController(SignInManager<BylabUser> signIn) : Controller
{
    [HttpGet(OpenIddictSetup.EndSessionPath)]
    public IActionResult EndSession()
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (Uri.TryCreate(request.PostLogoutRedirectUri, UriKind.Absolute, out var redirect))
        {
            SecurityHeaders.AllowFormTarget(HttpContext, redirect);
        }
        var parameters = request.GetParameters()
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString() ?? ""))
            .ToList();
        return View("EndSession", parameters);
    }

    [HttpPost(OpenIddictSetup.EndSessionPath)]
    public async Task<IActionResult> EndSessionConfirmed()
    {
        await signIn.SignOutAsync();
        // OpenIddict sends the person to the client's post-logout address (or to "/" when none was given).
        return SignOut(new AuthenticationProperties { RedirectUri = "/" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
