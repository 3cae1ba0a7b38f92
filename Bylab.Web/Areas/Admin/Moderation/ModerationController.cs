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
/// The moderators' queue: reported, held, hidden and all items, filtered by consultation and reason, each with its text,
/// reports and history; hide with a reason, restore, dismiss the reports, one item or several at once (checkboxes and one
/// form, no script); requests for review, answered once. Moderator role only: everyone else gets 403 before anything is
/// read, validated or changed (the policy runs before the action).
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Moderator)]
[Route("admin/moderering")]
public sealed class ModerationController(ModerationQueue queue, ModerationService moderation, Reviews reviews, UserManager<BylabUser> users,
    IStringLocalizer<AdminResource> l) : Controller
{
    private static readonly Dictionary<string, QueueTab> Tabs = new(StringComparer.Ordinal)
    {
        ["meldt"] = QueueTab.Reported, ["venter"] = QueueTab.Held, ["skjult"] = QueueTab.Hidden, ["alle"] = QueueTab.All,
        ["vurdering"] = QueueTab.Reviews,
    };

    public static string WordOf(QueueTab tab) => Tabs.Single(t => t.Value == tab).Key;

    public static string PathOf(QueueTab tab) => "/admin/moderering?fane=" + WordOf(tab);

    private static QueueTab TabOf(string? fane) => fane is not null && Tabs.TryGetValue(fane, out var t) ? t : QueueTab.Reported;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? fane, int? konsultasjon, ModerationReason? grunn, CancellationToken ct) =>
        await QueueViewAsync(TabOf(fane), new QueueFilter(konsultasjon, grunn is { } g && Enum.IsDefined(g) ? g : null), ct);

    [HttpPost("{kind}/{id:int}/skjul")]
    public Task<IActionResult> Hide(ContentKind kind, int id, DecisionForm form, [FromServices] IValidator<DecisionForm> validator, CancellationToken ct)
    {
        form.Hiding = true;
        return DecideAsync($"{kind}-{id}-hide", form, validator, (actor, f) => moderation.HideAsync(actor, kind, id, f.ParsedReason!.Value, f.Note, ct),
            "Moderation.Hidden", ct);
    }

    [HttpPost("{kind}/{id:int}/gjenopprett")]
    public Task<IActionResult> Restore(ContentKind kind, int id, DecisionForm form, [FromServices] IValidator<DecisionForm> validator, CancellationToken ct) =>
        DecideAsync($"{kind}-{id}-restore", form, validator, (actor, f) => moderation.RestoreAsync(actor, kind, id, f.Note, ct), "Moderation.Restored", ct);

    [HttpPost("{kind}/{id:int}/avvis")]
    public async Task<IActionResult> Dismiss(ContentKind kind, int id, string? fane, CancellationToken ct) =>
        Done(await moderation.DismissReportsAsync(await users.ActorAsync(User), kind, id, ct), "Moderation.Dismissed", TabOf(fane));

    /// <summary>One action on the checked items; each is decided as if alone, and the message says how many were done.</summary>
    [HttpPost("flere")]
    public async Task<IActionResult> Bulk(DecisionForm form, [FromServices] IValidator<DecisionForm> validator, CancellationToken ct)
    {
        form.Operation ??= "";
        if (!ModelState.Validate(validator, form))
        {
            Prefix("bulk-");
            return await QueueViewAsync(TabOf(form.Fane), QueueFilter.None, ct, form, "bulk");
        }
        var (done, skipped) = await moderation.BulkAsync(await users.ActorAsync(User), form.ParsedAction!.Value, form.ParsedItems,
            form.ParsedReason, form.Note, ct);
        TempData[done > 0 ? "Message" : "Problem"] = l["Moderation.BulkDone", done, skipped].Value;
        return Redirect(PathOf(TabOf(form.Fane)));
    }

    [HttpPost("vurdering/{id:int}")]
    public async Task<IActionResult> Answer(int id, ReviewAnswerForm form, [FromServices] IValidator<ReviewAnswerForm> validator, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            Prefix($"review-{id}-");
            return await QueueViewAsync(QueueTab.Reviews, QueueFilter.None, ct, form, $"review-{id}");
        }
        var outcome = await reviews.AnswerAsync(await users.ActorAsync(User), id, form.ParsedOutcome!.Value, form.Answer, ct);
        if (outcome == ReviewAnswerOutcome.NotFound)
        {
            return NotFound();
        }
        TempData[outcome == ReviewAnswerOutcome.Done ? "Message" : "Problem"] = l["Moderation.Review." + outcome].Value;
        return Redirect(PathOf(QueueTab.Reviews));
    }

    /// <param name="key">The form's id on the page: its fields' ids start with it.</param>
    private async Task<IActionResult> DecideAsync(string key, DecisionForm form, IValidator<DecisionForm> validator,
        Func<Bylab.Core.Auditing.Actor, DecisionForm, Task<ModerationOutcome>> decide, string message, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            Prefix(key + "-");
            return await QueueViewAsync(TabOf(form.Fane), QueueFilter.None, ct, form, key);
        }
        return Done(await decide(await users.ActorAsync(User), form), message, TabOf(form.Fane));
    }

    private async Task<IActionResult> QueueViewAsync(QueueTab tab, QueueFilter filter, CancellationToken ct, object? posted = null, string? postedFor = null)
    {
        ViewData["Posted"] = posted;
        ViewData["PostedFor"] = postedFor;
        var items = tab == QueueTab.Reviews ? [] : await queue.ListAsync(tab, filter, ct);
        var pending = tab == QueueTab.Reviews ? await reviews.PendingAsync(ct) : [];
        return View("Index", new QueueModel(tab, filter, items, pending, await queue.ConsultationsAsync(ct)));
    }

    /// <summary>Field errors keyed by the field's id on the page (one page holds many forms), so the summary's links land on it.</summary>
    private void Prefix(string prefix)
    {
        // Copied first: removing a key clears its entry's errors.
        var errors = ModelState.SelectMany(e => e.Value!.Errors.Select(error => (e.Key, error.ErrorMessage))).ToList();
        ModelState.Clear();
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(prefix + key, message);
        }
    }

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

public sealed record QueueModel(QueueTab Tab, QueueFilter Filter, IReadOnlyList<QueueItem> Items, IReadOnlyList<PendingReview> Reviews,
    IReadOnlyList<(int Id, string Title)> Consultations);
