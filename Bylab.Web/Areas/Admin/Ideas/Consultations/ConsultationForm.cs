using System.Globalization;
using Bylab.Core.Ideas;
using Bylab.Core.Time;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Ideas.Consultations;

/// <summary>
/// A consultation as staff type it. The three times are the text of datetime-local inputs
/// ("2027-03-28T10:00"), Europe/Oslo wall-clock: kept as typed so a refused value comes back unchanged.
/// </summary>
public sealed class ConsultationForm
{
    public const string InputFormat = "yyyy-MM-ddTHH:mm";
    private static readonly string[] Formats = [InputFormat, "yyyy-MM-ddTHH:mm:ss"];

    public string? Title { get; set; }
    public string? DescriptionMarkdown { get; set; }
    public int? ThemeId { get; set; }
    public string? OpensAt { get; set; }
    public string? IdeasCloseAt { get; set; }
    public string? ClosesAt { get; set; }
    public int? MaxVotesPerPerson { get; set; }
    public bool RequiresVerifiedAccount { get; set; }

    [BindNever] public int? Id { get; set; }

    /// <summary>The consultation as stored, when editing: its slug and phase are shown beside the form.</summary>
    [BindNever] public Consultation? Stored { get; set; }

    [BindNever] public IReadOnlyList<Theme> Themes { get; set; } = [];

    [BindNever] public DateTime Now { get; set; }

    /// <summary>Parses a datetime-local value; null when it is not one.</summary>
    public static DateTime? ParseLocal(string? value) =>
        DateTime.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;

    /// <summary>The UTC instant of a typed Oslo time; null when it is not a time or does not exist (spring forward).</summary>
    public static DateTime? ToUtc(string? value) => ParseLocal(value) is { } local ? OsloTime.ToUtc(local) : null;

    /// <summary>Called only once the validator has passed, so every time converts.</summary>
    public ConsultationInput ToInput() => new(
        Title, DescriptionMarkdown, ThemeId ?? 0, ToUtc(OpensAt)!.Value, ToUtc(IdeasCloseAt)!.Value, ToUtc(ClosesAt)!.Value, MaxVotesPerPerson,
        RequiresVerifiedAccount);

    public static ConsultationForm From(Consultation c) => new()
    {
        Id = c.Id,
        Stored = c,
        Title = c.Title,
        DescriptionMarkdown = c.DescriptionMarkdown,
        ThemeId = c.ThemeId,
        OpensAt = Local(c.OpensAt),
        IdeasCloseAt = Local(c.IdeasCloseAt),
        ClosesAt = Local(c.ClosesAt),
        MaxVotesPerPerson = c.MaxVotesPerPerson,
        RequiresVerifiedAccount = c.RequiresVerifiedAccount,
    };

    private static string Local(DateTime utc) => OsloTime.ToOslo(utc).ToString(InputFormat, CultureInfo.InvariantCulture);
}

public sealed class ConsultationFormValidator : AbstractValidator<ConsultationForm>
{
    public const int MaxVotesLimit = 1000;

    public ConsultationFormValidator(IStringLocalizer<AdminResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l["Ideas.Consultations.TitleRequired"])
            .Must(t => t!.Trim().Length <= Consultation.TitleMaxLength).WithMessage(_ => l["Ideas.TooLong", Consultation.TitleMaxLength])
            .Must(t => Slugs.From(t).Length > 0).WithMessage(_ => l["Ideas.Consultations.TitleNeedsLetters"])
            .SingleLine(shared);
        RuleFor(f => f.DescriptionMarkdown).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l["Ideas.Consultations.DescriptionRequired"])
            .Must(t => t!.Trim().Length <= Consultation.DescriptionMaxLength).WithMessage(_ => l["Ideas.TooLong", Consultation.DescriptionMaxLength])
            .NoControlCharacters(shared);
        RuleFor(f => f.ThemeId).NotNull().WithMessage(_ => l["Ideas.Consultations.ThemeRequired"]);
        RuleFor(f => f.OpensAt).Time(l);
        RuleFor(f => f.IdeasCloseAt).Time(l);
        RuleFor(f => f.ClosesAt).Time(l);
        // The order is checked only when all three are real times; the message sits on the later field.
        When(f => ConsultationForm.ToUtc(f.OpensAt) is not null && ConsultationForm.ToUtc(f.IdeasCloseAt) is not null
                  && ConsultationForm.ToUtc(f.ClosesAt) is not null, () =>
        {
            RuleFor(f => f.IdeasCloseAt)
                .Must((f, v) => ConsultationForm.ToUtc(v) >= ConsultationForm.ToUtc(f.OpensAt))
                .WithMessage(_ => l["Ideas.Consultations.IdeasCloseBeforeOpens"]);
            RuleFor(f => f.ClosesAt)
                .Must((f, v) => ConsultationForm.ToUtc(v) >= ConsultationForm.ToUtc(f.IdeasCloseAt) && ConsultationForm.ToUtc(v) > ConsultationForm.ToUtc(f.OpensAt))
                .WithMessage(_ => l["Ideas.Consultations.ClosesTooEarly"]);
        });
        RuleFor(f => f.MaxVotesPerPerson).InclusiveBetween(1, MaxVotesLimit)
            .When(f => f.MaxVotesPerPerson is not null)
            .WithMessage(_ => l["Ideas.Consultations.MaxVotesRange", MaxVotesLimit]);
    }
}

internal static class ConsultationRules
{
    public static IRuleBuilderOptions<T, string?> Time<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => l["Ideas.Consultations.TimeRequired"])
            .Must(v => ConsultationForm.ParseLocal(v) is not null).WithMessage(_ => l["Ideas.Consultations.TimeInvalid"])
            .Must(v => ConsultationForm.ToUtc(v) is not null)
            .WithMessage((_, v) => l["Ideas.Consultations.TimeDoesNotExist", ConsultationForm.ParseLocal(v)!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)]);
}
