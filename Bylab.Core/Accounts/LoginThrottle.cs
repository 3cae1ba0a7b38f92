using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Accounts;

/// <summary>Failed password attempts against one key (an address from unknown browsers, or one browser of a person).</summary>
public class LoginThrottle
{
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTime FirstFailureAt { get; set; }
    public DateTime? LockedUntil { get; set; }
}

/// <summary>
/// Counts failed logins and locks the key after <see cref="MaxFailures"/> within <see cref="Duration"/>, for
/// <see cref="Duration"/>. Only failures count: a correct password resets its key and is never refused because of
/// others' guesses at it. Keys are an e-mail address as typed from browsers the person has not signed in with
/// (<see cref="AddressKey"/>: the same for addresses with and without an account, so the answers are alike) and,
/// for a browser the person has signed in with before, that browser of that person (<see cref="DeviceKey"/>).
/// So a stranger who guesses at someone's address locks out strangers, not the person (OWASP's device cookies);
/// the person on a browser they never used is locked out with the strangers and can reset the password by e-mail.
/// Rows live in the database, so every instance counts the same failures.
/// </summary>
public sealed class LoginThrottles(BylabDbContext db, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
    public const int KeyMaxLength = 320;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static string AddressKey(string email) => "address:" + email.Trim().ToUpperInvariant();

    public static string DeviceKey(string deviceId, string userId) => $"device:{deviceId}:{userId}";

    public async Task<bool> IsLockedAsync(string key, CancellationToken ct = default)
    {
        var now = Now;
        key = Clip(key);
        return await db.Set<LoginThrottle>().AnyAsync(t => t.Key == key && t.LockedUntil > now, ct);
    }

    /// <summary>Counts one failure; true when the key is locked now.</summary>
    public async Task<bool> RecordFailureAsync(string key, CancellationToken ct = default)
    {
        key = Clip(key);
        var now = Now;
        // BEGIN IMMEDIATE on SQLite: two failures at once on two instances are both counted.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Set<LoginThrottle>().SingleOrDefaultAsync(t => t.Key == key, ct);
        if (row is null)
        {
            row = new LoginThrottle { Key = key, FirstFailureAt = now };
            db.Add(row);
        }
        else if (row.FirstFailureAt + Duration <= now && !(row.LockedUntil > now))
        {
            // An old window: start counting again.
            row.Failures = 0;
            row.FirstFailureAt = now;
            row.LockedUntil = null;
        }
        row.Failures++;
        if (row.Failures >= MaxFailures && !(row.LockedUntil > now))
        {
            row.LockedUntil = now + Duration;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row.LockedUntil > now;
    }

    /// <summary>A correct password (or a password reset) clears its key.</summary>
    public Task ResetAsync(string key, CancellationToken ct = default)
    {
        key = Clip(key);
        return db.Set<LoginThrottle>().Where(t => t.Key == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>Housekeeping: keys whose window and lock are both over.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken ct = default)
    {
        var cutoff = Now - Duration;
        var now = Now;
        return db.Set<LoginThrottle>().Where(t => t.FirstFailureAt <= cutoff && (t.LockedUntil == null || t.LockedUntil <= now)).ExecuteDeleteAsync(ct);
    }

    private static string Clip(string key) => key.Length <= KeyMaxLength ? key : key[..KeyMaxLength];
}
