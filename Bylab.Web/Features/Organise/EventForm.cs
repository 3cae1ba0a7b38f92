using System.Globalization;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Time;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Organise;

/// <summary>
/// An event as staff or an organiser type it. Times are the text of datetime-local inputs ("2027-03-28T18:00"),
/// Europe/Oslo wall-clock, kept as typed so a refused value comes back unchanged. Property names match
/// <see cref="EventInput"/>, so the service's errors land on the right field.
/// </summary>
public sealed class EventForm
{
    public const string InputFormat = "yyyy-MM-ddTHH:mm";
    private static readonly string[] Formats = [InputFormat, "yyyy-MM-ddTHH:mm:ss"];

    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? DescriptionMarkdown { get; set; }
    public int? ThemeId { get; set; }
    public EventAudience? Audience { get; set; } = EventAudience.Everyone;
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public EventLocationKind? LocationKind { get; set; } = EventLocationKind.Venue;
    public int? VenueId { get; set; }
    public string? PlaceName { get; set; }
    public string? PlaceAddress { get; set; }
    public string? OnlineUrl { get; set; }
    public string? OrganiserName { get; set; }
    public int? Capacity { get; set; }
    public string? RegistrationOpensAt { get; set; }
    public string? RegistrationClosesAt { get; set; }
    public int? MaxCompanions { get; set; }
    public bool AskNeeds { get; set; }
    public string? Question { get; set; }
    /// <summary>Empty = no reminder.</summary>
    public int? ReminderHoursBefore { get; set; }

    /// <summary>The event as stored, when editing.</summary>
    [BindNever] public Event? Stored { get; set; }
    [BindNever] public IReadOnlyList<Theme> Themes { get; set; } = [];
    [BindNever] public IReadOnlyList<Core.Venue.Venue> Venues { get; set; } = [];
    /// <summary>Other uses of the venue that overlap, when the service refused the time.</summary>
    [BindNever] public IReadOnlyList<VenueConflict> Conflicts { get; set; } = [];

    public static DateTime? ParseLocal(string? value) =>
        DateTime.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;

    /// <summary>The UTC instant of a typed Oslo time; null when it is not a time or does not exist (spring forward).</summary>
    public static DateTime? ToUtc(string? value) => ParseLocal(value) is { } local ? OsloTime.ToUtc(local) : null;

    public static string Local(DateTime utc) => OsloTime.ToOslo(utc).ToString(InputFormat, CultureInfo.InvariantCulture);

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Called only once the validator has passed, so every required time converts.</summary>
    public EventInput ToInput()
    {
        var kind = LocationKind ?? EventLocationKind.Venue;
        return new EventInput(
            Title!.Trim(),
            Summary?.Trim() ?? "",
            DescriptionMarkdown?.Trim() ?? "",
            ThemeId,
            Audience ?? EventAudience.Everyone,
            ToUtc(StartsAt)!.Value,
            ToUtc(EndsAt)!.Value,
            kind,
            kind == EventLocationKind.Venue ? VenueId : null,
            kind == EventLocationKind.Elsewhere ? Trimmed(PlaceName) : null,
            kind == EventLocationKind.Elsewhere ? Trimmed(PlaceAddress) : null,
            kind == EventLocationKind.Online ? Trimmed(OnlineUrl) : null,
            OrganiserName!.Trim(),
            Capacity ?? 0,
            ToUtc(RegistrationOpensAt),
            ToUtc(RegistrationClosesAt),
            MaxCompanions ?? 0,
            AskNeeds,
            Trimmed(Question),
            ReminderHoursBefore);
    }

    public static EventForm New(int defaultReminderHours) => new() { ReminderHoursBefore = defaultReminderHours, MaxCompanions = 0 };

