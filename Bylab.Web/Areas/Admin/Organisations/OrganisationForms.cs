using Bylab.Core.Organisations;
using Bylab.Web.Features.Bookings;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Organisations;

public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public int? MonthlyQuotaHours { get; set; }
    public bool IsActive { get; set; } = true;

    [BindNever] public Organisation? Stored { get; set; }
    [BindNever] public IReadOnlyList<OrganisationMemberView> Members { get; set; } = [];

    public OrganisationInput ToInput() => new(Name ?? "", ContactName ?? "", ContactEmail ?? "", ContactPhone, MonthlyQuotaHours, IsActive);

    public static OrganisationForm From(Organisation o) => new()
    {
        Stored = o, Name = o.Name, ContactName = o.ContactName, ContactEmail = o.ContactEmail, ContactPhone = o.ContactPhone,
        MonthlyQuotaHours = o.MonthlyQuotaHours, IsActive = o.IsActive,
    };
}

/// <summary>The organisation form runs Core's <see cref="OrganisationRules"/>, as the service does.</summary>
public sealed class OrganisationFormValidator : AbstractValidator<OrganisationForm>
{
    public OrganisationFormValidator(IStringLocalizer<BookingsResource> l) =>
        RuleFor(f => f).Custom((form, context) =>
        {
            foreach (var error in OrganisationRules.Check(form.ToInput().Clean()))
            {
                context.AddFailure(error.Field, BookingMessages.For(l, error));
            }
        });
}

public sealed class MemberForm
{
    public string? Email { get; set; }
}

public sealed class MemberFormValidator : AbstractValidator<MemberForm>
{
    public MemberFormValidator(IStringLocalizer<BookingsResource> l) =>
        RuleFor(f => f.Email).Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage(_ => l["Error.Email.required"]);
}
