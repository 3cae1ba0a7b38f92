using System.Security.Cryptography;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Bookings;

/// <summary>A booking's code for the venue's door, valid in [<paramref name="ValidFrom"/>, <paramref name="ValidUntil"/>) UTC.</summary>
public sealed record DoorCodeView(string Code, DateTime ValidFrom, DateTime ValidUntil);

/// <summary>What the door answers for a code at a time: valid or not, and, when valid, for which booking.</summary>
public sealed record DoorCheck(bool Valid, int? BookingId = null, DateTime? ValidFrom = null, DateTime? ValidUntil = null);

/// <summary>
/// The venue's door lock. Approved bookings get a code valid from their start minus the setup buffer to their end;
/// a moved booking's code moves, a cancelled one's stops. The shipped lock (<see cref="DatabaseDoorLock"/>) keeps the
/// codes in the database and answers staff's «is this code valid now?»; a real lock integration (Inlet, Salto …)
/// implements this interface instead. Every method runs in the caller's unit of work, so a code changes together
/// with its booking.
/// </summary>
public interface IDoorLock
{
    /// <summary>A code for an approved booking (a new one, or the one it has with its validity moved along).</summary>
    Task<DoorCodeView> IssueAsync(Booking booking, CancellationToken ct);

    /// <summary>The booking's code stops working.</summary>
    Task RevokeAsync(int bookingId, DateTime utcNow, CancellationToken ct);

    /// <summary>The booking's code, if it has one that is not revoked.</summary>
    Task<DoorCodeView?> ForBookingAsync(int bookingId, CancellationToken ct);

    /// <summary>Whether <paramref name="code"/> opens the venue's door at <paramref name="atUtc"/>.</summary>
    Task<DoorCheck> CheckAsync(int venueId, string code, DateTime atUtc, CancellationToken ct);
}

/// <summary>A code as stored by <see cref="DatabaseDoorLock"/>.</summary>
public class DoorCode
{
    public const int Length = 6;

    public int Id { get; set; }
    public int BookingId { get; set; }
    public int VenueId { get; set; }
    public string Code { get; set; } = "";
    public DateTime ValidFrom { get; set; }
    public DateTime ValidUntil { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Digits only, as a keypad takes them; spaces and dashes typed by people are dropped.</summary>
    public static string? Normalize(string? typed)
    {
        var digits = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return digits.Length == Length && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}

/// <summary>The door lock shipped with Bylab: codes in the database, checked by staff at /admin/lokale/dor.</summary>
public sealed class DatabaseDoorLock(BylabDbContext db, TimeProvider time) : IDoorLock
{
    public async Task<DoorCodeView> IssueAsync(Booking booking, CancellationToken ct)
    {
        var space = booking.Space ?? await db.Spaces.AsNoTracking().SingleAsync(s => s.Id == booking.SpaceId, ct);
        var (from, until) = (booking.StartsAt.AddMinutes(-space.SetupMinutes), booking.EndsAt);
        if (booking.Id == 0)
        {
            throw new InvalidOperationException("Save the booking before issuing its door code.");
        }
        var code = await db.DoorCodes.SingleOrDefaultAsync(c => c.BookingId == booking.Id, ct);
        if (code is null)
        {
            code = new DoorCode { BookingId = booking.Id, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.DoorCodes.Add(code);
        }
        code.VenueId = space.VenueId;
        code.ValidFrom = from;
        code.ValidUntil = until;
        code.RevokedAt = null;
        // A code no other live code shares while both are valid, so the door knows whose it is.
        if (code.Code.Length == 0 || await TakenAsync(code, ct))
        {
            do
            {
                code.Code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
            }
            while (await TakenAsync(code, ct));
        }
        return new DoorCodeView(code.Code, from, until);
    }

    public async Task RevokeAsync(int bookingId, DateTime utcNow, CancellationToken ct)
    {
        if (await db.DoorCodes.SingleOrDefaultAsync(c => c.BookingId == bookingId, ct) is { } code)
        {
            code.RevokedAt ??= utcNow;
        }
    }

    public Task<DoorCodeView?> ForBookingAsync(int bookingId, CancellationToken ct) =>
        db.DoorCodes.AsNoTracking().Where(c => c.BookingId == bookingId && c.RevokedAt == null)
            .Select(c => new DoorCodeView(c.Code, c.ValidFrom, c.ValidUntil)).SingleOrDefaultAsync(ct);

    public async Task<DoorCheck> CheckAsync(int venueId, string code, DateTime atUtc, CancellationToken ct)
    {
        if (DoorCode.Normalize(code) is not { } digits)
        {
            return new DoorCheck(false);
        }
        var hit = await db.DoorCodes.AsNoTracking()
            .Where(c => c.VenueId == venueId && c.Code == digits && c.RevokedAt == null && c.ValidFrom <= atUtc && c.ValidUntil > atUtc)
            .Join(db.Bookings.Where(b => b.Status == BookingStatus.Approved), c => c.BookingId, b => b.Id, (c, b) => c)
            .FirstOrDefaultAsync(ct);
        return hit is null ? new DoorCheck(false) : new DoorCheck(true, hit.BookingId, hit.ValidFrom, hit.ValidUntil);
    }

    /// <summary>Another live code with the same digits at the same door while this one is valid (saved, or added in this unit of work).</summary>
    private async Task<bool> TakenAsync(DoorCode code, CancellationToken ct) =>
        db.DoorCodes.Local.Any(c => !ReferenceEquals(c, code) && Clashes(c, code))
        || await db.DoorCodes.AnyAsync(c => c.Id != code.Id && c.VenueId == code.VenueId && c.Code == code.Code && c.RevokedAt == null
            && c.ValidFrom < code.ValidUntil && c.ValidUntil > code.ValidFrom, ct);

    private static bool Clashes(DoorCode a, DoorCode b) =>
        a.VenueId == b.VenueId && a.Code == b.Code && a.RevokedAt == null && a.ValidFrom < b.ValidUntil && a.ValidUntil > b.ValidFrom;
}
