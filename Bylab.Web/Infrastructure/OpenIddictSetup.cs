using Bylab.Core.Connect;
using Bylab.Core.Data;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Bylab.Web;

/// <summary>
/// Bylab as an OpenID Connect provider (OpenIddict on ASP.NET Core Identity): the authorization code flow with PKCE
/// (S256 only) and rolling refresh tokens, userinfo, end-session and revocation; nothing else. The API under /api/v1
/// validates the access tokens against this same server. Why the other flows are off: the README, «Identity provider».
/// </summary>
public static class OpenIddictSetup
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";
    public const string RevocationPath = "/connect/revoke";

    /// <summary>The scheme that authenticates an API request by its bearer token.</summary>
    public const string ApiScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static IServiceCollection AddBylabOpenIddict(this IServiceCollection services, IWebHostEnvironment env, IConfiguration configuration, bool hardened)
    {
        var keys = OidcKeys.Folder(configuration, env);
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<BylabDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(AuthorizePath[1..])
                    .SetTokenEndpointUris(TokenPath[1..])
                    .SetUserInfoEndpointUris(UserInfoPath[1..])
                    .SetEndSessionEndpointUris(EndSessionPath[1..])
                    .SetRevocationEndpointUris(RevocationPath[1..]);
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                // Every client must send a code challenge, and only S256: "plain" would let whoever sees the
                // authorization request (a log, a browser history) redeem the code.
                o.RequireProofKeyForCodeExchange();
                o.Configure(options =>
                {
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                o.RegisterScopes(ConnectScopes.All);
                o.RegisterClaims(Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Email, Claims.EmailVerified, Claims.Role);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(15))
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                // Rolling refresh tokens (OpenIddict's default): each refresh returns a new one and marks the old one
                // redeemed. A redeemed one sent again is a sign of theft: with no leeway, that revokes the whole chain.
                o.SetRefreshTokenReuseLeeway(null);
                foreach (var certificate in OidcKeys.Load(keys, OidcKeys.SigningPrefix))
                {
                    o.AddSigningCertificate(certificate);
                }
                foreach (var certificate in OidcKeys.Load(keys, OidcKeys.EncryptionPrefix))
                {
                    o.AddEncryptionCertificate(certificate);
                }
                var aspNet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!hardened)
                {
                    // Development and the test host run on plain loopback HTTP; a hardened site requires HTTPS.
                    aspNet.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.AddAudiences(ConnectScopes.ApiAudience);
                // Revoked consent and revoked tokens are refused at once, not when the access token expires.
                o.EnableAuthorizationEntryValidation();
                o.EnableTokenEntryValidation();
            });
        services.AddScoped<Features.Connect.ConnectClaims>();
        return services;
    }
}
