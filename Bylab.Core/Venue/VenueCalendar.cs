namespace Bylab.Core.Venue;

/// <summary>The kinds of things that occupy a venue; the web layer names them ("Conflict." + kind).</summary>
public static class VenueOccupantKinds
{
    public const string Event = "event";
    public const string Booking = "booking";
}

/// <summary>One thing, of one kind, in the calendar: the event being moved, say, which never conflicts with itself.</summary>
public sealed record VenueOccupantRef(string Kind, int Id);

/// <summary>
/// A time asked for at a venue: the space (null = every space of the venue, as the calendar pages ask) and the interval
/// it would be held, buffers for setup and cleaning already added.
/// </summary>
public sealed record VenueSlot(int VenueId, int? SpaceId, DateTime From, DateTime Until);

/// <summary>Who looks at the calendar: their account, whether they see everything (staff), and the organisations they act for.</summary>
public sealed record VenueViewer(string? UserId, bool SeesAll, IReadOnlySet<int> OrganisationIds)
{
    public static readonly VenueViewer Anonymous = new(null, false, new HashSet<int>());
}

/// <summary>Another use of the venue that overlaps the requested time.</summary>
/// <param name="Kind">One of <see cref="VenueOccupantKinds"/>.</param>
/// <param name="Title">What it is called where it is managed: an event's title, a booking's purpose.</param>
/// <param name="StartsAt">When the use itself starts (UTC), buffers not counted.</param>
/// <param name="IsPublic">Its title is public anyway (a published event, a booking open to the public). Anything else shows only «taken» to others.</param>
/// <param name="OwnerId">The account that manages it, who may see its title.</param>
public sealed record VenueConflict(string Kind, int Id, string Title, DateTime StartsAt, DateTime EndsAt, bool IsPublic = true, string? OwnerId = null)
{
    /// <summary>The organisation it is for: its members may see the title.</summary>
    public int? OrganisationId { get; init; }
    public string? OrganisationName { get; init; }
    /// <summary>The space it holds (null for a use of the whole venue that knows no spaces).</summary>
    public int? SpaceId { get; init; }
    /// <summary>
    /// The use this one holds its slot through – an event held through its booking. The calendar shows the event
    /// and not the booking under it, and a caller moving the booking is not stopped by the event it carries.
    /// </summary>
    public VenueOccupantRef? HeldThrough { get; init; }
    /// <summary>The interval the use holds its space, setup and cleaning included (its own times when it has no buffers).</summary>
    public DateTime HeldFrom { get => _heldFrom ?? StartsAt; init => _heldFrom = value; }
    public DateTime HeldUntil { get => _heldUntil ?? EndsAt; init => _heldUntil = value; }

    private readonly DateTime? _heldFrom;
    private readonly DateTime? _heldUntil;

    public VenueOccupantRef Ref => new(Kind, Id);

    /// <summary>The title, when <paramref name="viewerId"/> may see it (staff see all); null means «the venue is taken» and no more.</summary>
    public string? LabelFor(string? viewerId, bool viewerSeesAll) =>
        IsPublic || viewerSeesAll || (OwnerId is not null && OwnerId == viewerId) ? Title : null;

    /// <summary>As <see cref="LabelFor(string?, bool)"/>; members of the organisation it is for see its title too.</summary>
    public string? LabelFor(VenueViewer viewer) =>
        LabelFor(viewer.UserId, viewer.SeesAll) ?? (OrganisationId is { } org && viewer.OrganisationIds.Contains(org) ? Title : null);
}

/// <summary>
/// One kind of thing that occupies venues. Bookings register theirs (Bookings/BookingVenueOccupants), and events
/// theirs (Events/EventVenueOccupants: an event is held through a booking). The calendar asks them all, so each
/// feature depends on Venue and Venue on none of them.
/// </summary>
public interface IVenueOccupantSource
{
    /// <summary>
    /// Its uses that hold a space of <paramref name="slot"/>'s venue – the slot's space or a space that contains it or
    /// that it contains – at some time in [<see cref="VenueSlot.From"/>, <see cref="VenueSlot.Until"/>), buffers counted.
    /// </summary>
    Task<IReadOnlyList<VenueConflict>> OverlappingAsync(VenueSlot slot, VenueOccupantRef? ignore, CancellationToken ct);
}

/// <summary>
/// Everything that occupies a venue over time: the one place that decides whether a slot is free, and what the
/// calendar pages show.
/// </summary>
/// <remarks>
/// Callers check inside a write transaction (BEGIN IMMEDIATE, which SQLite serialises), so two overlapping uses
/// cannot both be saved; the bookings table's trigger refuses an overlap that gets past the code all the same.
/// </remarks>
public sealed class VenueCalendar(IEnumerable<IVenueOccupantSource> sources)
{
    /// <summary>
    /// Uses that overlap the slot, soonest first. Intervals are half-open, so one use may start the minute the previous
    /// one's held time ends. A use held through another replaces it (an event stands for its booking).
    /// </summary>
    /// <param name="ignore">The use being moved, which never conflicts with itself (nor with what it carries).</param>
    public async Task<IReadOnlyList<VenueConflict>> ConflictsAsync(VenueSlot slot, VenueOccupantRef? ignore, CancellationToken ct = default)
    {
        var all = new List<VenueConflict>();
        foreach (var source in sources)
        {
            all.AddRange(await source.OverlappingAsync(slot, ignore, ct));
        }
        var carried = all.Where(c => c.HeldThrough is not null).Select(c => c.HeldThrough!).ToHashSet();
        return all
            .Where(c => !carried.Contains(c.Ref) && (ignore is null || c.HeldThrough != ignore))
            .OrderBy(c => c.StartsAt).ThenBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Id)
            .ToList();
    }

    /// <summary>Every use of the venue, in any space, that overlaps [<paramref name="startsAt"/>, <paramref name="endsAt"/>).</summary>
    public Task<IReadOnlyList<VenueConflict>> ConflictsAsync(int venueId, DateTime startsAt, DateTime endsAt, VenueOccupantRef? ignore,
        CancellationToken ct = default) =>
        ConflictsAsync(new VenueSlot(venueId, null, startsAt, endsAt), ignore, ct);
}
