using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Ideas.Themes;

/// <summary>The goals of «Hamar mot 2030» that consultations and ideas belong to.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/temaer")]
public sealed class ThemesController(ThemeService themes, UserManager<BylabUser> users, IStringLocalizer<AdminResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await themes.ListAsync(ct));

    [HttpGet("ny")]
    public IActionResult Create() => View("Edit", new ThemeForm());

    [HttpPost("ny")]
    public async Task<IActionResult> Create(ThemeForm form, [FromServices] IValidator<ThemeForm> validator, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View("Edit", form);
        }
        var result = await themes.CreateAsync(await users.ActorAsync(User), form.ToInput(), ct);
        return Saved(result, form, "Ideas.Themes.Created");
    }

    [HttpGet("{id:int}/rediger")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var theme = await themes.GetAsync(id, ct);
        return theme is null ? NotFound() : View(ThemeForm.From(theme));
    }

    [HttpPost("{id:int}/rediger")]
    public async Task<IActionResult> Edit(int id, ThemeForm form, [FromServices] IValidator<ThemeForm> validator, CancellationToken ct)
    {
        var theme = await themes.GetAsync(id, ct);
        if (theme is null)
        {
            return NotFound();
        }
        form.Id = id;
        form.Slug = theme.Slug;
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        return Saved(await themes.UpdateAsync(await users.ActorAsync(User), id, form.ToInput(), ct), form, "Ideas.Themes.Saved");
    }

    private IActionResult Saved(SaveResult result, ThemeForm form, string messageKey)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Saved:
                TempData["Message"] = l[messageKey].Value;
                return RedirectToAction(nameof(Index));
        }
        // The validator knows the same limits as the service; this is the service's word on anything it missed.
        foreach (var field in result.InvalidFields ?? [])
        {
            ModelState.AddModelError(field, l["Ideas.Themes.Invalid." + field]);
        }
        return View("Edit", form);
    }
}

public sealed class ThemeForm
{
    /// <summary>Set by the controller when editing; never bound from the request.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public int? Id { get; set; }

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string? Slug { get; set; }

    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? WhereAreWe { get; set; }
    public string? WhereDoWeWantToGo { get; set; }
    public string? HowDoWeGetThere { get; set; }
    public int SortOrder { get; set; }

    public ThemeInput ToInput() => new(Title, Description, WhereAreWe, WhereDoWeWantToGo, HowDoWeGetThere, SortOrder);

    public static ThemeForm From(Theme t) => new()
    {
        Id = t.Id,
        Slug = t.Slug,
        Title = t.Title,
        Description = t.Description,
        WhereAreWe = t.WhereAreWe,
        WhereDoWeWantToGo = t.WhereDoWeWantToGo,
        HowDoWeGetThere = t.HowDoWeGetThere,
        SortOrder = t.SortOrder,
    };
}

public sealed class ThemeFormValidator : AbstractValidator<ThemeForm>
{
    public const int MaxSortOrder = 10_000;

    public ThemeFormValidator(IStringLocalizer<AdminResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l["Ideas.Themes.TitleRequired"])
            .Must(t => t!.Trim().Length <= Theme.TitleMaxLength).WithMessage(_ => l["Ideas.TooLong", Theme.TitleMaxLength])
            .Must(t => Slugs.From(t).Length > 0).WithMessage(_ => l["Ideas.Themes.TitleNeedsLetters"])
            .SingleLine(shared);
        RuleFor(f => f.Description).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l["Ideas.Themes.DescriptionRequired"])
            .Must(t => t!.Trim().Length <= Theme.DescriptionMaxLength).WithMessage(_ => l["Ideas.TooLong", Theme.DescriptionMaxLength])
            .NoControlCharacters(shared);
        RuleFor(f => f.WhereAreWe).Must(t => (t?.Trim().Length ?? 0) <= Theme.QuestionMaxLength).WithMessage(_ => l["Ideas.TooLong", Theme.QuestionMaxLength])
            .NoControlCharacters(shared);
        RuleFor(f => f.WhereDoWeWantToGo).Must(t => (t?.Trim().Length ?? 0) <= Theme.QuestionMaxLength).WithMessage(_ => l["Ideas.TooLong", Theme.QuestionMaxLength])
            .NoControlCharacters(shared);
        RuleFor(f => f.HowDoWeGetThere).Must(t => (t?.Trim().Length ?? 0) <= Theme.QuestionMaxLength).WithMessage(_ => l["Ideas.TooLong", Theme.QuestionMaxLength])
            .NoControlCharacters(shared);
        RuleFor(f => f.SortOrder).InclusiveBetween(0, MaxSortOrder).WithMessage(_ => l["Ideas.Themes.SortOrderRange", MaxSortOrder]);
    }
}