    public static EventForm From(Event e) => new()
    {
        Stored = e,
        Title = e.Title,
        Summary = e.Summary,
        DescriptionMarkdown = e.DescriptionMarkdown,
        ThemeId = e.ThemeId,
        Audience = e.Audience,
        StartsAt = Local(e.StartsAt),
        EndsAt = Local(e.EndsAt),
        LocationKind = e.LocationKind,
        VenueId = e.VenueId,
        PlaceName = e.PlaceName,
        PlaceAddress = e.PlaceAddress,
        OnlineUrl = e.OnlineUrl,
        OrganiserName = e.OrganiserName,
        Capacity = e.Capacity,
        RegistrationOpensAt = e.RegistrationOpensAt is { } o ? Local(o) : null,
        RegistrationClosesAt = e.RegistrationClosesAt is { } c ? Local(c) : null,
        MaxCompanions = e.MaxCompanions,
        AskNeeds = e.AskNeeds,
        Question = e.Question,
        ReminderHoursBefore = e.ReminderHoursBefore,
    };
}

public sealed class EventFormValidator : AbstractValidator<EventForm>
{
    public EventFormValidator(IStringLocalizer<OrganiseResource> l, IStringLocalizer<SharedResource> shared, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        RuleFor(f => f.Title).Text(l, "Error.TitleRequired", Event.TitleMaxLength).SingleLine(shared);
        RuleFor(f => f.Summary).Text(l, "Error.SummaryRequired", Event.SummaryMaxLength).NoControlCharacters(shared);
        RuleFor(f => f.DescriptionMarkdown).Text(l, "Error.DescriptionRequired", Event.DescriptionMaxLength).NoControlCharacters(shared);
        RuleFor(f => f.Audience).NotNull().WithMessage(_ => l["Error.AudienceRequired"]);
        RuleFor(f => f.StartsAt).Time(l, required: true, now);
        RuleFor(f => f.EndsAt).Time(l, required: true, now);
        When(f => EventForm.ToUtc(f.StartsAt) is not null && EventForm.ToUtc(f.EndsAt) is not null, () =>
            RuleFor(f => f.EndsAt).Must((f, v) => EventForm.ToUtc(v) > EventForm.ToUtc(f.StartsAt)).WithMessage(_ => l["Error.EndBeforeStart"]));

        RuleFor(f => f.LocationKind).NotNull().WithMessage(_ => l["Error.LocationKindRequired"]);
        When(f => f.LocationKind == EventLocationKind.Venue, () =>
            RuleFor(f => f.VenueId).NotNull().WithMessage(_ => l["Error.VenueRequired"]));
        When(f => f.LocationKind == EventLocationKind.Elsewhere, () =>
        {
            RuleFor(f => f.PlaceName).Text(l, "Error.PlaceNameRequired", Event.PlaceMaxLength).SingleLine(shared);
            RuleFor(f => f.PlaceAddress).Cascade(CascadeMode.Stop).MaximumLength(Event.PlaceMaxLength).WithMessage(_ => l["Error.TooLong", Event.PlaceMaxLength])
                .SingleLine(shared);
        });
        When(f => f.LocationKind == EventLocationKind.Online, () =>
            RuleFor(f => f.OnlineUrl).Cascade(CascadeMode.Stop)
                .Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage(_ => l["Error.OnlineUrlRequired"])
                .Must(u => u!.Trim().Length <= Event.OnlineUrlMaxLength).WithMessage(_ => l["Error.TooLong", Event.OnlineUrlMaxLength])
                .SingleLine(shared)
                .Must(IsWebAddress).WithMessage(_ => l["Error.OnlineUrlInvalid"]));

        RuleFor(f => f.OrganiserName).Text(l, "Error.OrganiserNameRequired", Event.OrganiserNameMaxLength).SingleLine(shared);
        RuleFor(f => f.Capacity).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => l["Error.CapacityRequired"])
            .InclusiveBetween(1, Event.MaxCapacity).WithMessage(_ => l["Error.CapacityRange", Event.MaxCapacity]);

