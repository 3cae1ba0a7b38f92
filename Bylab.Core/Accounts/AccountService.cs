using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Accounts;

/// <summary>Everything Bylab keeps about one person, as they download it (GDPR art. 15 and 20).</summary>
public sealed record PersonalDataExport(
    DateTime ExportedAt,
    PersonalProfile Profile,
    IReadOnlyList<string> Roles,
    IReadOnlyList<ExportedAuditEntry> AdministrativeActions);

public sealed record PersonalProfile(string Id, string DisplayName, string Email, bool EmailConfirmed, string PreferredCulture,
    bool TwoFactorEnabled, DateTime CreatedAt, DateTime? LastLoginAt);

public sealed record ExportedAuditEntry(DateTime At, string Action, string? Details, bool PerformedByYou);

/// <summary>What a person does with their own account beyond what Identity offers.</summary>
public sealed class AccountService(BylabDbContext db, UserManager<BylabUser> users, AuditLog audit, TimeProvider time)
{
    public async Task<PersonalDataExport?> ExportAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        var auditRows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorId == userId || (a.TargetType == "user" && a.TargetId == userId))
            .OrderBy(a => a.At)
            .Select(a => new ExportedAuditEntry(a.At, a.Action, a.Details, a.ActorId == userId))
            .ToListAsync(ct);
        return new PersonalDataExport(
            time.GetUtcNow().UtcDateTime,
            new PersonalProfile(user.Id, user.DisplayName, user.Email ?? "", user.EmailConfirmed, user.PreferredCulture,
                user.TwoFactorEnabled, user.CreatedAt, user.LastLoginAt),
            roles.OrderBy(r => r).ToList(),
            auditRows);
    }

    /// <summary>
    /// Deletes the account and its personal data. What the person contributed stays, with the author
    /// removed (foreign keys to the user are set to null); the audit log keeps the id but loses the name.
    /// </summary>
    public async Task<bool> DeleteAsync(string userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.AuditEntries.Where(a => a.ActorId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, (string?)null), ct);
        await db.AuditEntries.Where(a => a.TargetType == "user" && a.TargetId == userId && a.Details != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, (string?)null), ct);
        audit.Add(new Actor(userId, null), AuditActions.UserDeletedOwnAccount, "user", userId);
        await db.SaveChangesAsync(ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        await tx.CommitAsync(ct);
        return true;
    }
}
