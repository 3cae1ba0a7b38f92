using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Bylab.Tests.Infrastructure;

/// <summary>Who the loopback provider says signs in next.</summary>
public sealed record TestPerson(string Subject, string Email, bool EmailVerified, string Name);

/// <summary>
/// «ID-porten» for the tests: an OpenID Connect provider on 127.0.0.1 at a random port, OpenIddict's server in degraded
/// mode (no database; codes and tokens are self-contained, signed and encrypted with ephemeral keys), code flow with
/// PKCE required. It signs in <see cref="Person"/> without asking (a real provider's login page is its own business),
/// checks the client id, the exact redirect URI and the client secret, and counts the codes it handed out.
/// </summary>
public sealed class LoopbackIdProvider : IAsyncDisposable
{
    public const string ClientId = "bylab-test";
    public const string ClientSecret = "loopback-secret-for-tests-only";

    private WebApplication? _app;

    /// <summary>The issuer, «http://127.0.0.1:PORT/».</summary>
    public string Authority { get; private set; } = "";

    /// <summary>The redirect URI the provider accepts (Bylab's callback at its address); set before the first sign-in.</summary>
    public string? RedirectUri { get; set; }

    public TestPerson Person { get; set; } = new("person-1", "kari@eksempel.no", true, "Kari Nordmann");

    /// <summary>Replaces the nonce of the next requests before the server reads it, so the id token carries another one.</summary>
    public bool ReplaceNonce { get; set; }

    private int _codes;
    public int CodesIssued => Volatile.Read(ref _codes);

    public static async Task<LoopbackIdProvider> StartAsync()
    {
        var provider = new LoopbackIdProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.EnableDegradedMode();
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            // Degraded mode leaves the client checks to the host: these are ID-porten's (exact redirect URI, secret).
            o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri != provider.RedirectUri)
                {
                    context.Reject(Errors.InvalidRequest, "The redirect URI is not registered.");
                }
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }
                return default;
            }));
        });
        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (provider.ReplaceNonce && context.Request.Query.ContainsKey("nonce"))
            {
                var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value);
                query["nonce"] = "a-nonce-this-browser-never-sent";
                context.Request.QueryString = Microsoft.AspNetCore.Http.QueryString.Create(query);
            }
            return next(context);
        });
        // After the rewrite: OpenIddict reads the request in the authentication middleware.
        app.UseAuthentication();
        app.MapGet("/connect/authorize", (HttpContext http) =>
        {
            var person = provider.Person;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, person.Subject));
            identity.AddClaim(new Claim(Claims.Email, person.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, person.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            identity.AddClaim(new Claim(Claims.Name, person.Name));
            identity.SetScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            Interlocked.Increment(ref provider._codes);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = address.TrimEnd('/') + "/";
        provider._app = app;
        return provider;
    }

    /// <summary>The settings that point a Bylab host at this provider.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Bylab:ExternalLogin:Authority", Authority),
        new("Bylab:ExternalLogin:ClientId", ClientId),
        new("Bylab:ExternalLogin:ClientSecret", ClientSecret),
    ];

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
