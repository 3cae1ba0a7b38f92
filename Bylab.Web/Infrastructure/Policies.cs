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

    /// <summary>The moderators' queue and decisions: the Moderator role only (staff and admins without it are refused), two factors.</summary>
    public const string Moderator = nameof(Moderator);

    /// <summary>
    /// The event pages under /arrangor: organisers (their own events), and staff and admins signed in with two
    /// factors (every event). Which event a person may touch is checked per event (Features/Organise/EventAccess).
    /// </summary>
    public const string EventManagers = nameof(EventManagers);

    /// <summary>
    /// The venue booking pages under /lokalet/bookinger: organisers (for the organisations they belong to) and staff signed
    /// in with two factors. Which organisation and booking a person may touch is checked per request (Features/Bookings).
    /// </summary>
    public const string Borrowers = nameof(Borrowers);

    /// <summary>
    /// Consultation summaries before they are published, their overview and exports: politicians, and staff and admins
    /// signed in with two factors.
    /// </summary>
    public const string SummaryReaders = nameof(SummaryReaders);

    /// <summary>
    /// The API's writes: a bearer token (never the site's cookie, so no cross-site request can use it) issued for the
    /// API's audience with the bylab.api scope.
    /// </summary>
    public const string ApiWrite = nameof(ApiWrite);

    /// <summary>The claim Identity adds when the person signed in with a second factor.</summary>
    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";

    public static void Add(AuthorizationOptions options)
    {
        // Deny by default: an action is public only when it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(AdminArea, p => p.RequireRole(Roles.RequiringTwoFactor).RequireClaim(MfaClaim, MfaValue));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin).RequireClaim(MfaClaim, MfaValue));
        options.AddPolicy(Moderator, p => p.RequireRole(Roles.Moderator).RequireClaim(MfaClaim, MfaValue));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Staff, Roles.Admin).RequireClaim(MfaClaim, MfaValue));
        options.AddPolicy(EventManagers, p => p.RequireAssertion(ctx => ctx.User.IsInRole(Roles.Organiser) || IsStaffWithMfa(ctx.User)));
        options.AddPolicy(SummaryReaders, p => p.RequireAssertion(ctx => IsSummaryReader(ctx.User)));
        options.AddPolicy(ApiWrite, p => p.AddAuthenticationSchemes(OpenIddictSetup.ApiScheme).RequireAuthenticatedUser()
            .RequireAssertion(ctx => OpenIddict.Abstractions.OpenIddictExtensions.HasScope(ctx.User, Bylab.Core.Connect.ConnectScopes.Api)));
        options.AddPolicy(Borrowers, p => p.RequireAssertion(ctx => ctx.User.IsInRole(Roles.Organiser) || IsStaffWithMfa(ctx.User)));
    }

    /// <summary>Staff or admin, signed in with two factors: manages every event.</summary>
    public static bool IsStaffWithMfa(System.Security.Claims.ClaimsPrincipal user) =>
        (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Admin)) && user.HasClaim(MfaClaim, MfaValue);

    /// <summary>Reads every consultation's summary, published or not (<see cref="SummaryReaders"/>).</summary>
    public static bool IsSummaryReader(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Politician) || IsStaffWithMfa(user);
}
