using System.Security.Cryptography;
using System.Text;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Accounts;

/// <summary>
/// A signed-in session, kept on the server (ASVS 3.3.1): the browser's cookie carries only a random key, and a
/// session exists exactly as long as its row does. Logging out deletes the row; a row whose security stamp is no longer
/// the account's (password, e-mail, roles or two-factor changed, account blocked) no longer counts; deleting the
/// account deletes its rows (foreign key). Every instance on the database sees the same rows.
/// </summary>
public class UserSession
{
    /// <summary>SHA-256 of the key in the cookie (hex): a copy of the database gives no usable session.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>The account's security stamp when the session started.</summary>
    public string SecurityStamp { get; set; } = "";
    /// <summary>The authentication ticket, serialised and encrypted with Data Protection by the web layer.</summary>
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>The rows behind <see cref="UserSession"/>; the web layer's ticket store calls these, each in a scope of its own.</summary>
public sealed class UserSessions(BylabDbContext db, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Stores a new session and returns the key for the cookie (256 random bits).</summary>
    public async Task<string> StartAsync(string userId, string securityStamp, byte[] ticket, DateTime expiresAt, CancellationToken ct = default)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.Add(new UserSession { Id = Hash(key), UserId = userId, SecurityStamp = securityStamp, Ticket = ticket, CreatedAt = Now, ExpiresAt = expiresAt });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The ticket of a live session, or null: unknown, expired, or its account's security stamp has changed since (then the row goes).</summary>
    public async Task<byte[]?> FindAsync(string key, CancellationToken ct = default)
    {
        var id = Hash(key);
        var now = Now;
        var row = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { s.Ticket, s.ExpiresAt, Live = db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp) })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        if (!row.Live || row.ExpiresAt <= now)
        {
            await EndAsync(key, ct);
            return null;
        }
        return row.Ticket;
    }

    /// <summary>
    /// A new ticket under the same key: a sliding renewal, or a sign-in during the session (after the person changed
    /// their password, the new ticket carries the new stamp, so this session lives on while the others end).
    /// False when the session has ended meanwhile.
    /// </summary>
    public async Task<bool> RenewAsync(string key, string userId, string securityStamp, byte[] ticket, DateTime expiresAt, CancellationToken ct = default)
    {
        var id = Hash(key);
        return await db.Set<UserSession>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UserId, userId).SetProperty(x => x.SecurityStamp, securityStamp)
                .SetProperty(x => x.Ticket, ticket).SetProperty(x => x.ExpiresAt, expiresAt), ct) == 1;
    }

    public async Task EndAsync(string key, CancellationToken ct = default)
    {
        var id = Hash(key);
        await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Ends every session of one person, on every instance.</summary>
    public Task<int> EndAllAsync(string userId, CancellationToken ct = default) =>
        db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Housekeeping: rows that expired or whose account's stamp has moved on (they already count for nothing).</summary>
    public Task<int> DeleteEndedAsync(CancellationToken ct = default)
    {
        var now = Now;
        return db.Set<UserSession>()
            .Where(s => s.ExpiresAt <= now || !db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp))
            .ExecuteDeleteAsync(ct);
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
