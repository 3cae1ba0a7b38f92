using Bylab.Core.Ideas;
using Bylab.Core.Markdown;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Ideas;

/// <summary>
/// Submitting an idea in two steps without JavaScript: the form, then a preview with similar ideas already
/// there (so people can vote instead of writing a duplicate), then saving. Every step asks Core whether the
/// consultation is open, whatever the form says.
/// </summary>
[Route("medvirkning/{slug}/ny-ide")]
public sealed class IdeaSubmissionController(
    IdeaQueries queries,
    IdeaService ideas,
    MarkdownRenderer markdown,
    IValidator<IdeaForm> validator,
    IStringLocalizer<IdeasResource> l,
    IStringLocalizer<SharedResource> shared,
    Microsoft.Extensions.Options.IOptions<Bylab.Core.Moderation.ModerationOptions> moderation) : Controller
{
    public const string StepPreview = "preview";
    public const string StepSubmit = "submit";

    [HttpGet("")]
    public async Task<IActionResult> Submit(string slug, CancellationToken ct)
    {
        if (await queries.GetConsultationBySlugAsync(slug, ct) is not { } consultation)
        {
            return NotFound();
        }
        if (consultation.Summary.Phase != ConsultationPhase.OpenForIdeas)
        {
            return ClosedFor(consultation);
        }
        return await FormAsync(consultation, new IdeaForm { ThemeId = consultation.Summary.ThemeId }, ct);
    }

    [HttpPost("")]
    public async Task<IActionResult> Submit(string slug, IdeaForm form, CancellationToken ct)
    {
        if (await queries.GetConsultationBySlugAsync(slug, ct) is not { } consultation)
        {
            return NotFound();
        }
        if (consultation.Summary.Phase != ConsultationPhase.OpenForIdeas)
        {
            return ClosedFor(consultation);
        }
        if (!string.IsNullOrEmpty(form.Nettside))
        {
            // The honeypot was filled: a script. Nothing is stored, and the answer does not say why.
            TempData["Problem"] = shared["Honeypot.Refused"].Value;
            return Redirect(IdeaPaths.Consultation(consultation.Summary.Slug));
        }
        if (form.Step is not (StepPreview or StepSubmit))
        {
            // "Endre": back to the form with everything kept.
            return await FormAsync(consultation, form, ct);
        }
        if (!ModelState.Validate(validator, form))
        {
            return await FormAsync(consultation, form, ct);
        }
        if (form.Step == StepPreview)
        {
            var similar = await queries.SimilarAsync(consultation.Summary.Id, form.Title, form.BodyMarkdown, ct: ct);
            var page = new IdeaFormModel(consultation, await queries.ThemesAsync(ct));
            return View("Preview", new IdeaPreviewModel(page, form, similar, markdown.ToSafeHtml(form.BodyMarkdown)));
        }

        var result = await ideas.SubmitAsync(User.UserId(), consultation.Summary.Id, form.ToContent(), ct);
        switch (result.Outcome)
        {
            case SubmitOutcome.Created:
                TempData["Message"] = l[result.Held ? "Submit.Held" : "Submit.Done"].Value;
                return Redirect(IdeaPaths.Idea(result.Slug!));
            case SubmitOutcome.TooMany:
                ModelState.AddModelError("", l["Submit.TooMany", moderation.Value.IdeasPerHour]);
                return await FormAsync(consultation, form, ct);
            case SubmitOutcome.ConsultationNotOpen:
                return ClosedFor(consultation);
            case SubmitOutcome.NotFound:
                return NotFound();
            default:
                IdeaFormErrors.Add(ModelState, result.InvalidFields, l);
                return await FormAsync(consultation, form, ct);
        }
    }

    private async Task<IActionResult> FormAsync(ConsultationDetails consultation, IdeaForm form, CancellationToken ct)
    {
        ViewData["Page"] = new IdeaFormModel(consultation, await queries.ThemesAsync(ct));
        return View("Submit", form);
    }

    private IActionResult ClosedFor(ConsultationDetails consultation)
    {
        TempData["Problem"] = l["Submit.Closed"].Value;
        return Redirect(IdeaPaths.Consultation(consultation.Summary.Slug));
    }
}

internal static class IdeaFormErrors
{
    /// <summary>Core's own check refused fields the validator let through (a theme deleted meanwhile, say).</summary>
    public static void Add(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IReadOnlyList<string>? fields, IStringLocalizer l)
    {
        foreach (var field in fields ?? [])
        {
            modelState.AddModelError(field, l["Validation.Invalid." + field]);
        }
        if (modelState.IsValid)
        {
            modelState.AddModelError("", l["Validation.Invalid"]);
        }
    }
}
