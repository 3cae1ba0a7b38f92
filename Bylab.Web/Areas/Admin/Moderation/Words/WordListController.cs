using Bylab.Core.Accounts;
using Bylab.Core.Moderation;
using Bylab.Web.Areas.Admin.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Moderation.Words;

/// <summary>
/// The moderators' word list: words and patterns that hold new ideas and comments for review. Moderator role only (403 for
/// staff and admins without it, before anything is read or changed); every change is in the audit log.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Moderator)]
[Route("admin/moderering/ordliste")]
public sealed class WordListController(WordList words, UserManager<BylabUser> users, IStringLocalizer<AdminResource> l) : Controller
{
    public const string Path = "/admin/moderering/ordliste";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await PageAsync(new WordListForm(), ct);

    [HttpPost("")]
    public async Task<IActionResult> Add(WordListForm form, [FromServices] IValidator<WordListForm> validator, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            return await PageAsync(form, ct);
        }
        switch (await words.AddAsync(await users.ActorAsync(User), form.Text, form.IsPattern, ct))
        {
            case WordListOutcome.AlreadyThere:
                ModelState.AddModelError(nameof(WordListForm.Text), l["WordList.AlreadyThere"]);
                return await PageAsync(form, ct);
            case WordListOutcome.InvalidInput:
                ModelState.AddModelError(nameof(WordListForm.Text), l["WordList.Invalid"]);
                return await PageAsync(form, ct);
        }
        TempData["Message"] = l["WordList.Added", form.Text!.Trim()].Value;
        return Redirect(Path);
    }

    [HttpPost("{id:int}/fjern")]
    public async Task<IActionResult> Remove(int id, CancellationToken ct)
    {
        if (await words.RemoveAsync(await users.ActorAsync(User), id, ct) == WordListOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["Message"] = l["WordList.Removed"].Value;
        return Redirect(Path);
    }

    private async Task<IActionResult> PageAsync(WordListForm form, CancellationToken ct)
    {
        ViewData["Entries"] = await words.EntriesAsync(ct);
        return View(nameof(Index), form);
    }
}

public sealed class WordListForm
{
    public string? Text { get; set; }
    /// <summary>A regular expression rather than a word or phrase.</summary>
    public bool IsPattern { get; set; }
}

public sealed class WordListFormValidator : AbstractValidator<WordListForm>
{
    public WordListFormValidator(IStringLocalizer<AdminResource> l)
    {
        RuleFor(f => f.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l["WordList.Required"])
            .Must(t => t!.Trim().Length <= WordListEntry.TextMaxLength).WithMessage(_ => l["WordList.TooLong", WordListEntry.TextMaxLength])
            .Must((f, t) => WordList.IsValid(t, f.IsPattern))
            .WithMessage(f => f.IsPattern ? l["WordList.BadPattern"] : l["WordList.Invalid"]);
    }
}
