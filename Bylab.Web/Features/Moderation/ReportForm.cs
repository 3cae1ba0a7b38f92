using Bylab.Core.Moderation;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Moderation;

/// <summary>The report form. Reason binds as text («Spam») so that an unknown value is a message on the field, not a 400.</summary>
public sealed class ReportForm
{
    public string? Reason { get; set; }
    public string? Note { get; set; }

    public ModerationReason? ParsedReason =>
        Enum.TryParse<ModerationReason>(Reason, ignoreCase: false, out var r) && Enum.IsDefined(r) && !int.TryParse(Reason, out _) ? r : null;
}

public sealed class ReportFormValidator : AbstractValidator<ReportForm>
{
    public ReportFormValidator(IStringLocalizer<ModerationResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Reason).Must((form, _) => form.ParsedReason is not null).WithMessage(_ => l["Validation.ReasonRequired"]);
        RuleFor(f => f.Note).Cascade(CascadeMode.Stop)
            .Must(n => n is null || n.Trim().Length <= Report.NoteMaxLength)
            .WithMessage(f => l["Validation.NoteTooLong", Report.NoteMaxLength, f.Note!.Trim().Length])
            .Must(n => n is null || ReportService.IsValidNote(n.Trim())).WithMessage(_ => shared["Validation.ControlCharacters"]);
    }
}

/// <summary>The report page's model: the item, and the form (kept as typed when it comes back with errors).</summary>
public sealed record ReportPage(ReportTarget Target, string Path, string BackPath);
