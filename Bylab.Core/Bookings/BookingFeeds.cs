using System.Security.Cryptography;
using System.Text;
using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Bookings;

/// <summary>
/// A staff member's private calendar feed of the whole venue. Only the token's hash is stored: the link is shown once,
/// when it is made, and a leaked database gives away no working link. Revoked, it stops at once.
/// </summary>
public class StaffFeedToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>One booking as a calendar feed lists it.</summary>
public sealed record FeedBooking(int Id, string Title, string SpaceName, string OrganisationName, DateTime StartsAt, DateTime EndsAt, int Sequence,
    bool IsEvent);

/// <summary>The venue's calendar feeds: the public one (bookings open to the public) and the staff one (everything approved).</summary>
public sealed class BookingFeeds(BylabDbContext db, TimeProvider time, AuditLog audit, Venue.VenueCalendar calendar, IOptions<BookingOptions> options)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A new feed link for the staff member; the token is returned once and never again.</summary>
    public async Task<string> CreateTokenAsync(string userId, CancellationToken ct = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.StaffFeedTokens.Add(new StaffFeedToken { UserId = userId, TokenHash = Hash(token), CreatedAt = Now });
        audit.Add(await audit.ActorAsync(userId, ct), BookingAuditActions.FeedCreated, "user", userId);
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Every feed link of the person stops working.</summary>
    public async Task<int> RevokeAsync(string userId, CancellationToken ct = default)
    {
        var now = Now;
        var revoked = await db.StaffFeedTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        if (revoked > 0)
        {
            audit.Add(await audit.ActorAsync(userId, ct), BookingAuditActions.FeedRevoked, "user", userId, revoked.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
        }
        return revoked;
    }

    public Task<List<StaffFeedToken>> TokensAsync(string userId, CancellationToken ct = default) =>
        db.StaffFeedTokens.AsNoTracking().Where(t => t.UserId == userId && t.RevokedAt == null).OrderBy(t => t.CreatedAt).ToListAsync(ct);

    /// <summary>
    /// Whether the token is a live feed link of someone who is still staff (a person who lost the role loses the feed);
    /// unknown or malformed tokens are not looked up.
    /// </summary>
    public async Task<bool> IsValidAsync(string? token, CancellationToken ct = default)
    {
        if (token is not { Length: 43 } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }
        var hash = Hash(token);
        string[] staff = [Roles.Staff, Roles.Admin];
        var feed = await db.StaffFeedTokens.Where(t => t.TokenHash == hash && t.RevokedAt == null
                && db.UserRoles.Any(ur => ur.UserId == t.UserId && db.Roles.Any(r => r.Id == ur.RoleId && staff.Contains(r.Name!))))
            .SingleOrDefaultAsync(ct);
        if (feed is null)
        {
            return false;
        }
        feed.LastUsedAt = Now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// What holds the venue from <see cref="BookingOptions.FeedDaysBack"/> days ago to <see cref="BookingOptions.FeedDaysAhead"/>
    /// days ahead – approved bookings, and the events held through them under their own titles – from the venue
    /// calendar; with <paramref name="publicOnly"/>, only what is public (open bookings, published events).
    /// </summary>
    public async Task<List<FeedBooking>> BookingsAsync(bool publicOnly, CancellationToken ct = default)
    {
        var from = Now.AddDays(-options.Value.FeedDaysBack);
        var until = Now.AddDays(options.Value.FeedDaysAhead);
        var spaces = await db.Spaces.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var occupants = new List<Venue.VenueConflict>();
        foreach (var venueId in await db.Venues.AsNoTracking().Select(v => v.Id).ToListAsync(ct))
        {
            occupants.AddRange(await calendar.ConflictsAsync(venueId, from, until, null, ct));
        }
        var shown = occupants.Where(o => !publicOnly || o.IsPublic).ToList();
        var bookingIds = shown.Select(o => o.HeldThrough?.Id ?? o.Id).ToList();
        var sequences = await db.Bookings.AsNoTracking().Where(b => bookingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Sequence, ct);
        return shown.Select(o =>
        {
            var bookingId = o.HeldThrough?.Id ?? o.Id;
            return new FeedBooking(bookingId, o.Title, o.SpaceId is { } s && spaces.TryGetValue(s, out var name) ? name : "",
                o.OrganisationName ?? "", o.StartsAt, o.EndsAt, sequences.GetValueOrDefault(bookingId), o.Kind == Venue.VenueOccupantKinds.Event);
        }).ToList();
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
