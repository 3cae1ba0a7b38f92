using Bylab.Core.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Bylab.Web.Features.Account;

[AllowAnonymous]
[Route("konto")]
public sealed class RegistrationController(
    UserManager<BylabUser> users,
    AccountEmails emails,
    TimeProvider time,
    IStringLocalizer<AccountResource> l,
    IStringLocalizer<SharedResource> shared) : Controller
{
    [HttpGet("registrer")]
    public IActionResult Register() => View(new RegisterForm());

    /// <summary>
    /// A taken address is answered as a new one is – the same checks of the password, the same page, one password hash
    /// made either way, the mail sent after the answer – so the form does not reveal who has an account.
    /// </summary>
    [HttpPost("registrer")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] IValidator<RegisterForm> validator, [FromServices] IPasswordHasher<BylabUser> hasher)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var email = form.Email!.Trim();
        var user = new BylabUser
        {
            UserName = email,
            Email = email,
            DisplayName = form.DisplayName!.Trim(),
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        foreach (var rule in users.PasswordValidators)
        {
            if (await rule.ValidateAsync(users, user, form.Password!) is { Succeeded: false } refused)
            {
                ModelState.AddIdentityErrors(refused, shared, nameof(form.Password));
            }
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            hasher.HashPassword(user, form.Password!);
            emails.QueueAlreadyRegistered(existing);
            return RedirectToAction(nameof(CheckEmail));
        }
        var result = await users.CreateAsync(user, form.Password!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, shared);
            return View(form);
        }
        await users.AddToRoleAsync(user, Roles.Citizen);
        await QueueConfirmationAsync(user);
        return RedirectToAction(nameof(CheckEmail));
    }

    [HttpGet("sjekk-e-post")]
    public IActionResult CheckEmail() => View();

    /// <summary>The link in the e-mail opens a page with a button: mail scanners that follow links do not confirm anything.</summary>
    [HttpGet("bekreft")]
    public IActionResult Confirm(string? userId, string? token) => View(new ConfirmEmailForm { UserId = userId, Token = token });

    [HttpPost("bekreft")]
    public async Task<IActionResult> Confirm(ConfirmEmailForm form)
    {
        var user = string.IsNullOrEmpty(form.UserId) || form.UserId.Length > 64 ? null : await users.FindByIdAsync(form.UserId);
        if (user is null || string.IsNullOrEmpty(form.Token) || form.Token.Length > 2000)
        {
            ModelState.AddModelError("", l["Confirm.Invalid"]);
            return View(form);
        }
        if (user.EmailConfirmed)
        {
            TempData["Message"] = l["Confirm.Already"].Value;
            return RedirectToAction(nameof(LoginController.Login), "Login");
        }
        var result = await users.ConfirmEmailAsync(user, form.Token);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l["Confirm.Invalid"]);
            return View(form);
        }
        TempData["Message"] = l["Confirm.Done"].Value;
        return RedirectToAction(nameof(LoginController.Login), "Login");
    }

    [HttpGet("send-bekreftelse")]
    public IActionResult Resend() => View(new EmailForm());

    [HttpPost("send-bekreftelse")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Resend(EmailForm form, [FromServices] IValidator<EmailForm> validator)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is { EmailConfirmed: false })
        {
            await QueueConfirmationAsync(user);
        }
        return RedirectToAction(nameof(CheckEmail));
    }

    private async Task QueueConfirmationAsync(BylabUser user) =>
        emails.QueueConfirmation(user, user.Id, await users.GenerateEmailConfirmationTokenAsync(user));
}
