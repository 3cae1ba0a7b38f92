using Bylab.Core.Common;

namespace Bylab.Core.Organisations;

/// <summary>What staff type into the organisation form, trimmed by <see cref="Clean"/>.</summary>
public sealed record OrganisationInput(string Name, string ContactName, string ContactEmail, string? ContactPhone, int? MonthlyQuotaHours,
    bool IsActive = true)
{
    public OrganisationInput Clean() => this with
    {
        Name = Name?.Trim() ?? "",
        ContactName = ContactName?.Trim() ?? "",
        ContactEmail = ContactEmail?.Trim() ?? "",
        ContactPhone = string.IsNullOrWhiteSpace(ContactPhone) ? null : ContactPhone.Trim(),
    };

    public static OrganisationInput From(Organisation o) => new(o.Name, o.ContactName, o.ContactEmail, o.ContactPhone, o.MonthlyQuotaHours, o.IsActive);
}

/// <summary>The organisation form's rules, shared by the web validator and <see cref="OrganisationService"/>.</summary>
public static class OrganisationRules
{
    public static readonly TextRule Name = new(nameof(OrganisationInput.Name), Organisation.NameMaxLength, Required: true);
    public static readonly TextRule ContactName = new(nameof(OrganisationInput.ContactName), Organisation.ContactNameMaxLength, Required: true);
    public static readonly TextRule ContactEmail = new(nameof(OrganisationInput.ContactEmail), Organisation.ContactEmailMaxLength, Required: true, TextFormat.Email);
    public static readonly TextRule ContactPhone = new(nameof(OrganisationInput.ContactPhone), Organisation.ContactPhoneMaxLength);
    public static readonly RangeRule MonthlyQuotaHours = new(nameof(OrganisationInput.MonthlyQuotaHours), 1, Organisation.MaxQuotaHours);

    public static IReadOnlyList<FieldError> Check(OrganisationInput i)
    {
        var errors = new List<FieldError>();
        errors.Text(Name, i.Name);
        errors.Text(ContactName, i.ContactName);
        errors.Text(ContactEmail, i.ContactEmail);
        errors.Text(ContactPhone, i.ContactPhone);
        errors.Range(MonthlyQuotaHours, i.MonthlyQuotaHours);
        return errors;
    }

    public static int? LimitOf(string field) =>
        new[] { Name, ContactName, ContactEmail, ContactPhone }.FirstOrDefault(r => r.Field == field)?.MaxLength
        ?? (field == MonthlyQuotaHours.Field ? MonthlyQuotaHours.Max : null);
}
