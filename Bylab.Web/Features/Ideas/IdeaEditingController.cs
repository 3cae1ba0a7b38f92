using Bylab.Core.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Ideas;

/// <summary>The author edits an idea within the edit window (never after an official answer) or withdraws it.</summary>
[Route("ideer/{id:int}")]
public sealed class IdeaEditingController(
    IdeaQueries queries,
    IdeaService ideas,
    IOptions<IdeaOptions> options,
    TimeProvider time,
    IStringLocalizer<IdeasResource> l) : Controller
{
    [HttpGet("rediger")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, User.UserId(), ct) is not { } idea)
        {
            return NotFound();
        }
        if (idea.AuthorId != User.UserId())
        {
            return Forbid();
        }
        if (!idea.ViewerCanEdit)
        {
            TempData["Problem"] = l[idea.AnsweredAt is null ? "Edit.WindowClosed" : "Edit.Answered"].Value;
            return Redirect(IdeaPaths.Idea(idea.Slug));
        }
        var form = new IdeaForm
        {
            Title = idea.Title, BodyMarkdown = idea.BodyMarkdown, ThemeId = idea.ThemeId, PlaceName = idea.PlaceName,
            Principles = idea.Principles.ToList(), Goals = idea.Goals.ToList(),
        };
        return await FormAsync(idea, form, ct);
    }

    [HttpPost("rediger")]
    public async Task<IActionResult> Edit(int id, IdeaForm form, [FromServices] IValidator<IdeaForm> validator, CancellationToken ct)
    {
        if (await queries.GetAsync(id, User.UserId(), ct) is not { } idea)
        {
            return NotFound();
        }
        // Who may edit is settled before the input is looked at: a stranger never gets the form back.
        if (idea.AuthorId != User.UserId())
        {
            return Forbid();
        }
        if (!ModelState.Validate(validator, form))
        {
            return await FormAsync(idea, form, ct);
        }
        var result = await ideas.EditAsync(User.UserId(), id, form.ToContent(), ct);
        switch (result.Outcome)
        {
            case EditIdeaOutcome.Edited:
                TempData["Message"] = l["Edit.Done"].Value;
                return Redirect(IdeaPaths.Idea(result.Slug!));
            case EditIdeaOutcome.NotFound:
                return NotFound();
            case EditIdeaOutcome.NotAuthor:
                return Forbid();
            case EditIdeaOutcome.InvalidInput:
                IdeaFormErrors.Add(ModelState, result.InvalidFields, l);
                return await FormAsync(idea, form, ct);
            default:
                TempData["Problem"] = l["Edit." + result.Outcome].Value;
                return Redirect(IdeaPaths.Idea(idea.Slug));
        }
    }

    [HttpGet("trekk-tilbake")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, User.UserId(), ct) is not { } idea)
        {
            return NotFound();
        }
        if (idea.AuthorId != User.UserId())
        {
            return Forbid();
        }
        return View("Withdraw", idea);
    }

    [HttpPost("trekk-tilbake")]
    [ActionName("Withdraw")]
    public async Task<IActionResult> WithdrawPost(int id, CancellationToken ct)
    {
        var result = await ideas.WithdrawAsync(User.UserId(), id, ct);
        switch (result.Outcome)
        {
            case WithdrawIdeaOutcome.NotFound:
                return NotFound();
            case WithdrawIdeaOutcome.NotAuthor:
                return Forbid();
            default:
                TempData["Message"] = l[result.Outcome == WithdrawIdeaOutcome.Withdrawn ? "Withdraw.Done" : "Withdraw.Already"].Value;
                return Redirect(IdeaPaths.Idea(result.Slug!));
        }
    }

    private async Task<IActionResult> FormAsync(IdeaDetails idea, IdeaForm form, CancellationToken ct)
    {
        var consultation = (await queries.GetConsultationAsync(idea.ConsultationId, ct))!;
        var left = idea.CreatedAt + options.Value.EditWindow - time.GetUtcNow().UtcDateTime;
        var minutes = Math.Max(0, (int)Math.Ceiling(left.TotalMinutes));
        ViewData["Page"] = new IdeaFormModel(consultation, await queries.ThemesAsync(ct), idea.Id, idea.Slug, minutes, idea.Title);
        return View("EditIdea", form);
    }
}
