using Bylab.Core.Bookings;
using Bylab.Web.Features.Bookings;
using Bylab.Web.Features.Organise;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Bookings;

public sealed class RejectForm
{
    public string? Reason { get; set; }
}

public sealed class SuggestForm
{
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Message { get; set; }
}

/// <summary>Staff hold the venue for the municipality: times typed in Oslo (datetime-local), across the night if need be.</summary>
public sealed class BlockForm
{
    public int? SpaceId { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Purpose { get; set; }
    public bool IsPublic { get; set; }
    [BindNever] public IReadOnlyList<Core.Venue.Space> Spaces { get; set; } = [];
    [BindNever] public IReadOnlyList<Core.Venue.VenueConflict> Conflicts { get; set; } = [];
}

public sealed class MoveForm
{
    public int? SpaceId { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Reason { get; set; }
    [BindNever] public IReadOnlyList<Core.Venue.Space> Spaces { get; set; } = [];
    [BindNever] public IReadOnlyList<Core.Venue.VenueConflict> Conflicts { get; set; } = [];
}

public sealed class StaffCancelForm
{
    public string? Reason { get; set; }
}

internal static class AdminTimeRules
{
    /// <summary>An Oslo datetime-local that is there, is a time and exists (the event form's rule).</summary>
    public static IRuleBuilderOptions<T, string?> OsloTime<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer l) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => l["Error.Time.required"])
            .Must(v => EventForm.ParseLocal(v) is not null).WithMessage(_ => l["Error.Time.invalid"])
            .Must(v => EventForm.ToUtc(v) is not null)
            .WithMessage((_, v) => l["Error.time-does-not-exist", EventForm.ParseLocal(v)!.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)]);

    public static IRuleBuilderOptionsConditions<T, string?> Text<T>(this IRuleBuilderInitial<T, string?> rule, Bylab.Core.Common.TextRule text, IStringLocalizer l) =>
        rule.Follows(text, (r, code) => BookingMessages.For(l, new BookingProblem(r.Field, code)));
}

public sealed class RejectFormValidator : AbstractValidator<RejectForm>
{
    public RejectFormValidator(IStringLocalizer<BookingsResource> l) => RuleFor(f => f.Reason).Text(BookingRules.Reason, l);
}

public sealed class SuggestFormValidator : AbstractValidator<SuggestForm>
{
    public SuggestFormValidator(IStringLocalizer<BookingsResource> l)
    {
        RuleFor(f => f.StartsAt).OsloTime(l);
        RuleFor(f => f.EndsAt).OsloTime(l);
        RuleFor(f => f.Message).Text(BookingRules.Message, l);
    }
}

public sealed class BlockFormValidator : AbstractValidator<BlockForm>
{
    public BlockFormValidator(IStringLocalizer<BookingsResource> l)
    {
        RuleFor(f => f.SpaceId).NotNull().WithMessage(_ => l["Error.SpaceId.required"]);
        RuleFor(f => f.StartsAt).OsloTime(l);
        RuleFor(f => f.EndsAt).OsloTime(l);
        RuleFor(f => f.Purpose).Text(BookingRules.Purpose, l);
    }
}

public sealed class MoveFormValidator : AbstractValidator<MoveForm>
{
    public MoveFormValidator(IStringLocalizer<BookingsResource> l)
    {
        RuleFor(f => f.SpaceId).NotNull().WithMessage(_ => l["Error.SpaceId.required"]);
        RuleFor(f => f.StartsAt).OsloTime(l);
        RuleFor(f => f.EndsAt).OsloTime(l);
        RuleFor(f => f.Reason).Text(BookingRules.Reason, l);
    }
}

public sealed class StaffCancelFormValidator : AbstractValidator<StaffCancelForm>
{
    public StaffCancelFormValidator(IStringLocalizer<BookingsResource> l) => RuleFor(f => f.Reason).Text(BookingRules.Reason, l);
}
