using Bylab.Core.Common;
using Bylab.Core.Venue;

namespace Bylab.Core.Bookings;

/// <summary>
/// A request as an organisation fills it in: times already UTC (the web layer converts from Oslo time and refuses
/// the hour that does not exist). With <see cref="Repeat"/>, the same Oslo wall-clock times every week or fortnight,
/// <see cref="Occurrences"/> dates in all.
/// </summary>
public sealed record BookingInput(
    int OrganisationId,
    int SpaceId,
    DateTime StartsAt,
    DateTime EndsAt,
    string Purpose,
    string? Notes,
    int ExpectedPeople,
    SpaceEquipment Equipment,
    bool IsPublic,
    RepeatInterval Repeat = RepeatInterval.None,
    int Occurrences = 1)
{
    public BookingInput Clean() => this with
    {
        Purpose = Purpose?.Trim() ?? "",
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        Occurrences = Repeat == RepeatInterval.None ? 1 : Occurrences,
    };

    public static BookingInput From(Booking b) =>
        new(b.OrganisationId, b.SpaceId, b.StartsAt, b.EndsAt, b.Purpose, b.Notes, b.ExpectedPeople, b.Equipment, b.IsPublic);
}

/// <summary>Codes of what can be wrong with a request, beyond <see cref="FieldErrors"/>; the web layer words them ("Error.{Field}.{code}", else "Error.{code}").</summary>
public static class BookingErrors
{
    public const string Required = FieldErrors.Required;
    public const string TooLong = FieldErrors.TooLong;
    public const string OutOfRange = FieldErrors.OutOfRange;
    public const string EndBeforeStart = "end-before-start";
    public const string TooShort = "too-short";
    public const string TooLongBooking = "too-long-booking";
    public const string OutsideHours = "outside-hours";
    public const string ClosedDay = "closed-day";
    public const string InThePast = "in-the-past";
    public const string TooSoon = "too-soon";
    public const string TooFarAhead = "too-far-ahead";
    public const string OverCapacity = "over-capacity";
    public const string OverQuota = "over-quota";
    public const string EquipmentMissing = "equipment-missing";
    public const string UnknownSpace = "unknown-space";
    public const string NotMember = "not-member";
    public const string UnknownOrganisation = "unknown-organisation";
    public const string Taken = "taken";
    public const string UnknownBooking = "unknown-booking";
    public const string OutsideBooking = "outside-booking";
    public const string OtherSpace = "other-space";
    public const string BookingInUse = "booking-in-use";
    public const string TimeDoesNotExist = "time-does-not-exist";
}

/// <summary>
/// The rules of a request that need neither the database nor the clock: the web validator runs exactly these, and
/// <see cref="BookingChecks"/> runs them again with what only Core knows (the space's limits, the opening hours, the
/// closed days, the quota, what else holds the space).
/// </summary>
public static class BookingRules
{
    public static readonly TextRule Purpose = new(nameof(BookingInput.Purpose), Booking.PurposeMaxLength, Required: true);
    public static readonly TextRule Notes = new(nameof(BookingInput.Notes), Booking.NotesMaxLength, MultiLine: true);
    public static readonly TextRule Reason = new("Reason", Booking.ReasonMaxLength, Required: true, MultiLine: true);
    public static readonly TextRule Message = new("Message", Booking.ReasonMaxLength, MultiLine: true);
    public static readonly RangeRule ExpectedPeople = new(nameof(BookingInput.ExpectedPeople), 1, Booking.MaxPeople);
    public static readonly RangeRule Occurrences = new(nameof(BookingInput.Occurrences), BookingSeries.MinOccurrences, BookingSeries.MaxOccurrences);

    /// <param name="unknown">Fields the form could not read (a time that is not one): rules reading them are skipped.</param>
    public static IReadOnlyList<FieldError> Check(BookingInput i, IReadOnlySet<string>? unknown = null)
    {
        var errors = new List<FieldError>();
        var timesKnown = unknown is null || (!unknown.Contains(nameof(BookingInput.StartsAt)) && !unknown.Contains(nameof(BookingInput.EndsAt)));
        if (timesKnown && i.EndsAt <= i.StartsAt)
        {
            errors.Add(nameof(BookingInput.EndsAt), BookingErrors.EndBeforeStart);
        }
        errors.Text(Purpose, i.Purpose);
        errors.Text(Notes, i.Notes);
        errors.Range(ExpectedPeople, i.ExpectedPeople);
        if (!Enum.IsDefined(i.Repeat))
        {
            errors.Add(nameof(BookingInput.Repeat), BookingErrors.OutOfRange);
        }
        else if (i.Repeat != RepeatInterval.None)
        {
            errors.Range(Occurrences, i.Occurrences);
        }
        if ((i.Equipment & ~AllEquipment) != 0)
        {
            errors.Add(nameof(BookingInput.Equipment), BookingErrors.OutOfRange);
        }
        return errors;
    }

    public static readonly SpaceEquipment AllEquipment = SpaceEquipments.All;

    /// <summary>The number a message about <paramref name="field"/> names: most characters, or the highest value.</summary>
    public static int? LimitOf(string field) =>
        new[] { Purpose, Notes, Reason, Message }.FirstOrDefault(r => r.Field == field)?.MaxLength
        ?? new[] { ExpectedPeople, Occurrences }.FirstOrDefault(r => r.Field == field)?.Max;

    /// <summary>
    /// The dates of a request: the first, then every <see cref="BookingInput.Repeat"/> interval at the same Oslo
    /// wall-clock times. A date whose start or end does not exist in Oslo (the spring-forward hour) is returned with
    /// null times, so the caller can list it rather than drop it.
    /// </summary>
    public static IReadOnlyList<(DateOnly Date, DateTime? StartsAt, DateTime? EndsAt)> Dates(BookingInput i)
    {
        var start = Time.OsloTime.ToOslo(i.StartsAt);
        var end = Time.OsloTime.ToOslo(i.EndsAt);
        var count = i.Repeat == RepeatInterval.None ? 1 : i.Occurrences;
        var list = new List<(DateOnly, DateTime?, DateTime?)>();
        for (var n = 0; n < count; n++)
        {
            var days = n * (int)i.Repeat;
            list.Add((DateOnly.FromDateTime(start.AddDays(days)), Time.OsloTime.ToUtc(start.AddDays(days)), Time.OsloTime.ToUtc(end.AddDays(days))));
        }
        return list;
    }
}
