using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Accounts;

/// <summary>
/// The first admin of a real installation: the person registers on the site as anyone would,
/// and whoever runs the server promotes them from the command line. There is no default admin password.
/// An admin needs two factors, and a staff account gets its first authenticator only through an enrolment link, so the
/// command prints one: the person at the server's console hands it to the new admin.
/// </summary>
public sealed class AdminBootstrap(UserManager<BylabUser> users, AuditLog audit, BylabDbContext db, TwoFactorEnrolments enrolments, IOptions<SiteOptions> site)
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
        var system = new Actor("system", "command line");
        await users.AddToRoleAsync(user, Roles.Admin);
        await users.UpdateSecurityStampAsync(user);
        audit.Add(system, AuditActions.RolesChanged, "user", user.Id, $"{user.Email}: +[{Roles.Admin}] -[]");
        await db.SaveChangesAsync(ct);
        if (user.TwoFactorEnabled)
        {
            return $"{email} is now an admin.";
        }
        var (_, token, _) = await enrolments.CreateAsync(system, user.Id, ct);
        return $"{email} is now an admin. To reach /admin they set up an authenticator app, once, with this link "
            + $"(valid for {TwoFactorEnrolments.Lifetime.TotalHours:0} hours, after logging in):\n  {site.Value.Link(TwoFactorEnrolments.LinkPath(token!))}";
    }
}
