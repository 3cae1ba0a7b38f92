using System.Globalization;
using Bylab.Core.Bookings;
using Bylab.Core.Venue;
using Bylab.Web.Features.Bookings;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Venue;

/// <summary>One weekday's hours as typed ("10:00"); empty = not that day.</summary>
public sealed class DayHoursForm
{
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? LendOpens { get; set; }
    public string? LendCloses { get; set; }
}

/// <summary>The venue as staff edit it; <see cref="Hours"/> has the seven weekdays, Monday first.</summary>
public sealed class VenueForm
{
    public string? Name { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public int? Capacity { get; set; }
    public string? Description { get; set; }
    public bool StepFreeAccess { get; set; }
    public bool HearingLoop { get; set; }
    public bool AccessibleToilet { get; set; }
    public string? AccessibilityInfo { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? AccessInstructions { get; set; }
    public string? ContactPerson { get; set; }
    public string? TidyingInstructions { get; set; }
    public bool ClosedOnPublicHolidays { get; set; } = true;
    public List<DayHoursForm> Hours { get; set; } = [];

    [BindNever] public Core.Venue.Venue? Stored { get; set; }

    public static TimeOnly? Clock(string? text) => BookingRequestForm.ParseTime(text);

    public VenueInput ToInput() => new(Name ?? "", StreetAddress ?? "", PostalCode ?? "", City ?? "", Capacity ?? 0, Description, StepFreeAccess, HearingLoop,
        AccessibleToilet, AccessibilityInfo, ContactEmail, ContactPhone, AccessInstructions, ContactPerson, TidyingInstructions, ClosedOnPublicHolidays,
        VenueInput.Week.Select((day, n) =>
        {
            var h = n < Hours.Count ? Hours[n] : new DayHoursForm();
            return new DayHours(day, Clock(h.Opens), Clock(h.Closes), Clock(h.LendOpens), Clock(h.LendCloses));
        }).ToList());

    public static VenueForm From(Core.Venue.Venue v)
    {
        var i = VenueInput.From(v);
        static string? T(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture);
        return new VenueForm
        {
            Stored = v, Name = i.Name, StreetAddress = i.StreetAddress, PostalCode = i.PostalCode, City = i.City, Capacity = i.Capacity,
            Description = i.Description, StepFreeAccess = i.StepFreeAccess, HearingLoop = i.HearingLoop, AccessibleToilet = i.AccessibleToilet,
            AccessibilityInfo = i.AccessibilityInfo, ContactEmail = i.ContactEmail, ContactPhone = i.ContactPhone, AccessInstructions = i.AccessInstructions,
            ContactPerson = i.ContactPerson, TidyingInstructions = i.TidyingInstructions, ClosedOnPublicHolidays = i.ClosedOnPublicHolidays,
            Hours = i.Hours.Select(h => new DayHoursForm { Opens = T(h.Opens), Closes = T(h.Closes), LendOpens = T(h.LendOpens), LendCloses = T(h.LendCloses) }).ToList(),
        };
    }
}

/// <summary>Times that are times, then Core's <see cref="VenueRules"/>.</summary>
public sealed class VenueFormValidator : AbstractValidator<VenueForm>
{
    public VenueFormValidator(IStringLocalizer<BookingsResource> l)
    {
        RuleFor(f => f.Capacity).NotNull().WithMessage(_ => l["Error.Capacity.required"]);
        RuleFor(f => f).Custom((form, context) =>
        {
            var unreadable = new HashSet<string>();
            for (var n = 0; n < Math.Min(form.Hours.Count, 7); n++)
            {
                foreach (var (value, name) in new[] { (form.Hours[n].Opens, "Opens"), (form.Hours[n].Closes, "Closes"), (form.Hours[n].LendOpens, "LendOpens"), (form.Hours[n].LendCloses, "LendCloses") })
                {
                    if (!string.IsNullOrWhiteSpace(value) && VenueForm.Clock(value) is null)
                    {
                        unreadable.Add($"Hours[{n}].{name}");
                        context.AddFailure($"Hours[{n}].{name}", l["Error.Time.invalid"]);
                    }
                }
            }
            if (form.Capacity is null)
            {
                return;
            }
            foreach (var error in VenueRules.Check(form.ToInput().Clean()).Where(e => !unreadable.Contains(e.Field)))
            {
                context.AddFailure(error.Field, BookingMessages.For(l, error));
            }
        });
    }
}

public sealed class ClosureForm
{
    public ClosureKind? Kind { get; set; } = ClosureKind.OneOff;
    public string? FirstDate { get; set; }
    public string? LastDate { get; set; }
    public string? Reason { get; set; }
}

public sealed class ClosureFormValidator : AbstractValidator<ClosureForm>
{
    public ClosureFormValidator(IStringLocalizer<BookingsResource> l)
    {
        RuleFor(f => f.Kind).NotNull().WithMessage(_ => l["Error.Kind.required"]);
        RuleFor(f => f.FirstDate).Must(d => BookingRequestForm.ParseDate(d) is not null).WithMessage(_ => l["Error.Date.invalid"]);
        RuleFor(f => f.LastDate).Must(d => string.IsNullOrWhiteSpace(d) || BookingRequestForm.ParseDate(d) is not null).WithMessage(_ => l["Error.Date.invalid"]);
        RuleFor(f => f.Reason).Follows(VenueRules.ClosureReason, (rule, code) => BookingMessages.For(l, new BookingProblem(rule.Field, code)));
    }
}

/// <summary>A space as staff edit it.</summary>
public sealed class SpaceForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int? ParentId { get; set; }
    public int? Capacity { get; set; }
    public List<SpaceEquipment> Equipment { get; set; } = [];
    public int? SetupMinutes { get; set; }
    public int? CleanupMinutes { get; set; }
    public int? MinMinutes { get; set; }
    public int? MaxMinutes { get; set; }
    public int? MinNoticeHours { get; set; }
    public int? MaxDaysAhead { get; set; }
    public bool IsActive { get; set; } = true;
    public int? SortOrder { get; set; }

    [BindNever] public Space? Stored { get; set; }
    [BindNever] public IReadOnlyList<Space> Others { get; set; } = [];

    public SpaceInput ToInput() => new(Name ?? "", Description, ParentId, Capacity ?? 0, Equipment.Aggregate(SpaceEquipment.None, (a, e) => a | e),
        SetupMinutes ?? 0, CleanupMinutes ?? 0, MinMinutes ?? 0, MaxMinutes ?? 0, MinNoticeHours ?? 0, MaxDaysAhead ?? 0, IsActive, SortOrder ?? 0);

    public static SpaceForm From(Space s) => new()
    {
        Stored = s, Name = s.Name, Description = s.Description, ParentId = s.ParentId, Capacity = s.Capacity, Equipment = SpaceEquipments.Each(s.Equipment).ToList(),
        SetupMinutes = s.SetupMinutes, CleanupMinutes = s.CleanupMinutes, MinMinutes = s.MinMinutes, MaxMinutes = s.MaxMinutes,
        MinNoticeHours = s.MinNoticeHours, MaxDaysAhead = s.MaxDaysAhead, IsActive = s.IsActive, SortOrder = s.SortOrder,
    };

    public static SpaceForm New()
    {
        var form = From(new Space { Capacity = 10, MinMinutes = 30, MaxMinutes = 480, MinNoticeHours = 48, MaxDaysAhead = 180 });
        form.Stored = null;
        return form;
    }
}

public sealed class SpaceFormValidator : AbstractValidator<SpaceForm>
{
    public SpaceFormValidator(IStringLocalizer<BookingsResource> l)
    {
        RuleFor(f => f.Capacity).NotNull().WithMessage(_ => l["Error.required"]);
        RuleFor(f => f.SetupMinutes).NotNull().WithMessage(_ => l["Error.required"]);
        RuleFor(f => f.CleanupMinutes).NotNull().WithMessage(_ => l["Error.required"]);
        RuleFor(f => f.MinMinutes).NotNull().WithMessage(_ => l["Error.required"]);
        RuleFor(f => f.MaxMinutes).NotNull().WithMessage(_ => l["Error.required"]);
        RuleFor(f => f.MinNoticeHours).NotNull().WithMessage(_ => l["Error.required"]);
        RuleFor(f => f.MaxDaysAhead).NotNull().WithMessage(_ => l["Error.required"]);
        RuleFor(f => f).Custom((form, context) =>
        {
            if (new[] { form.Capacity, form.SetupMinutes, form.CleanupMinutes, form.MinMinutes, form.MaxMinutes, form.MinNoticeHours, form.MaxDaysAhead }.Any(v => v is null))
            {
                return;
            }
            foreach (var error in SpaceRules.Check(form.ToInput().Clean()))
            {
                context.AddFailure(error.Field, BookingMessages.For(l, error));
            }
        });
    }
}

/// <summary>Staff check a code at the door: now, or at another time (what will the lock say on Tuesday at 18:00?).</summary>
public sealed class DoorCheckForm
{
    public string? Code { get; set; }
    public string? At { get; set; }
}

public sealed class DoorCheckFormValidator : AbstractValidator<DoorCheckForm>
{
    public DoorCheckFormValidator(IStringLocalizer<BookingsResource> l)
    {
        RuleFor(f => f.Code).Cascade(CascadeMode.Stop)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage(_ => l["Error.Code.required"])
            .Must(c => DoorCode.Normalize(c) is not null).WithMessage(_ => l["Error.Code.format", DoorCode.Length]);
        RuleFor(f => f.At).Must(a => string.IsNullOrWhiteSpace(a) || Features.Organise.EventForm.ToUtc(a) is not null).WithMessage(_ => l["Error.Time.invalid"]);
    }
}
