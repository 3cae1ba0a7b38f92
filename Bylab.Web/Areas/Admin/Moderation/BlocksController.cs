using Bylab.Core.Accounts;
using Bylab.Core.Moderation;
using Bylab.Web.Areas.Admin.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Moderation;

/// <summary>
/// Posting blocks: the people blocked now (each with an unblock form), and the form to block one person with a
/// justification, optionally hiding all they wrote. Moderator role only, checked before anything is read or validated.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Moderator)]
[Route("admin/moderering/sperrer")]
public sealed class BlocksController(PostingBlocks blocks, UserManager<BylabUser> users, IStringLocalizer<AdminResource> l) : Controller
{
    public const string Path = "/admin/moderering/sperrer";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? bruker, CancellationToken ct) =>
        await PageAsync(new BlockForm { UserId = bruker }, ct);

    [HttpPost("")]
    public async Task<IActionResult> Block(BlockForm form, [FromServices] IValidator<BlockForm> validator, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            return await PageAsync(form, ct);
        }
        var outcome = await blocks.BlockAsync(await users.ActorAsync(User), form.UserId ?? "", form.Reason, form.HideAll, ct);
        return outcome == BlockOutcome.NotFound ? NotFound() : Done(outcome, "Blocks.Blocked");
    }

    [HttpPost("{userId}/opphev")]
    public async Task<IActionResult> Unblock(string userId, CancellationToken ct) =>
        Done(await blocks.UnblockAsync(await users.ActorAsync(User), userId, null, ct), "Blocks.Unblocked");

    private IActionResult Done(BlockOutcome outcome, string message)
    {
        TempData[outcome == BlockOutcome.Done ? "Message" : "Problem"] = l[outcome == BlockOutcome.Done ? message : "Blocks." + outcome].Value;
        return Redirect(Path);
    }

    private async Task<IActionResult> PageAsync(BlockForm form, CancellationToken ct)
    {
        var person = form.UserId is null ? null : await users.FindByIdAsync(form.UserId);
        if (form.UserId is not null && person is null)
        {
            return NotFound();
        }
        var blocked = person is null ? null : await blocks.ActiveAsync(person.Id, ct);
        ViewData["Blocks"] = await blocks.ListAsync(ct);
        ViewData["Person"] = person is null ? null : new BlockTarget(person.Id, person.DisplayName, person.Email, blocked is not null);
        return View("Blocks", form);
    }
}

public sealed record BlockTarget(string Id, string DisplayName, string? Email, bool AlreadyBlocked);
