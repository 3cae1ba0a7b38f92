using System.Security.Claims;
using Bylab.Core.Accounts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Bylab.Web.Features.Connect;

/// <summary>
/// The authorization endpoint (OpenIddict has already checked the client, its exact redirect address and the PKCE
/// challenge when this runs): the person signs in as on the site, then grants or refuses what the client asks for on
/// the consent page. A grant is remembered (a permanent authorization, listed on Min side) and not asked again.
/// </summary>
public sealed class AuthorizationController(
    UserManager<BylabUser> users,
    SignInManager<BylabUser> signIn,
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    ConnectClaims claims) : Controller
{
    /// <summary>Anonymous on purpose: it answers prompt=none itself and sends everyone else through the site's login.</summary>
    [HttpGet(OpenIddictSetup.AuthorizePath)]
    [AllowAnonymous]
    public async Task<IActionResult> Authorize()
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(OpenIddictConstants.Errors.LoginRequired, "The person is not signed in.");
            }
            // The site's own login page (password, second factor, blocks and all), then back here.
            var query = Request.Query.Where(p => p.Key != Parameters.Prompt).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value.ToString())}");
            var returnUrl = Request.PathBase + Request.Path + "?" + string.Join("&", query);
            return Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, IdentityConstants.ApplicationScheme);
        }
        if (await users.GetUserAsync(cookie.Principal!) is not { } user || !await signIn.CanSignInAsync(user))
        {
            return Challenge(new AuthenticationProperties { RedirectUri = Request.PathBase + Request.Path + Request.QueryString }, IdentityConstants.ApplicationScheme);
        }
        var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The client vanished.");
        var remembered = await RememberedAsync(user, application, request);
        if (remembered is not null)
        {
            return await GrantAsync(user, application, request, remembered);
        }
        if (request.HasPromptValue(PromptValues.None))
        {
            return Refuse(OpenIddictConstants.Errors.ConsentRequired, "The person has not granted this client access.");
        }
        return ConsentPage(request, await applications.GetLocalizedDisplayNameAsync(application) ?? request.ClientId!);
    }

    /// <summary>The consent form's answer: a plain form post (antiforgery checked) carrying the request's parameters.</summary>
    [HttpPost(OpenIddictSetup.AuthorizePath)]
    [Authorize]
    public async Task<IActionResult> Consent([FromForm(Name = "decision")] string? decision)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (await users.GetUserAsync(User) is not { } user || !await signIn.CanSignInAsync(user))
        {
            return Challenge(IdentityConstants.ApplicationScheme);
        }
        var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The client vanished.");
        if (decision != "grant")
        {
            return Refuse(OpenIddictConstants.Errors.AccessDenied, "The person refused.");
        }
        return await GrantAsync(user, application, request, await RememberedAsync(user, application, request));
    }

    private async Task<object?> RememberedAsync(BylabUser user, object application, OpenIddictRequest request)
    {
        await foreach (var authorization in authorizations.FindAsync(user.Id, await applications.GetIdAsync(application),
            Statuses.Valid, AuthorizationTypes.Permanent, request.GetScopes()))
        {
            return authorization;
        }
        return null;
    }

    private async Task<IActionResult> GrantAsync(BylabUser user, object application, OpenIddictRequest request, object? authorization)
    {
        var identity = await claims.IdentityAsync(user, request.GetScopes());
        authorization ??= await authorizations.CreateAsync(new ClaimsPrincipal(identity), user.Id,
            (await applications.GetIdAsync(application))!, AuthorizationTypes.Permanent, identity.GetScopes());
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization));
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private IActionResult ConsentPage(OpenIddictRequest request, string clientName)
    {
        // The answer to the consent form is a redirect to the client: the page's form-action must allow its origin.
        if (Uri.TryCreate(request.RedirectUri, UriKind.Absolute, out var redirect))
        {
            SecurityHeaders.AllowFormTarget(HttpContext, redirect);
        }
        var parameters = request.GetParameters()
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString() ?? ""))
            .ToList();
        return View("Consent", new ConsentModel(clientName, request.GetScopes().ToList(), parameters));
    }

    private ForbidResult Refuse(string error, string description) =>
        Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}

/// <param name="Parameters">The authorization request's parameters, posted back as hidden fields.</param>
public sealed record ConsentModel(string ClientName, IReadOnlyList<string> Scopes, IReadOnlyList<KeyValuePair<string, string>> Parameters);
