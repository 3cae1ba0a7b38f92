namespace Bylab.Core.Venue;

/// <summary>A place that can be booked and where events happen. The Bylab itself is the first.</summary>
public class Venue
{
    public const int NameMaxLength = 150;
    public const string BylabSlug = "bylab";

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string StreetAddress { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";

    /// <summary>How many people the room holds; events and bookings are capped by it.</summary>
    public int Capacity { get; set; }

    public bool StepFreeAccess { get; set; }
    public bool HearingLoop { get; set; }
    public bool AccessibleToilet { get; set; }

    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    public List<OpeningHours> OpeningHours { get; set; } = [];
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
