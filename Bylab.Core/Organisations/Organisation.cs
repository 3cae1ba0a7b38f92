namespace Bylab.Core.Organisations;

/// <summary>
/// An actor the municipality lends the Bylab to: Ungdomsrådet, BaneNOR, Dark Arkitekter, KS, the municipality itself.
/// Its members (accounts with the Organiser role) request the venue and run events in its name; the name on an event
/// comes from here, so nobody publishes as an organisation they do not belong to.
/// </summary>
public class Organisation
{
    public const int NameMaxLength = 150;
    public const int ContactNameMaxLength = 100;
    public const int ContactEmailMaxLength = 254;
    public const int ContactPhoneMaxLength = 30;
    public const int MaxQuotaHours = 744;

    /// <summary>The organisation every installation has: staff's own events and the municipality's blocks are in its name.</summary>
    public const string MunicipalityName = "Hamar kommune";

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string? ContactPhone { get; set; }

    /// <summary>Hours a month its members may request (pending and approved count); null = no limit.</summary>
    public int? MonthlyQuotaHours { get; set; }

    /// <summary>Hamar kommune itself: staff blocks and staff events are booked in its name.</summary>
    public bool IsMunicipality { get; set; }

    /// <summary>An organisation that no longer borrows the venue keeps its history but takes no new requests.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }

    public List<OrganisationMember> Members { get; set; } = [];

    public void Edit(OrganisationInput input, DateTime utcNow)
    {
        Name = input.Name;
        ContactName = input.ContactName;
        ContactEmail = input.ContactEmail;
        ContactPhone = input.ContactPhone;
        MonthlyQuotaHours = input.MonthlyQuotaHours;
        IsActive = input.IsActive;
        UpdatedAt = utcNow;
    }
}

/// <summary>An account that may act for an organisation (request the venue, run its events).</summary>
public class OrganisationMember
{
    public int OrganisationId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime AddedAt { get; set; }
}
