using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Bookings;

/// <summary>Saving a change the database's overlap trigger may refuse (<see cref="Booking.OverlapError"/>).</summary>
public static class BookingSaving
{
    /// <summary>Saves; false (and the change detached) when the trigger refused an overlapping approved booking.</summary>
    public static async Task<bool> TrySaveAsync(BylabDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsOverlap(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Saves; null when saved, else what holds the space, read again after the trigger refused an overlapping approved
    /// booking that got past the service's check (the change is detached), so the answer names the conflict all the same.
    /// </summary>
    public static async Task<IReadOnlyList<VenueConflict>?> SaveOrConflictsAsync(BylabDbContext db, BookingChecks checks, Space space,
        DateTime startsAt, DateTime endsAt, VenueOccupantRef? self, CancellationToken ct) =>
        await TrySaveAsync(db, ct) ? null : await checks.ConflictsAsync(space, startsAt, endsAt, self, ct);

    public static bool IsOverlap(Exception e) =>
        (e.InnerException?.Message ?? e.Message).Contains(Booking.OverlapError, StringComparison.Ordinal);
}
