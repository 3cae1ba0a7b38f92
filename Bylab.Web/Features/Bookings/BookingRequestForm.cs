using System.Globalization;
using Bylab.Core.Bookings;
using Bylab.Core.Organisations;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Bookings;

/// <summary>
/// A request as an organiser types it: a date and two clock times in Oslo (a booking of an organisation lies within one
/// day's lending hours), kept as typed so a refused value comes back unchanged. Property names follow
/// <see cref="BookingInput"/> where they are the same thing, so Core's errors land on the right field.
/// </summary>
public sealed class BookingRequestForm
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";

    public int? OrganisationId { get; set; }
    public int? SpaceId { get; set; }
    public string? Date { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? Purpose { get; set; }
    public string? Notes { get; set; }
    public int? ExpectedPeople { get; set; }
    public List<SpaceEquipment> Equipment { get; set; } = [];
    public bool IsPublic { get; set; }
    public RepeatInterval? Repeat { get; set; } = RepeatInterval.None;
    public int? Occurrences { get; set; }
    /// <summary>The organiser has seen the dates that cannot be booked and sends the request without them.</summary>
    public bool LeaveOutProblemDates { get; set; }

    [BindNever] public IReadOnlyList<Organisation> Organisations { get; set; } = [];
    [BindNever] public IReadOnlyList<Space> Spaces { get; set; } = [];
    /// <summary>The dates of a series that cannot be booked, when the service listed them.</summary>
    [BindNever] public IReadOnlyList<DateProblem> DateProblems { get; set; } = [];
    /// <summary>What holds the space, when a single date was taken.</summary>
    [BindNever] public IReadOnlyList<VenueConflict> Conflicts { get; set; } = [];
    /// <summary>The request being changed.</summary>
    [BindNever] public Booking? Stored { get; set; }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100 ? d : null;

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), [TimeFormat, "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>The instant of a typed Oslo date and time; null when it is not one or does not exist (the spring-forward hour).</summary>
    public static DateTime? ToUtc(string? date, string? time) =>
        ParseDate(date) is { } d && ParseTime(time) is { } t ? OsloTime.ToUtc(d.ToDateTime(t)) : null;

    public BookingInput ToInput(out IReadOnlySet<string> unknown)
    {
        var missing = new HashSet<string>();
        var start = ToUtc(Date, StartTime);
        var end = ToUtc(Date, EndTime);
        if (start is null)
        {
            missing.Add(nameof(BookingInput.StartsAt));
        }
        if (end is null)
        {
            missing.Add(nameof(BookingInput.EndsAt));
        }
        unknown = missing;
        return new BookingInput(OrganisationId ?? 0, SpaceId ?? 0, start ?? DateTime.UnixEpoch, end ?? DateTime.UnixEpoch, Purpose ?? "", Notes,
            ExpectedPeople ?? 0, Equipment.Aggregate(SpaceEquipment.None, (a, e) => a | e), IsPublic, Repeat ?? RepeatInterval.None, Occurrences ?? 0);
    }

    /// <summary>Called once the validator has passed, so every field could be read.</summary>
    public BookingInput ToInput() => ToInput(out _);

    public static BookingRequestForm From(Booking b)
    {
        var start = OsloTime.ToOslo(b.StartsAt);
        return new BookingRequestForm
        {
            Stored = b,
            OrganisationId = b.OrganisationId,
            SpaceId = b.SpaceId,
            Date = start.ToString(DateFormat, CultureInfo.InvariantCulture),
            StartTime = start.ToString(TimeFormat, CultureInfo.InvariantCulture),
            EndTime = OsloTime.ToOslo(b.EndsAt).ToString(TimeFormat, CultureInfo.InvariantCulture),
            Purpose = b.Purpose,
            Notes = b.Notes,
            ExpectedPeople = b.ExpectedPeople,
            Equipment = SpaceEquipments.Each(b.Equipment).ToList(),
            IsPublic = b.IsPublic,
        };
    }

    /// <summary>Where a Core problem belongs in this form: the day's rules on the date, the clock on the times.</summary>
    public static string FieldOf(BookingProblem p) => (p.Field, p.Code) switch
    {
        (nameof(BookingInput.StartsAt), BookingErrors.ClosedDay or BookingErrors.InThePast or BookingErrors.TooSoon or BookingErrors.TooFarAhead) => nameof(Date),
        (nameof(BookingInput.StartsAt), _) => nameof(StartTime),
        (nameof(BookingInput.EndsAt), _) => nameof(EndTime),
        _ => p.Field,
    };
}

/// <summary>
/// The request form's rules: what only a typed form can get wrong (a choice not made, a date or time that is not one or
/// does not exist in Oslo), then Core's <see cref="BookingRules"/> – the same the request service holds.
/// </summary>
public sealed class BookingRequestFormValidator : AbstractValidator<BookingRequestForm>
{
    public BookingRequestFormValidator(IStringLocalizer<BookingsResource> l)
    {
        RuleFor(f => f.OrganisationId).NotNull().WithMessage(_ => l["Error.OrganisationId.required"]);
        RuleFor(f => f.SpaceId).NotNull().WithMessage(_ => l["Error.SpaceId.required"]);
        RuleFor(f => f.Date).Cascade(CascadeMode.Stop)
            .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage(_ => l["Error.Date.required"])
            .Must(d => BookingRequestForm.ParseDate(d) is not null).WithMessage(_ => l["Error.Date.invalid"]);
        RuleFor(f => f.StartTime).Clock(l, f => f.Date);
        RuleFor(f => f.EndTime).Clock(l, f => f.Date);
        RuleFor(f => f.ExpectedPeople).NotNull().WithMessage(_ => l["Error.ExpectedPeople.required"]);
        RuleFor(f => f.Repeat).NotNull().WithMessage(_ => l["Error.Repeat.out-of-range"]);
        RuleFor(f => f).Custom((form, context) =>
        {
            if (form.ExpectedPeople is null || form.Repeat is null)
            {
                return;
            }
            var input = form.ToInput(out var unknown);
            foreach (var error in BookingRules.Check(input, unknown))
            {
                var problem = BookingProblem.From(error);
                context.AddFailure(BookingRequestForm.FieldOf(problem), BookingMessages.For(l, problem));
            }
        });
    }
}

internal static class BookingFormRules
{
    /// <summary>A clock time that is there, is a time, and exists in Oslo on the form's date.</summary>
    public static IRuleBuilderOptions<T, string?> Clock<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l, Func<T, string?> date) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => l["Error.Time.required"])
            .Must(v => BookingRequestForm.ParseTime(v) is not null).WithMessage(_ => l["Error.Time.invalid"])
            .Must((form, v) => BookingRequestForm.ParseDate(date(form)) is null || BookingRequestForm.ToUtc(date(form), v) is not null)
            .WithMessage((_, v) => l["Error.time-does-not-exist", BookingRequestForm.ParseTime(v)!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)]);
}

/// <summary>The cancel page's tick that the organiser means it.</summary>
public sealed class CancelBookingForm
{
    public bool Confirm { get; set; }
}

public sealed class CancelBookingFormValidator : AbstractValidator<CancelBookingForm>
{
    public CancelBookingFormValidator(IStringLocalizer<BookingsResource> l) =>
        RuleFor(f => f.Confirm).Equal(true).WithMessage(_ => l["Cancel.ConfirmRequired"]);
}
