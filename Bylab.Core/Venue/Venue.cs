namespace Bylab.Core.Venue;

/// <summary>A place that can be booked and where events happen. The Bylab itself is the first.</summary>
public class Venue
{
    public const int NameMaxLength = 150;
    public const int StreetAddressMaxLength = 200;
    public const int PostalCodeMaxLength = 10;
    public const int CityMaxLength = 100;
    public const int TextMaxLength = 4_000;
    public const int ContactPersonMaxLength = 200;
    public const int ContactEmailMaxLength = 254;
    public const int ContactPhoneMaxLength = 30;
    public const string BylabSlug = "bylab";

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string StreetAddress { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";

    /// <summary>How many people the room holds; events and bookings are capped by it.</summary>
    public int Capacity { get; set; }

    /// <summary>What the venue is, for the page about borrowing it (plain text, paragraphs).</summary>
    public string Description { get; set; } = "";

    public bool StepFreeAccess { get; set; }
    public bool HearingLoop { get; set; }
    public bool AccessibleToilet { get; set; }
    /// <summary>Accessibility beyond the three facts above: parking, doors, lighting (plain text).</summary>
    public string AccessibilityInfo { get; set; } = "";

    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>For approved borrowers only (the approval mail and the booking's page): how to get in – keys, the door.</summary>
    public string AccessInstructions { get; set; } = "";
    /// <summary>For approved borrowers: whom to call while they are there.</summary>
    public string ContactPerson { get; set; } = "";
    /// <summary>For approved borrowers: what to tidy before leaving.</summary>
    public string TidyingInstructions { get; set; } = "";

    /// <summary>Norwegian public holidays are closed days (<see cref="NorwegianHolidays"/>).</summary>
    public bool ClosedOnPublicHolidays { get; set; } = true;

    /// <summary>When the venue is staffed and open to drop in (the front page and the footer).</summary>
    public List<OpeningHours> OpeningHours { get; set; } = [];
    /// <summary>When the venue may be borrowed: requests must lie inside these hours of their day.</summary>
    public List<LendingHours> LendingHours { get; set; } = [];
    public List<VenueClosure> Closures { get; set; } = [];
    public List<Space> Spaces { get; set; } = [];
}

/// <summary>When the venue is staffed and open to drop in, one row per weekday it opens.</summary>
public class OpeningHours
{
    public int Id { get; set; }
    public int VenueId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

/// <summary>When the venue may be borrowed on a weekday (evenings included); a weekday without a row is not lent.</summary>
public class LendingHours
{
    public int Id { get; set; }
    public int VenueId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

public enum ClosureKind
{
    /// <summary>A day or a few: a staff seminar, maintenance.</summary>
    OneOff,
    /// <summary>The summer closing.</summary>
    Summer,
}

/// <summary>Days the venue is closed besides the public holidays, first and last day included.</summary>
public class VenueClosure
{
    public const int ReasonMaxLength = 150;

    public int Id { get; set; }
    public int VenueId { get; set; }
    public ClosureKind Kind { get; set; }
    public DateOnly FirstDate { get; set; }
    public DateOnly LastDate { get; set; }
    public string Reason { get; set; } = "";

    public bool Covers(DateOnly date) => FirstDate <= date && date <= LastDate;
}
