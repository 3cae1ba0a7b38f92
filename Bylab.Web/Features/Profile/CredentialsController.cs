using Bylab.Core.Accounts;
using Bylab.Web.Features.Account;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Profile;

/// <summary>Changing one's own password and e-mail address.</summary>
[Route("min-side")]
public sealed class CredentialsController(
    UserManager<BylabUser> users,
    SignInManager<BylabUser> signIn,
    AccountEmails emails,
    AccountService accounts,
    IStringLocalizer<ProfileResource> l,
    IStringLocalizer<SharedResource> shared) : Controller
{
    [HttpGet("passord")]
    public IActionResult Password() => View(new ChangePasswordForm());

    [HttpPost("passord")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Password(ChangePasswordForm form, [FromServices] IValidator<ChangePasswordForm> validator)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError(nameof(form.CurrentPassword), l["Password.WrongCurrent"]);
            }
            else
            {
                ModelState.AddIdentityErrors(result, shared, nameof(form.NewPassword));
            }
            return View(form);
        }
        // The security stamp changed: other sessions end, this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = l["Password.Changed"].Value;
        return RedirectToAction(nameof(ProfileController.Index), "Profile");
    }

    [HttpGet("e-post")]
    public IActionResult Email() => View(new ChangeEmailForm());

    [HttpPost("e-post")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Email(ChangeEmailForm form, [FromServices] IValidator<ChangeEmailForm> validator)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        // Asked again: whoever holds the new address can reset the password, so an unattended session must not suffice.
        if (!await users.CheckPasswordAsync(user, form.Password!))
        {
            ModelState.AddModelError(nameof(form.Password), l["Password.WrongCurrent"]);
            return View(form);
        }
        var email = form.Email!.Trim();
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(form.Email), l["Email.Same"]);
            return View(form);
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(nameof(form.Email), l["Email.Taken"]);
            return View(form);
        }
        emails.QueueChangeEmail(user, email, await users.GenerateChangeEmailTokenAsync(user, email));
        TempData["Message"] = l["Email.Sent", email].Value;
        return RedirectToAction(nameof(ProfileController.Index), "Profile");
    }

    /// <summary>The link in the e-mail opens a page with a button: mail scanners that follow links change nothing.</summary>
    [HttpGet("e-post/bekreft")]
    public IActionResult ConfirmEmail(string? email, string? token) => View(new ConfirmEmailChangeForm { Email = email, Token = token });

    [HttpPost("e-post/bekreft")]
    public async Task<IActionResult> ConfirmEmail(ConfirmEmailChangeForm form, [FromServices] IValidator<ConfirmEmailChangeForm> validator)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var email = form.Email!.Trim();
        switch (await accounts.ChangeEmailAsync(user, email, form.Token!, HttpContext.RequestAborted))
        {
            case ChangeEmailOutcome.Taken:
                ModelState.AddModelError("", l["Email.Taken"]);
                return View(form);
            case ChangeEmailOutcome.InvalidLink:
                ModelState.AddModelError("", l["Email.LinkInvalid"]);
                return View(form);
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = l["Email.Changed", email].Value;
        return RedirectToAction(nameof(ProfileController.Index), "Profile");
    }
}
