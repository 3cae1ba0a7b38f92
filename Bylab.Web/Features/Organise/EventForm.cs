using System.Globalization;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Time;
using Bylab.Core.Venue;
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
    public const string OwnBooking = "own";
    public const string NoBooking = "none";
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
    /// <summary>The space of the venue; empty = the whole venue.</summary>
    public int? SpaceId { get; set; }
    /// <summary>How the event gets its room: <see cref="OwnBooking"/> (default), <see cref="NoBooking"/>, or the id of a booking of the organisation.</summary>
    public string? BookingChoice { get; set; }
    public string? PlaceName { get; set; }
    public string? PlaceAddress { get; set; }
    public string? OnlineUrl { get; set; }
    public int? OrganisationId { get; set; }
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
    [BindNever] public IReadOnlyList<Bylab.Core.Organisations.Organisation> Organisations { get; set; } = [];
    [BindNever] public IReadOnlyList<Space> Spaces { get; set; } = [];
    /// <summary>Bookings of the person's organisations the event could use.</summary>
    [BindNever] public IReadOnlyList<Bylab.Core.Bookings.Booking> UsableBookings { get; set; } = [];
    /// <summary>The event's booking as stored (its state is shown on the form).</summary>
    [BindNever] public Bylab.Core.Bookings.Booking? StoredBooking { get; set; }
    /// <summary>Other uses of the venue that overlap, when the service refused the time.</summary>
    [BindNever] public IReadOnlyList<VenueConflict> Conflicts { get; set; } = [];

    public static DateTime? ParseLocal(string? value) =>
        DateTime.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;

    /// <summary>The UTC instant of a typed Oslo time; null when it is not a time or does not exist (spring forward).</summary>
    public static DateTime? ToUtc(string? value) => ParseLocal(value) is { } local ? OsloTime.ToUtc(local) : null;

    public static string Local(DateTime utc) => OsloTime.ToOslo(utc).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>The form as Core's input, as typed (Core trims and drops the place fields of other location kinds).</summary>
    /// <param name="unknown">Fields that could not be read (a time that is not one, a choice not made): Core's rules skip them.</param>
    public EventInput ToInput(out IReadOnlySet<string> unknown)
    {
        var missing = new HashSet<string>();
        DateTime? Time(string? text, string field)
        {
            var utc = ToUtc(text);
            if (utc is null && !string.IsNullOrWhiteSpace(text))
            {
                missing.Add(field);
            }
            return utc;
        }
        var (startsAt, endsAt) = (Time(StartsAt, nameof(StartsAt)), Time(EndsAt, nameof(EndsAt)));
        var (opensAt, closesAt) = (Time(RegistrationOpensAt, nameof(RegistrationOpensAt)), Time(RegistrationClosesAt, nameof(RegistrationClosesAt)));
        foreach (var (value, field) in new (object?, string)[]
            { (startsAt, nameof(StartsAt)), (endsAt, nameof(EndsAt)), (LocationKind, nameof(LocationKind)), (Capacity, nameof(Capacity)) })
        {
            if (value is null)
            {
                missing.Add(field);
            }
        }
        unknown = missing;
        return new EventInput(
            Title ?? "", Summary ?? "", DescriptionMarkdown ?? "", ThemeId, Audience ?? EventAudience.Everyone,
            startsAt ?? DateTime.UnixEpoch, endsAt ?? DateTime.UnixEpoch, LocationKind ?? EventLocationKind.Venue, VenueId, SpaceId,
            PlaceName, PlaceAddress, OnlineUrl, OrganisationId, Capacity ?? 0, opensAt, closesAt,
            MaxCompanions ?? 0, AskNeeds, Question, ReminderHoursBefore);
    }

    /// <summary>Called only once the validator has passed, so every field could be read.</summary>
    public EventInput ToInput() => ToInput(out _);

    /// <summary>The room the form asks for: the event's own booking unless «none» or a booking's id was chosen.</summary>
    public EventRoom Room() => BookingChoice switch
    {
        NoBooking => EventRoom.None,
        { } text when int.TryParse(text, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var id) => EventRoom.Existing(id),
        _ => EventRoom.Own,
    };

    public static EventForm New(int defaultReminderHours) => new() { ReminderHoursBefore = defaultReminderHours, MaxCompanions = 0 };

    public static EventForm From(Event stored)
    {
        var e = EventInput.From(stored);
        return new()
        {
            Stored = stored,
            Title = e.Title,
            Summary = e.Summary,
            DescriptionMarkdown = e.DescriptionMarkdown,
            ThemeId = e.ThemeId,
            Audience = e.Audience,
            StartsAt = Local(e.StartsAt),
            EndsAt = Local(e.EndsAt),
            LocationKind = e.LocationKind,
            VenueId = e.VenueId,
            SpaceId = e.SpaceId,
            PlaceName = e.PlaceName,
            PlaceAddress = e.PlaceAddress,
            OnlineUrl = e.OnlineUrl,
            OrganisationId = e.OrganisationId,
            Capacity = e.Capacity,
            RegistrationOpensAt = e.RegistrationOpensAt is { } o ? Local(o) : null,
            RegistrationClosesAt = e.RegistrationClosesAt is { } c ? Local(c) : null,
            MaxCompanions = e.MaxCompanions,
            AskNeeds = e.AskNeeds,
            Question = e.Question,
            ReminderHoursBefore = e.ReminderHoursBefore,
        };
    }
}

