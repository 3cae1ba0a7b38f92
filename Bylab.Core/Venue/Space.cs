namespace Bylab.Core.Venue;

/// <summary>What a space has; a request may ask only for what its space has.</summary>
[Flags]
public enum SpaceEquipment
{
    None = 0,
    Screen = 1,
    Sound = 2,
    Chairs = 4,
    Kitchen = 8,
    Whiteboard = 16,
    VideoMeeting = 32,
}

public static class SpaceEquipments
{
    /// <summary>Every kind of equipment there is.</summary>
    public static readonly SpaceEquipment All = Enum.GetValues<SpaceEquipment>().Aggregate(SpaceEquipment.None, (a, b) => a | b);

    /// <summary>The single kinds in <paramref name="set"/>, in declaration order.</summary>
    public static IReadOnlyList<SpaceEquipment> Each(SpaceEquipment set) =>
        Enum.GetValues<SpaceEquipment>().Where(e => e != SpaceEquipment.None && set.HasFlag(e)).ToList();
}

/// <summary>
/// A bookable part of a venue: the whole venue, the meeting room, the workshop area. Spaces nest (<see cref="ParentId"/>):
/// the whole venue contains the meeting room, so a booking of one blocks the other. Which spaces block which is kept
/// as pairs in <see cref="SpaceRelation"/>, so the database's overlap trigger can look it up.
/// </summary>
public class Space
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2_000;
    public const int MaxBufferMinutes = 240;
    public const int MaxLengthMinutes = 24 * 60;
    public const int MaxNoticeHours = 24 * 30;
    public const int MaxDaysAheadLimit = 730;
    public const int MaxCapacity = 10_000;

    public int Id { get; set; }
    public int VenueId { get; set; }
    public Venue? Venue { get; set; }
    /// <summary>The space this one is part of (the whole venue); null for the outermost.</summary>
    public int? ParentId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public int Capacity { get; set; }
    public SpaceEquipment Equipment { get; set; }

    /// <summary>Minutes before a booking the space is held for setting up (the door code works from then).</summary>
    public int SetupMinutes { get; set; }
    /// <summary>Minutes after a booking the space is held for cleaning.</summary>
    public int CleanupMinutes { get; set; }
    public int MinMinutes { get; set; } = 30;
    public int MaxMinutes { get; set; } = 8 * 60;
    /// <summary>A request must come at least this many hours before its start.</summary>
    public int MinNoticeHours { get; set; } = 48;
    /// <summary>A request may start at most this many days ahead.</summary>
    public int MaxDaysAhead { get; set; } = 180;
    /// <summary>Listed for requests; a space taken out of use keeps its bookings.</summary>
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }

    /// <summary>The interval the space is held for a booking of [start, end): setup before, cleaning after.</summary>
    public (DateTime From, DateTime Until) Blocked(DateTime startsAt, DateTime endsAt) =>
        (startsAt.AddMinutes(-SetupMinutes), endsAt.AddMinutes(CleanupMinutes));
}

/// <summary>
/// Spaces that cannot be used at the same time: every space with itself, and every space with each space that
/// contains it or that it contains. Rebuilt from <see cref="Space.ParentId"/> whenever spaces change.
/// </summary>
public class SpaceRelation
{
    public int SpaceId { get; set; }
    public int RelatedId { get; set; }
}
