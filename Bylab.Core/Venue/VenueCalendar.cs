using Bylab.Core.Data;
using Bylab.Core.Events;

namespace Bylab.Core.Venue;

/// <summary>
/// Everything that occupies a venue over time. Today that is events; the venue-booking issue adds confirmed
/// bookings here, and both events and bookings check against this one calendar before they take a slot.
/// </summary>
public sealed class VenueCalendar(BylabDbContext db)
{
}
