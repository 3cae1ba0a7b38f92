using System.Security.Cryptography;
using System.Text;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Accounts;

/// <summary>
/// An admin's permission for one staff account to set up its first authenticator. A staff, moderator or admin account
/// without two-factor cannot enrol with its password alone (whoever learned the password could enrol their own phone);
/// it needs this link as well, sent to the account's address. Used once, valid for <see cref="TwoFactorEnrolments.Lifetime"/>.
/// </summary>
public class TwoFactorEnrolment
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>SHA-256 of the token in the link (hex).</summary>
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public string? CreatedById { get; set; }
}

public enum EnrolmentLinkResult { Created, NotFound, AlreadyEnrolled }

/// <summary>Enrolment links: made by an admin (or the command line for the first admin), checked and used by the setup page. Audited.</summary>
public sealed class TwoFactorEnrolments(BylabDbContext db, AuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Where the link leads (the web layer's setup page reads <c>lenke</c>).</summary>
    public static string LinkPath(string token) => "/min-side/tofaktor/aktiver?lenke=" + Uri.EscapeDataString(token);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A new link for the account; earlier unused links of it stop working. The token is returned once, to be mailed.</summary>
    public async Task<(EnrolmentLinkResult Result, string? Token, BylabUser? User)> CreateAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return (EnrolmentLinkResult.NotFound, null, null);
        }
        if (user.TwoFactorEnabled)
        {
            return (EnrolmentLinkResult.AlreadyEnrolled, null, user);
        }
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<TwoFactorEnrolment>().Where(e => e.UserId == userId && e.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, now), ct);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.Add(new TwoFactorEnrolment { UserId = userId, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime, CreatedById = actor.UserId });
        audit.Add(actor, AuditActions.TwoFactorEnrolmentLinkSent, "user", userId, user.Email);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (EnrolmentLinkResult.Created, token, user);
    }

    /// <summary>True while the link belongs to the account, is unused and has not expired.</summary>
    public async Task<bool> IsValidAsync(string userId, string? token, CancellationToken ct = default)
    {
        if (!LooksLikeToken(token))
        {
            return false;
        }
        var hash = Hash(token!);
        var now = Now;
        return await db.Set<TwoFactorEnrolment>().AnyAsync(e => e.TokenHash == hash && e.UserId == userId && e.UsedAt == null && e.ExpiresAt > now, ct);
    }

    /// <summary>Marks the link used (one conditional UPDATE: two tabs cannot both use it) and audits the enrolment. False if it was not valid.</summary>
    public async Task<bool> UseAsync(string userId, string? token, CancellationToken ct = default)
    {
        if (!LooksLikeToken(token))
        {
            return false;
        }
        var hash = Hash(token!);
        var now = Now;
        var used = await db.Set<TwoFactorEnrolment>()
            .Where(e => e.TokenHash == hash && e.UserId == userId && e.UsedAt == null && e.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UsedAt, now), ct);
        if (used == 1)
        {
            audit.Add(new Actor(userId, await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)),
                AuditActions.TwoFactorEnrolled, "user", userId);
            await db.SaveChangesAsync(ct);
        }
        return used == 1;
    }

    /// <summary>Housekeeping: links that expired or were used more than a day ago.</summary>
    public Task<int> DeleteOldAsync(CancellationToken ct = default)
    {
        var cutoff = Now - TimeSpan.FromDays(1);
        return db.Set<TwoFactorEnrolment>().Where(e => e.ExpiresAt <= cutoff || e.UsedAt <= cutoff).ExecuteDeleteAsync(ct);
    }

    private static bool LooksLikeToken(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
