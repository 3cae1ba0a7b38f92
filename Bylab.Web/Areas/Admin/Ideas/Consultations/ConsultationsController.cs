using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Ideas.Consultations;

/// <summary>Consultations (medvirkninger): staff type Oslo wall-clock times; the service stores UTC.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/medvirkninger")]
public sealed class ConsultationsController(
    ConsultationService consultations,
    IdeaQueries queries,
    UserManager<BylabUser> users,
    TimeProvider time,
    IStringLocalizer<AdminResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.ConsultationsAsync(ct));

    [HttpGet("ny")]
    public async Task<IActionResult> Create(CancellationToken ct) => await FormViewAsync(new ConsultationForm(), ct);

    [HttpPost("ny")]
    public async Task<IActionResult> Create(ConsultationForm form, [FromServices] IValidator<ConsultationForm> validator, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            return await FormViewAsync(form, ct);
        }
        var result = await consultations.CreateAsync(await users.ActorAsync(User), form.ToInput(), ct);
        return await SavedAsync(result, form, "Ideas.Consultations.Created", ct);
    }

    [HttpGet("{id:int}/rediger")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var consultation = await consultations.GetForEditAsync(id, ct);
        return consultation is null ? NotFound() : await FormViewAsync(ConsultationForm.From(consultation), ct);
    }

    [HttpPost("{id:int}/rediger")]
    public async Task<IActionResult> Edit(int id, ConsultationForm form, [FromServices] IValidator<ConsultationForm> validator, CancellationToken ct)
    {
        var stored = await consultations.GetForEditAsync(id, ct);
        if (stored is null)
        {
            return NotFound();
        }
        form.Id = id;
        form.Stored = stored;
        if (!ModelState.Validate(validator, form))
        {
            return await FormViewAsync(form, ct);
        }
        var result = await consultations.UpdateAsync(await users.ActorAsync(User), id, form.ToInput(), ct);
        return await SavedAsync(result, form, "Ideas.Consultations.Saved", ct);
    }

    [HttpPost("{id:int}/avslutt")]
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

    private async Task<IActionResult> SavedAsync(SaveResult result, ConsultationForm form, string messageKey, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Saved:
                TempData["Message"] = l[messageKey].Value;
                return RedirectToAction(nameof(Index));
        }
        foreach (var field in result.InvalidFields ?? [])
        {
            ModelState.AddModelError(field, l["Ideas.Consultations.Invalid." + field]);
        }
        return await FormViewAsync(form, ct);
    }

    private async Task<IActionResult> FormViewAsync(ConsultationForm form, CancellationToken ct)
    {
        form.Themes = await queries.ThemesAsync(ct);
        form.Now = time.GetUtcNow().UtcDateTime;
        return View("Edit", form);
    }
}
