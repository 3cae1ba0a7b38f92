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

/// <summary>
/// Two-factor sign-in with an authenticator app: the status, setting it up, and the recovery codes made then.
/// A staff, moderator or admin account sets up its first authenticator only with an enrolment link an admin sent
/// (<see cref="TwoFactorEnrolments"/>): its password alone would let whoever learned it enrol their own phone.
/// Turning it off and new codes are in <see cref="TwoFactorChangesController"/>.
/// </summary>
[Route("min-side/tofaktor")]
public sealed class TwoFactorController(
    UserManager<BylabUser> users,
    SignInManager<BylabUser> signIn,
    TwoFactorEnrolments enrolments,
    IStringLocalizer<ProfileResource> l) : Controller
{
    public const int RecoveryCodeCount = 10;
    public const string CodesKey = "RecoveryCodes";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        return View("TwoFactor", new TwoFactorStatus(
            user.TwoFactorEnabled,
            await users.CountRecoveryCodesAsync(user),
            await NeedsEnrolmentLinkAsync(user),
            User.HasClaim(Policies.MfaClaim, Policies.MfaValue)));
    }

    /// <param name="lenke">The enrolment link's token, for staff roles.</param>
    [HttpGet("aktiver")]
    public async Task<IActionResult> Enable(string? lenke)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        if (await NeedsEnrolmentLinkAsync(user) && !await enrolments.IsValidAsync(user.Id, lenke, HttpContext.RequestAborted))
        {
            return View("EnrolmentNeeded");
        }
        return View(await SetupAsync(user, new AuthenticatorCodeForm(), lenke));
    }

    [HttpPost("aktiver")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Enable([Bind(Prefix = "Form")] AuthenticatorCodeForm form, string? lenke, [FromServices] IValidator<AuthenticatorCodeForm> validator)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        var needsLink = await NeedsEnrolmentLinkAsync(user);
        if (needsLink && !await enrolments.IsValidAsync(user.Id, lenke, HttpContext.RequestAborted))
        {
            return View("EnrolmentNeeded");
        }
        if (!Validate(validator, form))
        {
            return View(await SetupAsync(user, form, lenke));
        }
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Clean(form.Code!));
        if (!valid)
        {
            ModelState.AddModelError("Form.Code", l["TwoFactor.CodeWrong"]);
            return View(await SetupAsync(user, form, lenke));
        }
        // The link is used once: a second tab with it, or a copy, finds it spent.
        if (needsLink && !await enrolments.UseAsync(user.Id, lenke, HttpContext.RequestAborted))
        {
            return View("EnrolmentNeeded");
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

    private async Task<bool> NeedsEnrolmentLinkAsync(BylabUser user) =>
        (await users.GetRolesAsync(user)).Intersect(Roles.RequiringTwoFactor).Any();

    private bool Validate(IValidator<AuthenticatorCodeForm> validator, AuthenticatorCodeForm form)
    {
        foreach (var error in validator.Validate(form).Errors)
        {
            ModelState.AddModelError("Form." + error.PropertyName, error.ErrorMessage);
        }
        return ModelState.IsValid;
    }

    private async Task<AuthenticatorSetup> SetupAsync(BylabUser user, AuthenticatorCodeForm form, string? link)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            // A new key changes the security stamp, which ends every session: this one goes on with the new stamp.
            await signIn.RefreshSignInAsync(user);
        }
        var uri = $"otpauth://totp/Bylab%20Hamar:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Bylab%20Hamar&digits=6";
        return new AuthenticatorSetup(form, GroupsOfFour(key), QrDataUri(uri), link);
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

/// <param name="Required">The person's role needs two-factor (and so an enrolment link to set it up).</param>
public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool Required, bool SignedInWithTwoFactors);

/// <param name="Link">The enrolment link's token, carried through the form.</param>
public sealed record AuthenticatorSetup(AuthenticatorCodeForm Form, string Key, string QrCode, string? Link);
