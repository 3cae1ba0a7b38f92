using Bylab.Core.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Profile;

/// <summary>
/// What weakens two-factor sign-in – turning it off, new recovery codes – asks for the password again on a page of its
/// own, so a session left open on someone's screen is not enough.
/// </summary>
[Route("min-side/tofaktor")]
public sealed class TwoFactorChangesController(
    UserManager<BylabUser> users,
    SignInManager<BylabUser> signIn,
    IStringLocalizer<ProfileResource> l) : Controller
{
    [HttpGet("deaktiver")]
    public async Task<IActionResult> Disable()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        // A role that needs two factors is told so at once, not after typing the password.
        return await RequiresTwoFactorAsync(user) ? Refused() : View("Disable", new ConfirmPasswordForm());
    }

    [HttpPost("deaktiver")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Disable(ConfirmPasswordForm form, [FromServices] IValidator<ConfirmPasswordForm> validator)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (await RequiresTwoFactorAsync(user))
        {
            return Refused();
        }
        if (!await PasswordConfirmedAsync(user, form, validator))
        {
            return View("Disable", form);
        }
        if (user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            // A new key, so the one in the app (and any copy of it) no longer matters if two-factor is switched on again.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        TempData["Message"] = l["TwoFactor.Disabled"].Value;
        return RedirectToAction(nameof(TwoFactorController.Index), "TwoFactor");
    }

    [HttpGet("nye-koder")]
    public IActionResult NewRecoveryCodes() => View("NewCodes", new ConfirmPasswordForm());

    [HttpPost("nye-koder")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> NewRecoveryCodes(ConfirmPasswordForm form, [FromServices] IValidator<ConfirmPasswordForm> validator)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            TempData["Problem"] = l["TwoFactor.NotEnabled"].Value;
            return RedirectToAction(nameof(TwoFactorController.Index), "TwoFactor");
        }
        if (!await PasswordConfirmedAsync(user, form, validator))
        {
            return View("NewCodes", form);
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorController.RecoveryCodeCount);
        TempData[TwoFactorController.CodesKey] = string.Join(' ', codes ?? []);
        return RedirectToAction(nameof(TwoFactorController.RecoveryCodes), "TwoFactor");
    }

    private async Task<bool> RequiresTwoFactorAsync(BylabUser user) =>
        (await users.GetRolesAsync(user)).Intersect(Roles.RequiringTwoFactor).Any();

    private RedirectToActionResult Refused()
    {
        TempData["Problem"] = l["TwoFactor.DisableRefused"].Value;
        return RedirectToAction(nameof(TwoFactorController.Index), "TwoFactor");
    }

    private async Task<bool> PasswordConfirmedAsync(BylabUser user, ConfirmPasswordForm form, IValidator<ConfirmPasswordForm> validator)
    {
        if (!ModelState.Validate(validator, form))
        {
            return false;
        }
        if (await users.CheckPasswordAsync(user, form.Password!))
        {
            return true;
        }
        ModelState.AddModelError(nameof(form.Password), l["Password.WrongCurrent"]);
        return false;
    }
}