/// <summary>
/// The event form's rules: what only a typed form can get wrong (a choice not made, a time that is not a time or
/// does not exist in Oslo), then Core's <see cref="EventRules"/> – the same rules <see cref="EventService"/> holds.
/// </summary>
public sealed class EventFormValidator : AbstractValidator<EventForm>
{
    public EventFormValidator(IStringLocalizer<OrganiseResource> l, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        RuleFor(f => f.Audience).NotNull().WithMessage(_ => l["Error.AudienceRequired"]);
        RuleFor(f => f.StartsAt).Time(l, required: true, now);
        RuleFor(f => f.EndsAt).Time(l, required: true, now);
        RuleFor(f => f.LocationKind).NotNull().WithMessage(_ => l["Error.LocationKindRequired"]);
        RuleFor(f => f.Capacity).NotNull().WithMessage(_ => l["Error.CapacityRequired"]);
        RuleFor(f => f.RegistrationOpensAt).Time(l, required: false, now);
        RuleFor(f => f.RegistrationClosesAt).Time(l, required: false, now);
        RuleFor(f => f).Custom((form, context) =>
        {
            var input = form.ToInput(out var unknown);
            foreach (var error in EventRules.Check(input, unknown))
            {
                context.AddFailure(error.Field, EventErrorMessages.For(l, error));
            }
        });
    }
}

/// <summary>The message for a broken event rule, from the form's validator or from <see cref="EventService"/> alike.</summary>
public static class EventErrorMessages
{
    /// <summary>"Error.{Field}.{code}", else "Error.{code}", with the field's limit as {0}; never a silent failure.</summary>
    public static string For(IStringLocalizer l, EventInputError error)
    {
        object[] limit = EventRules.LimitOf(error.Field) is { } n ? [n] : [];
        var specific = l[$"Error.{error.Field}.{error.Code}", limit];
        if (!specific.ResourceNotFound)
        {
            return specific;
        }
        var general = l["Error." + error.Code, limit];
        return general.ResourceNotFound ? l["Error.invalid"] : general;
    }

    /// <summary>Core's refusal on the fields it names (the venue by name when it is too small); never a silent failure.</summary>
    public static void AddTo(ModelStateDictionary modelState, IEnumerable<EventInputError> errors, EventForm form, IStringLocalizer l)
    {
        foreach (var error in errors)
        {
            var field = typeof(EventForm).GetProperty(error.Field) is not null ? error.Field : "";
            modelState.AddModelError(field,
                error.Code == EventInputErrors.CapacityOverVenue && SpaceOf(form) is { } space
                    ? l["Error.capacity-over-venue", space.Name, space.Capacity]
                    : For(l, error));
        }
        if (modelState.IsValid)
        {
            modelState.AddModelError("", l["Error.invalid"]);
        }
    }

    /// <summary>The space chosen, or the venue's outermost one (what the service uses when none was chosen).</summary>
    private static Space? SpaceOf(EventForm form) =>
        form.SpaceId is { } id ? form.Spaces.FirstOrDefault(s => s.Id == id)
        : form.Spaces.Where(s => s.VenueId == form.VenueId && s.ParentId == null).OrderBy(s => s.SortOrder).FirstOrDefault();
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
        RuleFor(f => f.Message).Cascade(CascadeMode.Stop)
            .MaximumLength(Event.CancellationMessageMaxLength).WithMessage(_ => l["Error.too-long", Event.CancellationMessageMaxLength])
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
            .Must(c => Registration.NormalizeCheckInCode(c) is not null).WithMessage(_ => l["CheckIn.CodeFormat", Registration.CheckInCodeLength]);
}

internal static class EventFormRules
{
    public static IRuleBuilderOptions<T, string?> Time<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l, bool required, DateTime utcNow) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !required || !string.IsNullOrWhiteSpace(v)).WithMessage(_ => l["Error.TimeRequired"])
            .Must(v => string.IsNullOrWhiteSpace(v) || EventForm.ParseLocal(v) is not null).WithMessage(_ => l["Error.TimeInvalid"])
            .Must(v => string.IsNullOrWhiteSpace(v) || EventForm.ToUtc(v) is not null)
            .WithMessage((_, v) => l["Error.TimeDoesNotExist", EventForm.ParseLocal(v)!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)])
            // The bounds are Event's (the service holds the same): year 9999 breaks calendar files and mails.
            .Must(v => string.IsNullOrWhiteSpace(v) || Event.IsSensibleTime(EventForm.ToUtc(v)!.Value, utcNow))
            .WithMessage(_ => l["Error." + EventInputErrors.TimeOutOfRange]);
}
