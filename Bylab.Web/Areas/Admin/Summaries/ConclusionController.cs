using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Core.Summaries;
using Bylab.Web.Areas.Admin.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Summaries;

/// <summary>Staff write a consultation's «Du sa – vi gjorde», choose its open-data licence, link its events and conclude it.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/medvirkninger/{id:int}/oppsummering")]
public sealed class ConclusionController(
    ConclusionService conclusions,
    ConsultationService consultations,
    UserManager<BylabUser> users,
    TimeProvider time,
    IStringLocalizer<AdminResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var stored = await conclusions.GetAsync(id, ct);
        return await FormViewAsync(id, new ConclusionForm { Markdown = stored?.Markdown, Licence = stored?.Licence ?? OpenDataLicence.Nlod20 }, ct);
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(int id, ConclusionForm form, [FromServices] IValidator<ConclusionForm> validator, CancellationToken ct)
    {
        if (await consultations.GetForEditAsync(id, ct) is null)
        {
            return NotFound();
        }
        if (!ModelState.Validate(validator, form))
        {
            return await FormViewAsync(id, form, ct);
        }
        var outcome = await conclusions.SaveAsync(await users.ActorAsync(User), id, form.Markdown, form.Licence, ct);
        if (outcome == ConclusionOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["Message"] = l["Summaries.Saved"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("arrangementer")]
    public async Task<IActionResult> LinkEvent(int id, int eventId, bool linked, CancellationToken ct)
    {
        if (!await conclusions.SetEventLinkAsync(await users.ActorAsync(User), id, eventId, linked, ct))
        {
            return NotFound();
        }
        TempData["Message"] = l[linked ? "Summaries.EventLinked" : "Summaries.EventUnlinked"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("konkluder")]
    public async Task<IActionResult> Conclude(int id, CancellationToken ct)
    {
        var outcome = await consultations.ConcludeAsync(await users.ActorAsync(User), id, ct);
        if (outcome == ConcludeOutcome.NotFound)
        {
            return NotFound();
        }
        TempData[outcome == ConcludeOutcome.Concluded ? "Message" : "Problem"] = l["Ideas.Conclude." + outcome].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> FormViewAsync(int id, ConclusionForm form, CancellationToken ct)
    {
        var consultation = await consultations.GetForEditAsync(id, ct);
        if (consultation is null)
        {
            return NotFound();
        }
        form.Consultation = consultation;
        form.Phase = consultation.PhaseAt(time.GetUtcNow().UtcDateTime);
        form.Events = await conclusions.EventChoicesAsync(id, ct);
        return View("Edit", form);
    }
}

public sealed class ConclusionForm
{
    public string? Markdown { get; set; }
    public OpenDataLicence Licence { get; set; } = OpenDataLicence.Nlod20;

    public Consultation? Consultation { get; set; }
    public ConsultationPhase Phase { get; set; }
    public IReadOnlyList<(int Id, string Title, DateTime StartsAt, bool Linked)> Events { get; set; } = [];
}

public sealed class ConclusionFormValidator : AbstractValidator<ConclusionForm>
{
    public ConclusionFormValidator(IStringLocalizer<AdminResource> l)
    {
        RuleFor(f => f.Markdown).Follows(ConclusionService.MarkdownRule, (rule, code) => code == Bylab.Core.Common.FieldErrors.TooLong
            ? l["Ideas.TooLong", rule.MaxLength] : l["Summaries.Invalid." + code]);
        RuleFor(f => f.Licence).IsInEnum().WithMessage(_ => l["Summaries.Invalid.Licence"]);
    }
}
