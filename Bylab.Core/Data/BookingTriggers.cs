namespace Bylab.Core.Data;

/// <summary>
/// The database's own guarantee that no two approved bookings hold related spaces at once (a space and itself, a space
/// and one that contains it or that it contains – <see cref="Venue.SpaceRelation"/>), buffers counted: the stored held
/// interval [BlockStartsAt, BlockEndsAt) is compared as plain values. A write that gets past the services – a bug, a
/// second instance, a hand-written UPDATE – is refused with <see cref="Bookings.Booking.OverlapError"/>.
/// </summary>
/// <remarks>
/// Created by the migration and again at every start-up (IF NOT EXISTS): an EF Core migration that rebuilds the
/// Bookings table on SQLite drops its triggers, and this way they come back before the first request.
/// </remarks>
public static class BookingTriggers
{
    public const string InsertName = "TR_Bookings_NoOverlap_Insert";
    public const string UpdateName = "TR_Bookings_NoOverlap_Update";

    public const string Create = $"""
        CREATE TRIGGER IF NOT EXISTS {InsertName} BEFORE INSERT ON Bookings
        WHEN NEW.Status = 'Approved'
        BEGIN
            SELECT RAISE(ABORT, '{Bookings.Booking.OverlapError}')
            WHERE EXISTS (
                SELECT 1 FROM SpaceRelations r JOIN Bookings b ON b.SpaceId = r.RelatedId
                WHERE r.SpaceId = NEW.SpaceId AND b.Status = 'Approved'
                  AND b.BlockStartsAt < NEW.BlockEndsAt AND b.BlockEndsAt > NEW.BlockStartsAt);
        END;
        CREATE TRIGGER IF NOT EXISTS {UpdateName} BEFORE UPDATE OF Status, SpaceId, BlockStartsAt, BlockEndsAt ON Bookings
        WHEN NEW.Status = 'Approved'
        BEGIN
            SELECT RAISE(ABORT, '{Bookings.Booking.OverlapError}')
            WHERE EXISTS (
                SELECT 1 FROM SpaceRelations r JOIN Bookings b ON b.SpaceId = r.RelatedId
                WHERE r.SpaceId = NEW.SpaceId AND b.Status = 'Approved' AND b.Id <> NEW.Id
                  AND b.BlockStartsAt < NEW.BlockEndsAt AND b.BlockEndsAt > NEW.BlockStartsAt);
        END;
        """;

    public const string Drop = $"""
        DROP TRIGGER IF EXISTS {InsertName};
        DROP TRIGGER IF EXISTS {UpdateName};
        """;
}
