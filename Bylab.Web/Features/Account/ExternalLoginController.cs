using System.Globalization;
using System.Security.Claims;
using Bylab.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Account;

/// <summary>
/// Sign-in with the external OpenID Connect provider (ID-porten), and verifying an account from Min side. The linking
/// rule is <see cref="ExternalAccounts"/>'s. The start is a GET link, not a form: the site's CSP (form-action 'self')
/// refuses a form post that redirects to another site, and starting changes nothing here; the account changes only
/// after the person has signed in at the provider, with state, nonce, PKCE and (when linking) Identity's XSRF key
/// binding the answer to this browser and this account.
/// </summary>
public sealed class ExternalLoginController(
    SignInManager<BylabUser> signIn,
    UserManager<BylabUser> users,
    ExternalAccounts accounts,
    TimeProvider time,
    SiteVenue venue,
    IOptions<ExternalLoginOptions> options,
    IStringLocalizer<AccountResource> l) : Controller
{
    public const string FailedPath = "/konto/ekstern/avbrutt";

    [HttpGet("konto/ekstern")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Auth)]
    public IActionResult Start(string? returnUrl) => Challenge(false, returnUrl);

    [HttpGet("min-side/verifiser")]
    [EnableRateLimiting(RateLimits.Auth)]
    public IActionResult Verify() => Challenge(true, "/min-side");

    [HttpGet("konto/ekstern/ferdig")]
    [AllowAnonymous]
    public async Task<IActionResult> Done(string? returnUrl, bool link = false)
    {
        if (!options.Value.IsConfigured)
        {
            return NotFound();
        }
        var linking = link ? users.GetUserId(User) : null;
        var info = await signIn.GetExternalLoginInfoAsync(linking);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (info is null || (link && linking is null))
        {
            return Redirect(FailedPath);
        }
        var claims = info.Principal;
        var who = new ExternalIdentity(info.LoginProvider, info.ProviderKey, options.Value.DisplayName,
            claims.FindFirstValue("email"), string.Equals(claims.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase),
            claims.FindFirstValue("name") ?? $"{claims.FindFirstValue("given_name")} {claims.FindFirstValue("family_name")}");
        var result = await accounts.ResolveAsync(who, linking, CultureInfo.CurrentUICulture.Name);
        switch (result.Outcome)
        {
            case ExternalAccountOutcome.LinkedToCurrent:
                TempData["Message"] = l["External.VerifiedNow", options.Value.DisplayName].Value;
                return Redirect("/min-side");
            case ExternalAccountOutcome.LinkedElsewhere:
                TempData["Problem"] = l["External.LinkedElsewhere", options.Value.DisplayName].Value;
                return Redirect("/min-side");
            case ExternalAccountOutcome.AddressNotUsable:
                return View("ExternalNotLinked", options.Value.DisplayName);
            case ExternalAccountOutcome.Failed:
                return Redirect(FailedPath);
        }
        return await SignInAsync(info, result.User!, returnUrl);
    }

    [HttpGet("konto/ekstern/avbrutt")]
    [AllowAnonymous]
    public IActionResult Failed() => View("ExternalFailed", options.Value.DisplayName);

    private async Task<IActionResult> SignInAsync(ExternalLoginInfo info, BylabUser user, string? returnUrl)
    {
        // Not bypassing two factors: an account with an authenticator is asked for its code after the eID too (see README).
        var signedIn = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (signedIn.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginController.TwoFactor), "Login", new { returnUrl });
        }
        if (signedIn.IsLockedOut)
        {
            return user.IsBlockedByAdmin ? View("Blocked", await venue.GetAsync()) : View("Lockout");
        }
        if (!signedIn.Succeeded)
        {
            // Not allowed: the account's address is not confirmed (it was changed and not yet confirmed).
            TempData["Problem"] = l["Login.NotConfirmed"].Value;
            return Redirect("/konto/logg-inn");
        }
        user.LastLoginAt = time.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        if (!user.TwoFactorEnabled && (await users.GetRolesAsync(user)).Intersect(Roles.RequiringTwoFactor).Any())
        {
            // As after a password: staff roles must set up their authenticator before /admin opens.
            TempData["Problem"] = l["Login.TwoFactorRequired"].Value;
            return Redirect("/min-side/tofaktor");
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    private IActionResult Challenge(bool link, string? returnUrl)
    {
        if (!options.Value.IsConfigured)
        {
            return NotFound();
        }
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        var redirect = Url.Action(nameof(Done), new { returnUrl = back, link = link ? true : (bool?)null });
        var properties = signIn.ConfigureExternalAuthenticationProperties(ExternalLoginSetup.Scheme, redirect, link ? users.GetUserId(User) : null);
        return Challenge(properties, ExternalLoginSetup.Scheme);
    }
}
