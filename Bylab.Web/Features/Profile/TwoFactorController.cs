using System.Security.Claims;
using System.Text;
using Bylab.Core.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Bylab.Web.Features.Profile;

/// <summary>Two-factor sign-in with an authenticator app: switching it on and off, and recovery codes.</summary>
[Route("min-side/tofaktor")]
public sealed class TwoFactorController(
    UserManager<BylabUser> users,
    SignInManager<BylabUser> signIn,
    IStringLocalizer<ProfileResource> l) : Controller
{
    private const int RecoveryCodeCount = 10;
    private const string CodesKey = "RecoveryCodes";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var roles = await users.GetRolesAsync(user);
        return View("TwoFactor", new TwoFactorStatus(
            user.TwoFactorEnabled,
            await users.CountRecoveryCodesAsync(user),
            roles.Intersect(Roles.RequiringTwoFactor).Any(),
            User.HasClaim(Policies.MfaClaim, Policies.MfaValue)));
    }

    [HttpGet("aktiver")]
    public async Task<IActionResult> Enable()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        return View(await SetupAsync(user, new AuthenticatorCodeForm()));
    }

    [HttpPost("aktiver")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Enable([Bind(Prefix = "Form")] AuthenticatorCodeForm form, [FromServices] IValidator<AuthenticatorCodeForm> validator)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        if (!Validate(validator, form))
        {
            return View(await SetupAsync(user, form));
        }
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Clean(form.Code!));
        if (!valid)
        {
            ModelState.AddModelError("Form.Code", l["TwoFactor.CodeWrong"]);
            return View(await SetupAsync(user, form));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        // The person has just proved the second factor: sign in again with it, so staff reach /admin at once.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Policies.MfaClaim, Policies.MfaValue)]);
        TempData[CodesKey] = string.Join(' ', codes ?? []);
        TempData["Message"] = l["TwoFactor.Enabled"].Value;
        return RedirectToAction(nameof(RecoveryCodes));
    }

    /// <summary>Shows the codes made by the previous POST once: they live only in the one-read TempData.</summary>
    [HttpGet("gjenopprettingskoder")]
    public IActionResult RecoveryCodes()
    {
        if (TempData[CodesKey] is not string codes || codes.Length == 0)
        {
            return RedirectToAction(nameof(Index));
        }
        return View(codes.Split(' '));
    }

    [HttpPost("nye-koder")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            TempData["Problem"] = l["TwoFactor.NotEnabled"].Value;
            return RedirectToAction(nameof(Index));
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        TempData[CodesKey] = string.Join(' ', codes ?? []);
        return RedirectToAction(nameof(RecoveryCodes));
    }

    [HttpPost("deaktiver")]
    public async Task<IActionResult> Disable()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if ((await users.GetRolesAsync(user)).Intersect(Roles.RequiringTwoFactor).Any())
        {
            TempData["Problem"] = l["TwoFactor.DisableRefused"].Value;
            return RedirectToAction(nameof(Index));
        }
        if (user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            // A new key, so the one in the app (and any copy of it) no longer matters if two-factor is switched on again.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        TempData["Message"] = l["TwoFactor.Disabled"].Value;
        return RedirectToAction(nameof(Index));
    }

    private bool Validate(IValidator<AuthenticatorCodeForm> validator, AuthenticatorCodeForm form)
    {
        foreach (var error in validator.Validate(form).Errors)
        {
            ModelState.AddModelError("Form." + error.PropertyName, error.ErrorMessage);
        }
        return ModelState.IsValid;
    }

    private async Task<AuthenticatorSetup> SetupAsync(BylabUser user, AuthenticatorCodeForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var uri = $"otpauth://totp/Bylab%20Hamar:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Bylab%20Hamar&digits=6";
        return new AuthenticatorSetup(form, GroupsOfFour(key), QrDataUri(uri));
    }

    private static string GroupsOfFour(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool Required, bool SignedInWithTwoFactors);

public sealed record AuthenticatorSetup(AuthenticatorCodeForm Form, string Key, string QrCode);
