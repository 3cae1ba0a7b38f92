namespace Bylab.Core.Venue;

/// <summary>The kinds of things that occupy a venue; the web layer names them ("Conflict." + kind).</summary>
public static class VenueOccupantKinds
{
    public const string Event = "event";
    public const string Booking = "booking";
}

/// <summary>One thing, of one kind, in the calendar: the event being moved, say, which never conflicts with itself.</summary>
public sealed record VenueOccupantRef(string Kind, int Id);

/// <summary>Another use of the venue that overlaps the requested time.</summary>
/// <param name="Kind">One of <see cref="VenueOccupantKinds"/>.</param>
/// <param name="Title">What it is called where it is managed: an event's title, a booking's purpose.</param>
/// <param name="IsPublic">Its title is public anyway (a published event). A draft or a private booking shows only «taken» to others.</param>
/// <param name="OwnerId">The account that manages it, who may see its title.</param>
public sealed record VenueConflict(string Kind, int Id, string Title, DateTime StartsAt, DateTime EndsAt, bool IsPublic = true, string? OwnerId = null)
{
    /// <summary>The title, when <paramref name="viewerId"/> may see it (staff see all); null means «the venue is taken» and no more.</summary>
    public string? LabelFor(string? viewerId, bool viewerSeesAll) =>
        IsPublic || viewerSeesAll || (OwnerId is not null && OwnerId == viewerId) ? Title : null;
}

/// <summary>
/// One kind of thing that occupies venues. Events register theirs (Events/EventVenueOccupants); venue bookings
/// register another. The calendar asks them all, so each feature depends on Venue and Venue on none of them.
/// </summary>
public interface IVenueOccupantSource
{
    /// <summary>
    /// Its uses of <paramref name="venueId"/> that overlap [<paramref name="startsAt"/>, <paramref name="endsAt"/>).
    /// A source with buffers or with rooms inside rooms widens the interval or the venues it looks at itself.
    /// </summary>
    Task<IReadOnlyList<VenueConflict>> OverlappingAsync(int venueId, DateTime startsAt, DateTime endsAt, VenueOccupantRef? ignore,
        CancellationToken ct);
}

/// <summary>
/// Everything that occupies a venue over time: the one place that decides whether a slot is free. Today that is
/// events; the venue-booking issue adds its confirmed bookings as a second <see cref="IVenueOccupantSource"/>, and
/// events and bookings then check against this one calendar before they take a slot.
/// </summary>
/// <remarks>
/// Callers check inside a write transaction (BEGIN IMMEDIATE, which SQLite serialises), so two overlapping uses
/// cannot both be saved.
/// </remarks>
public sealed class VenueCalendar(IEnumerable<IVenueOccupantSource> sources)
{
    /// <summary>
    /// Uses of the venue that overlap [<paramref name="startsAt"/>, <paramref name="endsAt"/>), soonest first.
    /// Intervals are half-open, so one use may start the minute the previous one ends.
    /// </summary>
    /// <param name="ignore">The use being moved, which never conflicts with itself.</param>
    public async Task<IReadOnlyList<VenueConflict>> ConflictsAsync(int venueId, DateTime startsAt, DateTime endsAt, VenueOccupantRef? ignore,
        CancellationToken ct = default)
    {
        var all = new List<VenueConflict>();
        foreach (var source in sources)
        {
            all.AddRange(await source.OverlappingAsync(venueId, startsAt, endsAt, ignore, ct));
        }
        return all.OrderBy(c => c.StartsAt).ThenBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
    }
}
