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

    [HttpPost("registrer")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] IValidator<RegisterForm> validator)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var email = form.Email!.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Say the same as for a new address, so the form does not reveal who has an account.
            await emails.SendAlreadyRegisteredAsync(existing, Url.Action(nameof(LoginController.Login), "Login", null, Request.Scheme)!);
            return RedirectToAction(nameof(CheckEmail));
        }
        var user = new BylabUser
        {
            UserName = email,
            Email = email,
            DisplayName = form.DisplayName!.Trim(),
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, form.Password!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, shared);
            return View(form);
        }
        await users.AddToRoleAsync(user, Roles.Citizen);
        await SendConfirmationAsync(user);
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
            await SendConfirmationAsync(user);
        }
        return RedirectToAction(nameof(CheckEmail));
    }

    private async Task SendConfirmationAsync(BylabUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Url.Action(nameof(Confirm), "Registration", new { userId = user.Id, token }, Request.Scheme)!;
        await emails.SendConfirmationAsync(user, link);
    }
}
