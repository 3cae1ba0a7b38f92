using Bylab.Core.Accounts;
using Bylab.Core.Moderation;
using Bylab.Web.Areas.Admin.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Moderation;

/// <summary>
/// The moderators' queue: reported, held and hidden items, each with its text and reports; hide with a reason, restore,
/// dismiss the reports. Moderator role only: staff and admins without it get 403 before anything is read or changed.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Moderator)]
[Route("admin/moderering")]
public sealed class ModerationController(ModerationQueue queue, ModerationService moderation, UserManager<BylabUser> users,
    IStringLocalizer<AdminResource> l) : Controller
{
    private static readonly Dictionary<string, QueueTab> Tabs = new(StringComparer.Ordinal)
    {
        ["meldt"] = QueueTab.Reported, ["venter"] = QueueTab.Held, ["skjult"] = QueueTab.Hidden,
    };

    public static string PathOf(QueueTab tab) => "/admin/moderering?fane=" + Tabs.Single(t => t.Value == tab).Key;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? fane, CancellationToken ct)
    {
        var tab = fane is not null && Tabs.TryGetValue(fane, out var t) ? t : QueueTab.Reported;
        return View(new QueueModel(tab, await queue.ListAsync(tab, ct)));
    }

    [HttpPost("{kind}/{id:int}/skjul")]
    public async Task<IActionResult> Hide(ContentKind kind, int id, ModerationReason? reason, string? note, CancellationToken ct)
    {
        if (reason is null || !Enum.IsDefined(reason.Value))
        {
            TempData["Problem"] = l["Moderation.ReasonRequired"].Value;
            return Redirect(PathOf(QueueTab.Reported));
        }
        var outcome = await moderation.HideAsync(await users.ActorAsync(User), kind, id, reason.Value, note, ct);
        return Done(outcome, "Moderation.Hidden", QueueTab.Hidden);
    }

    [HttpPost("{kind}/{id:int}/gjenopprett")]
    public async Task<IActionResult> Restore(ContentKind kind, int id, string? note, CancellationToken ct) =>
        Done(await moderation.RestoreAsync(await users.ActorAsync(User), kind, id, note, ct), "Moderation.Restored", QueueTab.Reported);

    [HttpPost("{kind}/{id:int}/avvis")]
    public async Task<IActionResult> Dismiss(ContentKind kind, int id, CancellationToken ct) =>
        Done(await moderation.DismissReportsAsync(await users.ActorAsync(User), kind, id, ct), "Moderation.Dismissed", QueueTab.Reported);

    private IActionResult Done(ModerationOutcome outcome, string message, QueueTab next)
    {
        if (outcome == ModerationOutcome.NotFound)
        {
            return NotFound();
        }
        TempData[outcome == ModerationOutcome.Done ? "Message" : "Problem"] =
            l[outcome == ModerationOutcome.Done ? message : "Moderation." + outcome].Value;
        return Redirect(PathOf(next));
    }
}

public sealed record QueueModel(QueueTab Tab, IReadOnlyList<QueueItem> Items);
