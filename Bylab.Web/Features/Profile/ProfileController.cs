using System.Text.Encodings.Web;
using System.Text.Json;
using Bylab.Core.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Profile;

/// <summary>Min side: the signed-in person's own account. Every action works on the signed-in user only.</summary>
[Route("min-side")]
public sealed class ProfileController(
    UserManager<BylabUser> users,
    SignInManager<BylabUser> signIn,
    AccountService accounts,
    TimeProvider time,
    IStringLocalizer<ProfileResource> l) : Controller
{
    private static readonly JsonSerializerOptions ExportJson = new()
    {
        WriteIndented = true,
        // A file the person downloads, not HTML: Norwegian letters are written as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Bylab.Core.Ideas.MyIdeasQueries ideas, [FromServices] Bylab.Core.Events.RegistrationQueries registrations,
        [FromServices] Bylab.Core.Connect.Connections connections, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        // The sign-ups still ahead (the full list, past ones too, is at /min-side/pameldinger).
        var upcoming = (await registrations.ForUserAsync(user.Id, ct))
            .Where(r => r.StartsAt > now && r.Status != Bylab.Core.Events.RegistrationStatus.Cancelled).ToList();
        return View(new ProfileOverview(user, roles, await ideas.ForAsync(user.Id, ct), upcoming, await connections.ForUserAsync(user.Id, ct)));
    }

    /// <summary>The daily e-mail about comments on the person's ideas and replies to their comments: on or off.</summary>
    [HttpPost("varsler")]
    public async Task<IActionResult> Notifications(bool commentDigest)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        user.CommentDigestOptOut = !commentDigest;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        TempData["Message"] = l[commentDigest ? "Notifications.On" : "Notifications.Off"].Value;
        return Redirect("/min-side#varsler");
    }

    [HttpGet("rediger")]
    public async Task<IActionResult> Edit()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        return View(new ProfileForm
        {
            DisplayName = user.DisplayName, Culture = user.PreferredCulture, DemographicsConsent = user.DemographicsConsentedAt is not null,
            AgeGroup = user.AgeGroup, MunicipalityPart = user.MunicipalityPart,
        });
    }

    [HttpPost("rediger")]
    public async Task<IActionResult> Edit(ProfileForm form, [FromServices] IValidator<ProfileForm> validator)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        user.DisplayName = form.DisplayName!.Trim();
        user.PreferredCulture = form.Culture!;
        Bylab.Core.Summaries.Demographics.Set(user, form.DemographicsConsent, form.AgeGroup, form.MunicipalityPart, time.GetUtcNow().UtcDateTime);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        CultureSwitch.SetCookie(Response, form.Culture!, time.GetUtcNow());
        TempData["Message"] = CultureSwitch.In(form.Culture!, () => l["Edit.Saved"].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("data")]
    public async Task<IActionResult> Download()
    {
        var export = await accounts.ExportAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
        if (export is null)
        {
            return Challenge();
        }
        return File(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", "bylab-mine-data.json");
    }

    [HttpGet("slett")]
    public IActionResult Delete() => View(new DeleteAccountForm());

    [HttpPost("slett")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Delete(DeleteAccountForm form, [FromServices] IValidator<DeleteAccountForm> validator)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        if (!await users.CheckPasswordAsync(user, form.Password!))
        {
            ModelState.AddModelError(nameof(form.Password), l["Delete.WrongPassword"]);
            return View(form);
        }
        if (await users.IsInRoleAsync(user, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            ModelState.AddModelError("", l["Delete.LastAdmin"]);
            return View(form);
        }
        await accounts.DeleteAsync(user.Id, HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        TempData["Message"] = l["Delete.Done"].Value;
        return Redirect("/");
    }
}

public sealed record ProfileOverview(BylabUser User, IReadOnlyList<string> Roles, Bylab.Core.Ideas.MyIdeasOverview Ideas,
    IReadOnlyList<Bylab.Core.Events.MyRegistration> UpcomingSignUps, IReadOnlyList<Bylab.Core.Connect.Connection> Connections);