        RuleFor(f => f.RegistrationOpensAt).Time(l, required: false, now);
        RuleFor(f => f.RegistrationClosesAt).Time(l, required: false, now);
        // Registration opens before it closes and before the start, and closes no later than the end (as EventService holds it).
        When(f => EventForm.ToUtc(f.RegistrationOpensAt) is not null && EventForm.ToUtc(f.RegistrationClosesAt) is not null, () =>
            RuleFor(f => f.RegistrationClosesAt)
                .Must((f, v) => EventForm.ToUtc(v) > EventForm.ToUtc(f.RegistrationOpensAt)).WithMessage(_ => l["Error.ClosesBeforeOpens"]));
        When(f => EventForm.ToUtc(f.StartsAt) is not null, () =>
        {
            RuleFor(f => f.RegistrationOpensAt)
                .Must((f, v) => EventForm.ToUtc(v) is not { } opens || opens < EventForm.ToUtc(f.StartsAt)).WithMessage(_ => l["Error.OpensAfterStart"]);
        });
        When(f => EventForm.ToUtc(f.EndsAt) is not null, () =>
            RuleFor(f => f.RegistrationClosesAt)
                .Must((f, v) => EventForm.ToUtc(v) is not { } closes || closes <= EventForm.ToUtc(f.EndsAt)).WithMessage(_ => l["Error.ClosesAfterEnd"]));

        RuleFor(f => f.MaxCompanions).InclusiveBetween(0, Event.MaxCompanionsLimit).When(f => f.MaxCompanions is not null)
            .WithMessage(_ => l["Error.MaxCompanionsRange", Event.MaxCompanionsLimit]);
        RuleFor(f => f.Question).Cascade(CascadeMode.Stop).MaximumLength(Event.QuestionMaxLength).WithMessage(_ => l["Error.TooLong", Event.QuestionMaxLength])
            .SingleLine(shared);
        RuleFor(f => f.ReminderHoursBefore).InclusiveBetween(1, Event.MaxReminderHours).When(f => f.ReminderHoursBefore is not null)
            .WithMessage(_ => l["Error.ReminderRange", Event.MaxReminderHours]);
    }

    private static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>The cancel page: an optional message to everyone signed up, and a tick that the organiser means it.</summary>
public sealed class CancelEventForm
{
    public string? Message { get; set; }
    public bool Confirm { get; set; }
}

public sealed class CancelEventFormValidator : AbstractValidator<CancelEventForm>
{
    public CancelEventFormValidator(IStringLocalizer<OrganiseResource> l, IStringLocalizer<SharedResource> shared)
    {
        RuleFor(f => f.Message).Cascade(CascadeMode.Stop).MaximumLength(Event.CancellationMessageMaxLength).WithMessage(_ => l["Error.TooLong", Event.CancellationMessageMaxLength])
            .NoControlCharacters(shared);
        RuleFor(f => f.Confirm).Equal(true).WithMessage(_ => l["Cancel.ConfirmRequired"]);
    }
}

/// <summary>The code field on the door page.</summary>
public sealed class CheckInCodeForm
{
    public string? Code { get; set; }
}

public sealed class CheckInCodeFormValidator : AbstractValidator<CheckInCodeForm>
{
    public CheckInCodeFormValidator(IStringLocalizer<OrganiseResource> l) =>
        RuleFor(f => f.Code).Cascade(CascadeMode.Stop)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage(_ => l["CheckIn.CodeRequired"])
            .Must(c => RegistrationService.NormalizeCode(c) is not null).WithMessage(_ => l["CheckIn.CodeFormat", Registration.CheckInCodeLength]);
}

internal static class EventFormRules
{
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l, string requiredKey, int max) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => l[requiredKey])
            .Must(t => t!.Trim().Length <= max).WithMessage(_ => l["Error.TooLong", max]);

    public static IRuleBuilderOptions<T, string?> Time<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l, bool required, DateTime utcNow) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !required || !string.IsNullOrWhiteSpace(v)).WithMessage(_ => l["Error.TimeRequired"])
            .Must(v => string.IsNullOrWhiteSpace(v) || EventForm.ParseLocal(v) is not null).WithMessage(_ => l["Error.TimeInvalid"])
            .Must(v => string.IsNullOrWhiteSpace(v) || EventForm.ToUtc(v) is not null)
            .WithMessage((_, v) => l["Error.TimeDoesNotExist", EventForm.ParseLocal(v)!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)])
            // The bounds are Event's (the service holds the same): year 9999 breaks calendar files and mails.
            .Must(v => string.IsNullOrWhiteSpace(v) || Event.IsSensibleTime(EventForm.ToUtc(v)!.Value, utcNow))
            .WithMessage(_ => l["Error.TimeOutOfRange", Event.EarliestTime.Year, utcNow.Year + Event.MaxYearsAhead]);
}
