using System.Security.Claims;
using Bylab.Core.Accounts;
using Bylab.Core.Connect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Bylab.Web.Features.Connect;

/// <summary>
/// The claims a client gets about a person, by scope: the subject always; name with profile; e-mail with email;
/// roles with roles. The same at sign-in and at each refresh (read again, so a changed name or role shows).
/// </summary>
public sealed class ConnectClaims(UserManager<BylabUser> users)
{
    public async Task<ClaimsIdentity> IdentityAsync(BylabUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        var granted = scopes.ToList();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.DisplayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailConfirmed)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(granted);
        if (granted.Contains(ConnectScopes.Api))
        {
            identity.SetResources(ConnectScopes.ApiAudience);
        }
        identity.SetDestinations(claim => DestinationsOf(claim, granted));
        return identity;
    }

    private static IEnumerable<string> DestinationsOf(Claim claim, IReadOnlyCollection<string> scopes)
    {
        switch (claim.Type)
        {
            case Claims.Name or Claims.PreferredUsername:
                yield return Destinations.AccessToken;
                if (scopes.Contains(Scopes.Profile))
                {
                    yield return Destinations.IdentityToken;
                }
                yield break;
            case Claims.Email or Claims.EmailVerified when scopes.Contains(Scopes.Email):
                yield return Destinations.IdentityToken;
                yield break;
            case Claims.Role when scopes.Contains(Scopes.Roles):
                yield return Destinations.IdentityToken;
                yield break;
            // The security stamp is Identity's own: never in a token.
            case "AspNet.Identity.SecurityStamp":
                yield break;
            case Claims.Subject:
                yield return Destinations.AccessToken;
                yield return Destinations.IdentityToken;
                yield break;
            default:
                yield return Destinations.AccessToken;
                yield break;
        }
    }
}
