using Bylab.Core.Moderation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Moderation;

/// <summary>
/// A moderator's decision on one item (hide, restore) or on several (<see cref="Items"/>, the queue's checkboxes).
/// Reason and action bind as text, so an unknown value is a message on the field, not a 400.
/// </summary>
public sealed class DecisionForm
{
    /// <summary>Keys «Comment-12» of the items chosen for a bulk action; empty for a single item's form.</summary>
    public List<string> Items { get; set; } = [];
    /// <summary>The bulk action; not «Action», which model binding would fill from the route's action name.</summary>
    public string? Operation { get; set; }
    public string? Reason { get; set; }
    public string? Note { get; set; }
    /// <summary>The tab the form was posted from, so a form with errors comes back where it was.</summary>
    public string? Fane { get; set; }

    [BindNever] public bool Hiding { get; set; }

    public ModerationReason? ParsedReason => ParseEnum<ModerationReason>(Reason);
    public BulkAction? ParsedAction => ParseEnum<BulkAction>(Operation);

    public IReadOnlyList<(ContentKind Kind, int Id)> ParsedItems => Items
        .Select(k => k.Split('-') is [var kind, var id] && ParseEnum<ContentKind>(kind) is { } kk && int.TryParse(id, out var i) ? (kk, i) : default)
        .Where(k => k != default).ToList();

    private static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var r) && Enum.IsDefined(r) && !int.TryParse(value, out _) ? r : null;
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator(IStringLocalizer<AdminResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Items).Must(i => i.Count > 0 && i.Count <= ModerationQueue.Take).When(f => f.Operation is not null)
            .WithMessage(_ => l["Moderation.ItemsRequired"]);
        RuleFor(f => f.Operation).Must((f, _) => f.ParsedAction is not null).When(f => f.Operation is not null || f.Items.Count > 0)
            .WithMessage(_ => l["Moderation.ActionRequired"]);
        RuleFor(f => f.Reason).Must((f, _) => f.ParsedReason is not null).When(f => f.Hiding || f.ParsedAction == BulkAction.Hide)
            .WithMessage(_ => l["Moderation.ReasonRequired"]);
        RuleFor(f => f.Note).Cascade(CascadeMode.Stop)
            .Must(n => n is null || n.Trim().Length <= ModerationTransitions.NoteMaxLength)
            .WithMessage(f => l["Moderation.NoteTooLong", ModerationTransitions.NoteMaxLength, f.Note!.Trim().Length])
            .Must(n => n is null || Bylab.Core.Common.TextRule.IsPlainText(n.Trim())).WithMessage(_ => shared["Validation.ControlCharacters"]);
    }
}

/// <summary>A moderator's answer to a request for review.</summary>
public sealed class ReviewAnswerForm
{
    public string? Outcome { get; set; }
    public string? Answer { get; set; }

    public ReviewOutcome? ParsedOutcome =>
        Enum.TryParse<ReviewOutcome>(Outcome, false, out var r) && Enum.IsDefined(r) && !int.TryParse(Outcome, out _) ? r : null;
}

public sealed class ReviewAnswerFormValidator : AbstractValidator<ReviewAnswerForm>
{
    public ReviewAnswerFormValidator(IStringLocalizer<AdminResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Outcome).Must((f, _) => f.ParsedOutcome is not null).WithMessage(_ => l["Moderation.Review.OutcomeRequired"]);
        RuleFor(f => f.Answer).Cascade(CascadeMode.Stop)
            .Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage(_ => l["Moderation.Review.AnswerRequired"])
            .Must(a => a!.Trim().Length <= ModerationTransitions.NoteMaxLength)
            .WithMessage(f => l["Moderation.NoteTooLong", ModerationTransitions.NoteMaxLength, f.Answer!.Trim().Length])
            .Must(a => Bylab.Core.Common.TextRule.IsPlainText(a!.Trim())).WithMessage(_ => shared["Validation.ControlCharacters"]);
    }
}

/// <summary>Blocking a person from posting: the justification they will be told, and whether to hide all they wrote.</summary>
public sealed class BlockForm
{
    public string? UserId { get; set; }
    public string? Reason { get; set; }
    public bool HideAll { get; set; }
}

public sealed class BlockFormValidator : AbstractValidator<BlockForm>
{
    public BlockFormValidator(IStringLocalizer<AdminResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(_ => l["Blocks.ReasonRequired"])
            .Must(r => r!.Trim().Length <= PostingBlock.ReasonMaxLength)
            .WithMessage(f => l["Moderation.NoteTooLong", PostingBlock.ReasonMaxLength, f.Reason!.Trim().Length])
            .Must(r => Bylab.Core.Common.TextRule.IsPlainText(r!.Trim())).WithMessage(_ => shared["Validation.ControlCharacters"]);
    }
}

/// <summary>The reason and note fields of one decision form on the queue page (<c>_DecisionFields</c>).</summary>
public sealed record DecisionFields(string Form, bool WithReason, string? Reason, string? Note, string? Unused);
