using Bylab.Core.Common;

namespace Bylab.Core.Venue;

/// <summary>A weekday's hours as staff type them: when the venue is staffed (drop-in) and when it may be borrowed; null = not that day.</summary>
public sealed record DayHours(DayOfWeek Day, TimeOnly? Opens, TimeOnly? Closes, TimeOnly? LendOpens, TimeOnly? LendCloses);

/// <summary>The venue form: its facts, the text for borrowers, and the hours of the seven weekdays (Monday first).</summary>
public sealed record VenueInput(
    string Name,
    string StreetAddress,
    string PostalCode,
    string City,
    int Capacity,
    string? Description,
    bool StepFreeAccess,
    bool HearingLoop,
    bool AccessibleToilet,
    string? AccessibilityInfo,
    string? ContactEmail,
    string? ContactPhone,
    string? AccessInstructions,
    string? ContactPerson,
    string? TidyingInstructions,
    bool ClosedOnPublicHolidays,
    IReadOnlyList<DayHours> Hours)
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public VenueInput Clean() => this with
    {
        Name = Name?.Trim() ?? "",
        StreetAddress = StreetAddress?.Trim() ?? "",
        PostalCode = PostalCode?.Trim() ?? "",
        City = City?.Trim() ?? "",
        Description = Description?.Trim() ?? "",
        AccessibilityInfo = AccessibilityInfo?.Trim() ?? "",
        ContactEmail = string.IsNullOrWhiteSpace(ContactEmail) ? null : ContactEmail.Trim(),
        ContactPhone = string.IsNullOrWhiteSpace(ContactPhone) ? null : ContactPhone.Trim(),
        AccessInstructions = AccessInstructions?.Trim() ?? "",
        ContactPerson = ContactPerson?.Trim() ?? "",
        TidyingInstructions = TidyingInstructions?.Trim() ?? "",
    };

    public static VenueInput From(Venue v) => new(v.Name, v.StreetAddress, v.PostalCode, v.City, v.Capacity, v.Description, v.StepFreeAccess,
        v.HearingLoop, v.AccessibleToilet, v.AccessibilityInfo, v.ContactEmail, v.ContactPhone, v.AccessInstructions, v.ContactPerson,
        v.TidyingInstructions, v.ClosedOnPublicHolidays,
        Week.Select(d =>
        {
            var open = v.OpeningHours.FirstOrDefault(o => o.Day == d);
            var lend = v.LendingHours.FirstOrDefault(o => o.Day == d);
            return new DayHours(d, open?.Opens, open?.Closes, lend?.Opens, lend?.Closes);
        }).ToList());
}

/// <summary>The venue's rules, shared by the web validator and <see cref="VenueAdminService"/>.</summary>
public static class VenueRules
{
    public const string HoursIncomplete = "hours-incomplete";
    public const string ClosesBeforeOpens = "closes-before-opens";

    public static readonly TextRule Name = new(nameof(VenueInput.Name), Venue.NameMaxLength, Required: true);
    public static readonly TextRule StreetAddress = new(nameof(VenueInput.StreetAddress), Venue.StreetAddressMaxLength, Required: true);
    public static readonly TextRule PostalCode = new(nameof(VenueInput.PostalCode), Venue.PostalCodeMaxLength, Required: true);
    public static readonly TextRule City = new(nameof(VenueInput.City), Venue.CityMaxLength, Required: true);
    public static readonly TextRule Description = new(nameof(VenueInput.Description), Venue.TextMaxLength, MultiLine: true);
    public static readonly TextRule AccessibilityInfo = new(nameof(VenueInput.AccessibilityInfo), Venue.TextMaxLength, MultiLine: true);
    public static readonly TextRule ContactEmail = new(nameof(VenueInput.ContactEmail), Venue.ContactEmailMaxLength, Format: TextFormat.Email);
    public static readonly TextRule ContactPhone = new(nameof(VenueInput.ContactPhone), Venue.ContactPhoneMaxLength);
    public static readonly TextRule AccessInstructions = new(nameof(VenueInput.AccessInstructions), Venue.TextMaxLength, MultiLine: true);
    public static readonly TextRule ContactPerson = new(nameof(VenueInput.ContactPerson), Venue.ContactPersonMaxLength);
    public static readonly TextRule TidyingInstructions = new(nameof(VenueInput.TidyingInstructions), Venue.TextMaxLength, MultiLine: true);
    public static readonly RangeRule Capacity = new(nameof(VenueInput.Capacity), 1, Space.MaxCapacity);
    public static readonly TextRule ClosureReason = new(nameof(VenueClosure.Reason), VenueClosure.ReasonMaxLength, Required: true);

    private static readonly TextRule[] Texts =
        [Name, StreetAddress, PostalCode, City, Description, AccessibilityInfo, ContactEmail, ContactPhone, AccessInstructions, ContactPerson, TidyingInstructions];

    public static IReadOnlyList<FieldError> Check(VenueInput i)
    {
        var errors = new List<FieldError>();
        errors.Text(Name, i.Name);
        errors.Text(StreetAddress, i.StreetAddress);
        errors.Text(PostalCode, i.PostalCode);
        errors.Text(City, i.City);
        errors.Range(Capacity, i.Capacity);
        errors.Text(Description, i.Description);
        errors.Text(AccessibilityInfo, i.AccessibilityInfo);
        errors.Text(ContactEmail, i.ContactEmail);
        errors.Text(ContactPhone, i.ContactPhone);
        errors.Text(AccessInstructions, i.AccessInstructions);
        errors.Text(ContactPerson, i.ContactPerson);
        errors.Text(TidyingInstructions, i.TidyingInstructions);
        for (var n = 0; n < i.Hours.Count; n++)
        {
            Pair(errors, $"Hours[{n}].Opens", $"Hours[{n}].Closes", i.Hours[n].Opens, i.Hours[n].Closes);
            Pair(errors, $"Hours[{n}].LendOpens", $"Hours[{n}].LendCloses", i.Hours[n].LendOpens, i.Hours[n].LendCloses);
        }
        return errors;
    }

