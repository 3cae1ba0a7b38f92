using Bylab.Core.Accounts;
using Bylab.Core.Data;
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
    BylabDbContext db,
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
        if (await users.FindByEmailAsync(email) is { } owner && owner.Id != user.Id)
        {
            ModelState.AddModelError("", l["Email.Taken"]);
            return View(form);
        }
        // The token is bound to the signed-in user (its id and security stamp) and to the new address:
        // a link opened while signed in as someone else, or a changed link, is refused here.
        await using var tx = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
        var result = await users.ChangeEmailAsync(user, email, form.Token!);
        if (result.Succeeded)
        {
            // In Bylab the user name is the e-mail address: both change together or not at all.
            result = await users.SetUserNameAsync(user, email);
        }
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(HttpContext.RequestAborted);
            if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                ModelState.AddModelError("", l["Email.Taken"]);
            }
            else
            {
                ModelState.AddModelError("", l["Email.LinkInvalid"]);
            }
            return View(form);
        }
        await tx.CommitAsync(HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = l["Email.Changed", email].Value;
        return RedirectToAction(nameof(ProfileController.Index), "Profile");
    }
}
