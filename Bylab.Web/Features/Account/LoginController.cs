using Bylab.Core.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Account;

[AllowAnonymous]
[Route("konto")]
[Connect.ClientRedirectFormTarget]
public sealed class LoginController(
    SignInManager<BylabUser> signIn,
    UserManager<BylabUser> users,
    PasswordLogin login,
    TimeProvider time,
    SiteVenue venue,
    IStringLocalizer<AccountResource> l) : Controller
{
    [HttpGet("logg-inn")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("logg-inn")]
    [EnableRateLimiting(RateLimits.Auth)]
    [CountsFailuresPerAddress]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] IValidator<LoginForm> validator)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var (outcome, user) = await login.LogInAsync(form.Email!.Trim(), form.Password!, form.RememberMe, HttpContext.RequestAborted);
        switch (outcome)
        {
            case LoginOutcome.RequiresTwoFactor:
                return RedirectToAction(nameof(TwoFactor), new { form.ReturnUrl, form.RememberMe });
            case LoginOutcome.LockedOut:
                return View("Lockout");
            case LoginOutcome.Blocked:
                return View("Blocked", await venue.GetAsync());
            case LoginOutcome.NotConfirmed:
                ModelState.AddModelError("", l["Login.NotConfirmed"]);
                return View(form);
            case LoginOutcome.Failed:
                ModelState.AddModelError("", l["Login.Failed"]);
                return View(form);
        }
        await RecordLoginAsync(user!);
        if (!user!.TwoFactorEnabled && (await users.GetRolesAsync(user)).Intersect(Roles.RequiringTwoFactor).Any())
        {
            // Staff roles must use two factors; until they have set it up (with the enrolment link an admin sends),
            // /admin stays closed to them. The link itself leads to the setup page, through this login.
            if (form.ReturnUrl?.StartsWith("/min-side/tofaktor/aktiver", StringComparison.Ordinal) == true && Url.IsLocalUrl(form.ReturnUrl))
            {
                return LocalRedirect(form.ReturnUrl);
            }
            TempData["Problem"] = l["Login.TwoFactorRequired"].Value;
            return Redirect("/min-side/tofaktor");
        }
        return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
    }

    [HttpGet("logg-inn/kode")]
    public async Task<IActionResult> TwoFactor(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login));
        }
        return View(new TwoFactorLoginForm { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [HttpPost("logg-inn/kode")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> TwoFactor(TwoFactorLoginForm form, [FromServices] IValidator<TwoFactorLoginForm> validator)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var code = form.Code!.Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, form.RememberMachine);
        return await AfterSecondFactorAsync(result, user, form.ReturnUrl, form);
    }

    [HttpGet("logg-inn/gjenopprettingskode")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login));
        }
        return View(new RecoveryCodeForm { ReturnUrl = returnUrl });
    }

    [HttpPost("logg-inn/gjenopprettingskode")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeForm form, [FromServices] IValidator<RecoveryCodeForm> validator)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code!.Replace(" ", ""));
        return await AfterSecondFactorAsync(result, user, form.ReturnUrl, form);
    }

    [HttpPost("logg-ut")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        TempData["Message"] = l["Logout.Done"].Value;
        return Redirect("/");
    }

    private async Task<IActionResult> AfterSecondFactorAsync(Microsoft.AspNetCore.Identity.SignInResult result, BylabUser user, string? returnUrl, object form)
    {
        if (result.IsLockedOut)
        {
            return await LockedOutAsync(user);
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Code", l["Login.CodeWrong"]);
            return View(form);
        }
        await RecordLoginAsync(user);
        login.CompletedWithSecondFactor(user);
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>
    /// A lockout met at the second factor (the password was right): blocked by an admin, say so and whom to contact (a
    /// new password would not help); locked for a while after wrong codes, say when to try again.
    /// </summary>
    private async Task<IActionResult> LockedOutAsync(BylabUser user) =>
        user.IsBlockedByAdmin ? View("Blocked", await venue.GetAsync()) : View("Lockout");

    private async Task RecordLoginAsync(BylabUser user)
    {
        user.LastLoginAt = time.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
