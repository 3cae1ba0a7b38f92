using Bylab.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Bylab.Web;

/// <summary>Every authorization policy, named in one place.</summary>
public static class Policies
{
    /// <summary>Anyone who may enter /admin: staff, moderators and admins, signed in with two factors.</summary>
    public const string AdminArea = nameof(AdminArea);

    /// <summary>User and role management and the audit log: admins only.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>Running the Bylab day to day (outbox, later events and bookings): staff and admins.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>The claim Identity adds when the person signed in with a second factor.</summary>
    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";

    public static void Add(AuthorizationOptions options)
    {
        // Deny by default: an action is public only when it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(AdminArea, p => p.RequireRole(Roles.RequiringTwoFactor).RequireClaim(MfaClaim, MfaValue));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin).RequireClaim(MfaClaim, MfaValue));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Staff, Roles.Admin).RequireClaim(MfaClaim, MfaValue));
    }
}
