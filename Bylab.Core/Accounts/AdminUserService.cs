using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Accounts;

public enum RoleChangeResult { Updated, Unchanged, NotFound, UnknownRole, LastAdmin }

public enum LockResult { Done, NotFound, OwnAccount }

/// <param name="LockedOut">Cannot log in now: blocked by an admin, or locked for a while after wrong codes.</param>
/// <param name="Blocked">Blocked by an admin (until unblocked, <see cref="BylabUser.IsBlockedByAdmin"/>), as opposed to a lock that ends by itself.</param>
public sealed record UserSummary(string Id, string DisplayName, string Email, bool EmailConfirmed, bool TwoFactorEnabled, bool LockedOut, DateTime CreatedAt, IReadOnlyList<string> Roles,
    bool Blocked = false);

/// <summary>What an admin does to other people's accounts. Every change is written to the audit log in the same transaction.</summary>
public sealed class AdminUserService(BylabDbContext db, UserManager<BylabUser> users, AuditLog audit, UserSessions sessions, TimeProvider time)
{
    public const int PageSize = 25;

    public async Task<Paged<UserSummary>> ListAsync(string? search, string? role, int page, CancellationToken ct = default)
    {
        page = Paged<UserSummary>.Clamp(page);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(s) || u.DisplayName.ToUpper().Contains(s));
        }
        if (!string.IsNullOrWhiteSpace(role) && Roles.IsKnown(role))
        {
            var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }
        var total = await query.CountAsync(ct);
        var now = time.GetUtcNow();
        var rows = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd, u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        var items = rows.Select(u => new UserSummary(u.Id, u.DisplayName, u.Email ?? "", u.EmailConfirmed, u.TwoFactorEnabled,
            u.LockoutEnd > now, u.CreatedAt, u.Roles.OrderBy(r => r).ToList(), u.LockoutEnd == DateTimeOffset.MaxValue)).ToList();
        return new Paged<UserSummary>(items, page, PageSize, total);
    }

    public async Task<UserSummary?> FindAsync(string userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        return new UserSummary(user.Id, user.DisplayName, user.Email ?? "", user.EmailConfirmed, user.TwoFactorEnabled,
            user.LockoutEnd > time.GetUtcNow(), user.CreatedAt, roles.OrderBy(r => r).ToList(), user.IsBlockedByAdmin);
    }

    public async Task<RoleChangeResult> SetRolesAsync(Actor actor, string userId, IReadOnlyCollection<string> wanted, CancellationToken ct = default)
    {
        if (wanted.Any(r => !Roles.IsKnown(r)))
        {
            return RoleChangeResult.UnknownRole;
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return RoleChangeResult.NotFound;
        }
        var current = await users.GetRolesAsync(user);
        var toAdd = wanted.Except(current).ToList();
        var toRemove = current.Except(wanted).ToList();
        if (toAdd.Count == 0 && toRemove.Count == 0)
        {
            return RoleChangeResult.Unchanged;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (toRemove.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return RoleChangeResult.LastAdmin;
        }
        Check(await users.AddToRolesAsync(user, toAdd));
        Check(await users.RemoveFromRolesAsync(user, toRemove));
        // A new security stamp, and every session ended: a removed role stops working at once, on every instance.
        Check(await users.UpdateSecurityStampAsync(user));
        await sessions.EndAllAsync(user.Id, ct);
        audit.Add(actor, AuditActions.RolesChanged, "user", user.Id,
            $"{user.Email}: +[{string.Join(", ", toAdd)}] -[{string.Join(", ", toRemove)}]");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RoleChangeResult.Updated;
    }

    public async Task<LockResult> SetLockedAsync(Actor actor, string userId, bool locked, CancellationToken ct = default)
    {
        if (userId == actor.UserId)
        {
            return LockResult.OwnAccount;
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return LockResult.NotFound;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (locked)
        {
            Check(await users.UpdateSecurityStampAsync(user));
            await sessions.EndAllAsync(user.Id, ct);
        }
        else if (user.Email is not null)
        {
            // Unblocking also lifts a lock that failed passwords put on the address.
            var key = LoginThrottles.AddressKey(user.Email);
            await db.Set<LoginThrottle>().Where(t => t.Key == key).ExecuteDeleteAsync(ct);
        }
        audit.Add(actor, locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, "user", user.Id, user.Email);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return LockResult.Done;
    }

    /// <summary>
    /// For someone who lost their authenticator: a new key, two-factor off and a new security stamp, so every
    /// session ends and the person sets up an authenticator again at the next login. False when there is no such user.
    /// </summary>
    public async Task<bool> ResetTwoFactorAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.UpdateSecurityStampAsync(user));
        await sessions.EndAllAsync(user.Id, ct);
        audit.Add(actor, AuditActions.TwoFactorReset, "user", user.Id, user.Email);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Description)));
        }
    }
}
