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
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = Url.Action(nameof(Reset), "Password", new { email = user.Email, token }, Request.Scheme)!;
            await emails.SendPasswordResetAsync(user, link);
        }
        // The same answer whether or not the address has an account.
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
        // A reset also ends a lockout: the person has just proved they own the address.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Message"] = l["Reset.Done"].Value;
        return RedirectToAction(nameof(LoginController.Login), "Login");
    }
}
