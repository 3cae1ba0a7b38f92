using Bylab.Core.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Account;

[AllowAnonymous]
[Route("konto/passord")]
public sealed class PasswordController(
    UserManager<BylabUser> users,
    AccountEmails emails,
    LoginThrottles throttles,
    IStringLocalizer<AccountResource> l,
    IStringLocalizer<SharedResource> shared) : Controller
{
    [HttpGet("glemt")]
    public IActionResult Forgot() => View(new EmailForm());

    [HttpPost("glemt")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Forgot(EmailForm form, [FromServices] IValidator<EmailForm> validator)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is { EmailConfirmed: true })
        {
            emails.QueuePasswordReset(user, await users.GeneratePasswordResetTokenAsync(user));
        }
        // The same answer whether or not the address has an account; the mail goes after it.
        return View("ForgotSent");
    }

    [HttpGet("ny")]
    public IActionResult Reset(string? email, string? token) => View(new ResetPasswordForm { Email = email, Token = token });

    [HttpPost("ny")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Reset(ResetPasswordForm form, [FromServices] IValidator<ResetPasswordForm> validator)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", l["Reset.Invalid"]);
            return View(form);
        }
        var result = await users.ResetPasswordAsync(user, form.Token!, form.Password!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                ModelState.AddModelError("", l["Reset.Invalid"]);
            }
            else
            {
                ModelState.AddIdentityErrors(result, shared, nameof(form.Password));
            }
            return View(form);
        }
        // A reset also ends a lockout from failed attempts: the person has just proved they own the address.
        // Not a block by an admin (the lockout without end), which only an admin lifts.
        if (!user.IsBlockedByAdmin)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }
        await users.ResetAccessFailedCountAsync(user);
        await throttles.ResetAsync(LoginThrottles.AddressKey(user.Email!), HttpContext.RequestAborted);
        TempData["Message"] = l["Reset.Done"].Value;
        return RedirectToAction(nameof(LoginController.Login), "Login");
    }
}
