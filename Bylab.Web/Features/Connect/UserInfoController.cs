using Bylab.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Bylab.Web.Features.Connect;

/// <summary>The userinfo endpoint: the claims the token's scopes allow, read from the account now.</summary>
[IgnoreAntiforgeryToken]
[Authorize(AuthenticationSchemes = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)]
public sealed class UserInfoController(UserManager<BylabUser> users) : Controller
{
    [HttpGet(OpenIddictSetup.UserInfoPath), HttpPost(OpenIddictSetup.UserInfoPath)]
    public async Task<IActionResult> UserInfo()
    {
        if (await users.FindByIdAsync(User.GetClaim(Claims.Subject) ?? "") is not { } user)
        {
            return Challenge(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        var info = new Dictionary<string, object> { [Claims.Subject] = user.Id };
        if (User.HasScope(Scopes.Profile))
        {
            info[Claims.Name] = user.DisplayName;
            info[Claims.PreferredUsername] = user.DisplayName;
        }
        if (User.HasScope(Scopes.Email))
        {
            info[Claims.Email] = user.Email!;
            info[Claims.EmailVerified] = user.EmailConfirmed;
        }
        if (User.HasScope(Scopes.Roles))
        {
            info[Claims.Role] = await users.GetRolesAsync(user);
        }
        return Ok(info);
    }
}
