using System.Security.Claims;
using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Microsoft.AspNetCore.Identity;

namespace Bylab.Web.Areas.Admin.Ideas;

internal static class StaffActor
{
    /// <summary>The signed-in staff member as the audit log names them.</summary>
    public static async Task<Actor> ActorAsync(this UserManager<BylabUser> users, ClaimsPrincipal principal)
    {
        // The policy has let only signed-in staff this far; a missing user means the account vanished mid-request.
        var me = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        return new Actor(me.Id, me.DisplayName);
    }
}
