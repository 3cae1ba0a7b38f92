using Bylab.Core.Auditing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Bylab.Core.Connect;

/// <summary>
/// A demo client for a new Development database, so the consent page can be tried: a public client (no secret) that
/// sends people back to a loopback address, as a desktop or command-line app would (RFC 8252).
/// </summary>
public static class DemoClient
{
    public const string ClientId = "hamar-innbyggertjenester";
    public const string RedirectUri = "http://127.0.0.1:7890/callback";

    public static async Task SeedAsync(IServiceProvider services, TextWriter console, CancellationToken ct)
    {
        // The OpenIddict stores are the web host's; a host without them (Core's tests) has no clients to seed.
        if (services.GetService<IOpenIddictApplicationManager>() is null)
        {
            return;
        }
        var clients = services.GetRequiredService<ClientAdminService>();
        await clients.CreateAsync(new ClientInput(ClientId, "Hamar kommune – innbyggertjenester", [RedirectUri], ["http://127.0.0.1:7890/"],
            ["openid", "profile", "email", ConnectScopes.Api, "offline_access"], Confidential: false), AuditLog.System, ct);
        console.WriteLine($"  demo OpenID Connect client: {ClientId} (public, PKCE, back to {RedirectUri})");
    }
}
