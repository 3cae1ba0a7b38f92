using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using KnownRoles = Bylab.Core.Accounts.Roles;

namespace Bylab.Web.Areas.Admin.Users;

[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/brukere")]
public sealed class UsersController(AdminUserService service, UserManager<BylabUser> users, IStringLocalizer<AdminResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? sok, string? rolle, int side = 1, CancellationToken ct = default) =>
        View(new UserListModel(sok, rolle, await service.ListAsync(sok, rolle, side, ct)));

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id, CancellationToken ct)
    {
        var user = await service.FindAsync(id, ct);
        return user is null ? NotFound() : View(new UserDetailsModel(user, user.Roles, IsSelf(id)));
    }

    [HttpPost("{id}/roller")]
    public async Task<IActionResult> Roles(string id, RolesForm form, [FromServices] IValidator<RolesForm> validator, CancellationToken ct)
    {
        var result = ModelState.Validate(validator, form)
            ? await service.SetRolesAsync(await ActorAsync(), id, form.Roles.Distinct().ToList(), ct)
            : RoleChangeResult.UnknownRole;
        switch (result)
        {
            case RoleChangeResult.NotFound:
                return NotFound();
            case RoleChangeResult.Updated or RoleChangeResult.Unchanged:
                TempData["Message"] = l[result == RoleChangeResult.Updated ? "Users.RolesUpdated" : "Users.RolesUnchanged"].Value;
                return RedirectToAction(nameof(Details), new { id });
        }
        if (ModelState.IsValid)
        {
            ModelState.AddModelError("", l[result == RoleChangeResult.LastAdmin ? "Users.LastAdmin" : "Users.UnknownRole"]);
        }
        var user = await service.FindAsync(id, ct);
        // Re-shown with the boxes as the admin left them, so they can see what was refused.
        return user is null ? NotFound() : View(nameof(Details), new UserDetailsModel(user, form.Roles, IsSelf(id)));
    }

    [HttpPost("{id}/sperr")]
    public Task<IActionResult> Lock(string id, CancellationToken ct) => SetLockedAsync(id, true, ct);

    [HttpPost("{id}/opphev-sperre")]
    public Task<IActionResult> Unlock(string id, CancellationToken ct) => SetLockedAsync(id, false, ct);

    [HttpPost("{id}/nullstill-tofaktor")]
    public async Task<IActionResult> ResetTwoFactor(string id, CancellationToken ct)
    {
        if (!await service.ResetTwoFactorAsync(await ActorAsync(), id, ct))
        {
            return NotFound();
        }
        TempData["Message"] = l["Users.TwoFactorReset"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>
    /// A staff account gets its first authenticator only through this link (mailed to the account's address, used once,
    /// valid a day, audited): the password alone is not enough to enrol a phone.
    /// </summary>
    [HttpPost("{id}/tofaktor-lenke")]
    public async Task<IActionResult> SendEnrolmentLink(string id, [FromServices] TwoFactorEnrolments enrolments,
        [FromServices] Features.Account.AccountEmails emails, CancellationToken ct)
    {
        var (result, token, user) = await enrolments.CreateAsync(await ActorAsync(), id, ct);
        switch (result)
        {
            case EnrolmentLinkResult.NotFound:
                return NotFound();
            case EnrolmentLinkResult.AlreadyEnrolled:
                TempData["Problem"] = l["Users.EnrolmentAlready"].Value;
                break;
            default:
                emails.QueueTwoFactorEnrolment(user!, token!);
                TempData["Message"] = l["Users.EnrolmentSent", user!.Email!].Value;
                break;
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<IActionResult> SetLockedAsync(string id, bool locked, CancellationToken ct)
    {
        switch (await service.SetLockedAsync(await ActorAsync(), id, locked, ct))
        {
            case LockResult.NotFound:
                return NotFound();
            case LockResult.OwnAccount:
                TempData["Problem"] = l["Users.CannotLockSelf"].Value;
                break;
            default:
                TempData["Message"] = l[locked ? "Users.Locked" : "Users.Unlocked"].Value;
                break;
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    private bool IsSelf(string id) => users.GetUserId(User) == id;

    private async Task<Actor> ActorAsync()
    {
        // The policy has let only a signed-in admin this far; a missing user means the account vanished mid-request.
        var me = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        return new Actor(me.Id, me.DisplayName);
    }
}

public sealed record UserListModel(string? Search, string? Role, Bylab.Core.Common.Paged<UserSummary> Users);

public sealed record UserDetailsModel(UserSummary User, IReadOnlyCollection<string> CheckedRoles, bool IsSelf);

public sealed class RolesForm
{
    public List<string> Roles { get; set; } = [];
}

public sealed class RolesFormValidator : AbstractValidator<RolesForm>
{
    public RolesFormValidator(IStringLocalizer<AdminResource> l)
    {
        RuleFor(f => f.Roles).Must(r => r.Count <= KnownRoles.All.Count && r.All(KnownRoles.IsKnown))
            .WithMessage(_ => l["Users.UnknownRole"]);
    }
}