    /// <summary>Both times or neither, and closing after opening (a day's hours end by midnight).</summary>
    private static void Pair(List<FieldError> errors, string opensField, string closesField, TimeOnly? opens, TimeOnly? closes)
    {
        if (opens is null != closes is null)
        {
            errors.Add(opens is null ? opensField : closesField, HoursIncomplete);
        }
        else if (opens is { } o && closes is { } c && c <= o)
        {
            errors.Add(closesField, ClosesBeforeOpens);
        }
    }

    public static int? LimitOf(string field) =>
        Texts.Append(ClosureReason).FirstOrDefault(r => r.Field == field)?.MaxLength ?? (field == Capacity.Field ? Capacity.Max : null);
}

/// <summary>A space as staff type it.</summary>
public sealed record SpaceInput(string Name, string? Description, int? ParentId, int Capacity, SpaceEquipment Equipment, int SetupMinutes,
    int CleanupMinutes, int MinMinutes, int MaxMinutes, int MinNoticeHours, int MaxDaysAhead, bool IsActive, int SortOrder)
{
    public SpaceInput Clean() => this with { Name = Name?.Trim() ?? "", Description = Description?.Trim() ?? "" };

    public static SpaceInput From(Space s) => new(s.Name, s.Description, s.ParentId, s.Capacity, s.Equipment, s.SetupMinutes, s.CleanupMinutes,
        s.MinMinutes, s.MaxMinutes, s.MinNoticeHours, s.MaxDaysAhead, s.IsActive, s.SortOrder);

    public void ApplyTo(Space s)
    {
        s.Name = Name;
        s.Description = Description ?? "";
        s.ParentId = ParentId;
        s.Capacity = Capacity;
        s.Equipment = Equipment;
        s.SetupMinutes = SetupMinutes;
        s.CleanupMinutes = CleanupMinutes;
        s.MinMinutes = MinMinutes;
        s.MaxMinutes = MaxMinutes;
        s.MinNoticeHours = MinNoticeHours;
        s.MaxDaysAhead = MaxDaysAhead;
        s.IsActive = IsActive;
        s.SortOrder = SortOrder;
    }
}

public static class SpaceRules
{
    public const string ParentCycle = "parent-cycle";
    public const string UnknownParent = "unknown-parent";
    public const string NameTaken = "name-taken";
    public const string MaxBelowMin = "max-below-min";
    public const string WouldOverlap = "would-overlap";
    public const string BuffersWouldOverlap = "buffers-would-overlap";

    public static readonly TextRule Name = new(nameof(SpaceInput.Name), Space.NameMaxLength, Required: true);
    public static readonly TextRule Description = new(nameof(SpaceInput.Description), Space.DescriptionMaxLength, MultiLine: true);
    public static readonly RangeRule Capacity = new(nameof(SpaceInput.Capacity), 1, Space.MaxCapacity);
    public static readonly RangeRule SetupMinutes = new(nameof(SpaceInput.SetupMinutes), 0, Space.MaxBufferMinutes);
    public static readonly RangeRule CleanupMinutes = new(nameof(SpaceInput.CleanupMinutes), 0, Space.MaxBufferMinutes);
    public static readonly RangeRule MinMinutes = new(nameof(SpaceInput.MinMinutes), 1, Space.MaxLengthMinutes);
    public static readonly RangeRule MaxMinutes = new(nameof(SpaceInput.MaxMinutes), 1, Space.MaxLengthMinutes);
    public static readonly RangeRule MinNoticeHours = new(nameof(SpaceInput.MinNoticeHours), 0, Space.MaxNoticeHours);
    public static readonly RangeRule MaxDaysAhead = new(nameof(SpaceInput.MaxDaysAhead), 1, Space.MaxDaysAheadLimit);
    public static readonly RangeRule SortOrder = new(nameof(SpaceInput.SortOrder), 0, 1000);

    private static readonly RangeRule[] Ranges = [Capacity, SetupMinutes, CleanupMinutes, MinMinutes, MaxMinutes, MinNoticeHours, MaxDaysAhead, SortOrder];

    public static IReadOnlyList<FieldError> Check(SpaceInput i)
    {
        var errors = new List<FieldError>();
        errors.Text(Name, i.Name);
        errors.Text(Description, i.Description);
        errors.Range(Capacity, i.Capacity);
        errors.Range(SetupMinutes, i.SetupMinutes);
        errors.Range(CleanupMinutes, i.CleanupMinutes);
        errors.Range(MinMinutes, i.MinMinutes);
        errors.Range(MaxMinutes, i.MaxMinutes);
        if (i.MaxMinutes < i.MinMinutes && !errors.Any(e => e.Field is nameof(SpaceInput.MinMinutes) or nameof(SpaceInput.MaxMinutes)))
        {
            errors.Add(nameof(SpaceInput.MaxMinutes), MaxBelowMin);
        }
        errors.Range(MinNoticeHours, i.MinNoticeHours);
        errors.Range(MaxDaysAhead, i.MaxDaysAhead);
        errors.Range(SortOrder, i.SortOrder);
        if ((i.Equipment & ~SpaceEquipments.All) != 0)
        {
            errors.Add(nameof(SpaceInput.Equipment), FieldErrors.OutOfRange);
        }
        return errors;
    }

    public static int? LimitOf(string field) =>
        field == Name.Field ? Name.MaxLength : field == Description.Field ? Description.MaxLength : Ranges.FirstOrDefault(r => r.Field == field)?.Max;
}
