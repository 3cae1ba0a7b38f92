using Bylab.Core.Moderation;
using Bylab.Web.Features.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Moderation;

/// <summary>
/// The statement of reasons for an author's own hidden or held item: what was decided, when, why, by whom (a moderator or
/// automatically), their text, and a form to ask for a review once per decision; afterwards the request and its answer.
/// Only the author sees it (anyone else: not found); signed-in people only (the fallback policy).
/// </summary>
[Route("moderering/{kind}/{id:int}")]
public sealed class StatementController(Reviews reviews, IStringLocalizer<ModerationResource> l) : Controller
{
    public static string PathOf(ContentKind kind, int id) => ReportController.PathOf(kind, id).Replace("/meld/", "/moderering/", StringComparison.Ordinal);

    [HttpGet("")]
    public async Task<IActionResult> Show(string kind, int id, CancellationToken ct) =>
        await StatementAsync(kind, id, ct) is { } statement ? StatementView(statement, new ReviewRequestForm()) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Request(string kind, int id, ReviewRequestForm form, [FromServices] IValidator<ReviewRequestForm> validator,
        CancellationToken ct)
    {
        // Whether this person may ask at all (their item, a decision, no request yet) is settled before the input is read.
        if (await StatementAsync(kind, id, ct) is not { } statement)
        {
            return NotFound();
        }
        if (statement.Request is not null)
        {
            TempData["Problem"] = l["Review.AlreadyRequested"].Value;
            return Redirect(PathOf(statement.Kind, id));
        }
        if (!ModelState.Validate(validator, form))
        {
            return StatementView(statement, form);
        }
        var outcome = await reviews.RequestAsync(User.UserId(), statement.Kind, id, form.Message, ct);
        TempData[outcome == ReviewRequestOutcome.Sent ? "Message" : "Problem"] = l["Review." + outcome].Value;
        return Redirect(PathOf(statement.Kind, id));
    }

    private ViewResult StatementView(StatementOfReasons statement, ReviewRequestForm form)
    {
        ViewData["Statement"] = statement;
        return View("Statement", form);
    }

    private async Task<StatementOfReasons?> StatementAsync(string kind, int id, CancellationToken ct) =>
        ReportController.KindOf(kind) is { } k ? await reviews.StatementAsync(User.UserId(), k, id, ct) : null;
}

/// <summary>An author's request for review: what they think is wrong with the decision.</summary>
public sealed class ReviewRequestForm
{
    public string? Message { get; set; }
}

public sealed class ReviewRequestFormValidator : AbstractValidator<ReviewRequestForm>
{
    public ReviewRequestFormValidator(IStringLocalizer<ModerationResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Message).Cascade(CascadeMode.Stop)
            .Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage(_ => l["Validation.MessageRequired"])
            .Must(m => m!.Trim().Length <= ReviewRequest.MessageMaxLength)
            .WithMessage(f => l["Validation.NoteTooLong", ReviewRequest.MessageMaxLength, f.Message!.Trim().Length])
            .Must(m => Bylab.Core.Common.TextRule.IsPlainText(m!.Trim())).WithMessage(_ => shared["Validation.ControlCharacters"]);
    }
}
