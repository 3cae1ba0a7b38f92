using Bylab.Core.Accounts;
using Bylab.Core.Common;
using Bylab.Core.Ideas;
using Bylab.Core.Markdown;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Ideas;

/// <summary>Staff read ideas, give the municipality's official answer and merge duplicates.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/ideer")]
public sealed class IdeasController(
    IdeaQueries queries,
    IdeaService ideas,
    AnswerEmails emails,
    MarkdownRenderer markdown,
    UserManager<BylabUser> users,
    PublicUrls urls,
    IStringLocalizer<AdminResource> l) : Controller
{
    public const int PageSize = 30;
    public const int MergeCandidates = 100;

    /// <param name="ubesvart">Only ideas without an official answer (status New).</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? medvirkning, IdeaStatus? status, bool ubesvart = false, int side = 1, CancellationToken ct = default)
    {
        var filter = new IdeaFilter(ConsultationId: medvirkning, Status: ubesvart ? IdeaStatus.New : status, Page: side, PageSize: PageSize, ForStaff: true);
        return View(new IdeaListModel(medvirkning, status, ubesvart, await queries.ConsultationsAsync(ct), await queries.ListAsync(filter, ct)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var idea = await queries.GetAsync(id, ct: ct, forStaff: true);
        return idea is null ? NotFound() : View(await DetailsModelAsync(idea, AnswerForm.From(idea), new MergeForm(), ct));
    }

    [HttpPost("{id:int}/svar")]
    public async Task<IActionResult> Answer(int id, [Bind(Prefix = "Answer")] AnswerForm form, [FromServices] IValidator<AnswerForm> validator, CancellationToken ct)
    {
        var idea = await queries.GetAsync(id, ct: ct, forStaff: true);
        if (idea is null)
        {
            return NotFound();
        }
        if (!Validate(validator, form, "Answer"))
        {
            return View(nameof(Details), await DetailsModelAsync(idea, form, new MergeForm(), ct));
        }
        var result = await ideas.AnswerAsync(await users.ActorAsync(User), id, form.Status!.Value, form.AnswerMarkdown, ct);
        switch (result.Outcome)
        {
            case AnswerOutcome.NotFound:
                return NotFound();
            case AnswerOutcome.InvalidInput:
                ModelState.AddModelError("Answer.AnswerMarkdown", l["Ideas.Answer.Invalid"]);
                return View(nameof(Details), await DetailsModelAsync(idea, form, new MergeForm(), ct));
        }
        var link = urls.Absolute(Bylab.Web.Features.Ideas.IdeaPaths.Idea(idea.Slug));
        await emails.SendAsync(result.Followers, idea.Title, form.Status.Value, form.AnswerMarkdown!.Trim(), link, ct);
        TempData["Message"] = result.FollowersHeldBack
            ? l["Ideas.Answer.SavedHeldBack"].Value
            : l["Ideas.Answer.Saved", result.Followers.Count].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/sla-sammen")]
    public async Task<IActionResult> Merge(int id, [Bind(Prefix = "Merge")] MergeForm form, [FromServices] IValidator<MergeForm> validator, CancellationToken ct)
    {
        var idea = await queries.GetAsync(id, ct: ct, forStaff: true);
        if (idea is null)
        {
            return NotFound();
        }
        if (!Validate(validator, form, "Merge"))
        {
            return View(nameof(Details), await DetailsModelAsync(idea, AnswerForm.From(idea), form, ct));
        }
        var outcome = await ideas.MergeAsync(await users.ActorAsync(User), id, form.TargetId!.Value, ct);
        if (outcome == MergeOutcome.Merged)
        {
            TempData["Message"] = l["Ideas.Merge.Merged", form.TargetId.Value].Value;
            return RedirectToAction(nameof(Details), new { id = form.TargetId.Value });
        }
        ModelState.AddModelError("Merge.TargetId", l["Ideas.Merge." + outcome]);
        return View(nameof(Details), await DetailsModelAsync(idea, AnswerForm.From(idea), form, ct));
    }

    /// <summary>Two forms share the page, so each keeps its errors under its own prefix.</summary>
    private bool Validate<T>(IValidator<T> validator, T form, string prefix)
    {
        foreach (var error in validator.Validate(form).Errors)
        {
            ModelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
        return ModelState.IsValid;
    }

    private async Task<IdeaDetailsModel> DetailsModelAsync(IdeaDetails idea, AnswerForm answer, MergeForm merge, CancellationToken ct)
    {
        var candidates = idea.MergedIntoId is null
            ? (await queries.ListAsync(new IdeaFilter(ConsultationId: idea.ConsultationId, Sort: IdeaSort.MostVotes, PageSize: MergeCandidates), ct))
                .Items.Where(i => i.Id != idea.Id).ToList()
            : [];
        return new IdeaDetailsModel(idea, markdown.ToSafeHtml(idea.BodyMarkdown), markdown.ToSafeHtml(idea.AnswerMarkdown), answer, merge, candidates);
    }
}

public sealed record IdeaListModel(int? ConsultationId, IdeaStatus? Status, bool WithoutAnswer,
    IReadOnlyList<ConsultationSummary> Consultations, Paged<IdeaListItem> Ideas);

public sealed record IdeaDetailsModel(IdeaDetails Idea, string BodyHtml, string AnswerHtml, AnswerForm Answer, MergeForm Merge,
    IReadOnlyList<IdeaListItem> MergeCandidates);

public sealed class AnswerForm
{
    /// <summary>The statuses an official answer may set: every one but New.</summary>
    public static readonly IReadOnlyList<IdeaStatus> Statuses =
        [IdeaStatus.UnderConsideration, IdeaStatus.Accepted, IdeaStatus.Rejected, IdeaStatus.Implemented];

    public IdeaStatus? Status { get; set; }
    public string? AnswerMarkdown { get; set; }

    /// <summary>An answered idea opens with its current answer, ready to be changed.</summary>
    public static AnswerForm From(IdeaDetails idea) => idea.AnsweredAt is null
        ? new AnswerForm()
        : new AnswerForm { Status = idea.Status, AnswerMarkdown = idea.AnswerMarkdown };
}

public sealed class AnswerFormValidator : AbstractValidator<AnswerForm>
{
    public AnswerFormValidator(IStringLocalizer<AdminResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Status).Must(s => s is { } status && AnswerForm.Statuses.Contains(status))
            .WithMessage(_ => l["Ideas.Answer.StatusRequired"]);
        // Every status needs words: a bare status says nothing to the people who follow the idea.
        RuleFor(f => f.AnswerMarkdown).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l["Ideas.Answer.TextRequired"])
            .Must(t => t!.Trim().Length <= Idea.AnswerMaxLength).WithMessage(_ => l["Ideas.TooLong", Idea.AnswerMaxLength])
            .NoControlCharacters(shared);
    }
}

public sealed class MergeForm
{
    /// <summary>The idea that stays; this one is merged into it.</summary>
    public int? TargetId { get; set; }
}

public sealed class MergeFormValidator : AbstractValidator<MergeForm>
{
    public MergeFormValidator(IStringLocalizer<AdminResource> l) =>
        RuleFor(f => f.TargetId).NotNull().WithMessage(_ => l["Ideas.Merge.TargetRequired"])
            .GreaterThan(0).WithMessage(_ => l["Ideas.Merge.NotFound"]);
}
