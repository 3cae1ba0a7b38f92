using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Bylab.Core.Accounts;

/// <summary>
/// The first admin of a real installation: the person registers on the site as anyone would,
/// and whoever runs the server promotes them from the command line. There is no default admin password.
/// </summary>
public sealed class AdminBootstrap(UserManager<BylabUser> users, AuditLog audit, BylabDbContext db)
{
    public async Task<string> PromoteAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return $"No account with the e-mail address {email}. Register on the site first, then run this again.";
        }
        if (!user.EmailConfirmed)
        {
            return $"{email} has not confirmed the e-mail address yet.";
        }
        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return $"{email} is already an admin.";
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        await users.UpdateSecurityStampAsync(user);
        audit.Add(new Actor("system", "command line"), AuditActions.RolesChanged, "user", user.Id, $"{user.Email}: +[{Roles.Admin}] -[]");
        await db.SaveChangesAsync(ct);
        return $"{email} is now an admin and will be asked to set up two-factor authentication at the next login.";
    }
}
