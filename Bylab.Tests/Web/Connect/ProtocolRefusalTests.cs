using System.Net;
using System.Text.Json;
using Bylab.Tests.Infrastructure;
using Duende.IdentityModel.OidcClient;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation;

namespace Bylab.Tests.Web.Connect;

/// <summary>A host whose token validation can be moved forward in time, to see an access token expire.</summary>
public sealed class ShiftableClockFactory : BylabFactory
{
    public sealed class Clock : TimeProvider
    {
        public TimeSpan Offset { get; set; }
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    public Clock ValidationClock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.PostConfigure<OpenIddictValidationOptions>(o => o.TimeProvider = ValidationClock));
    }
}

/// <summary>
/// What the provider refuses, with the standard OAuth answer and nothing granted: unknown clients, redirect addresses
/// one character off, missing or weak PKCE, a wrong verifier, a replayed code, tampered and expired tokens.
/// </summary>
public sealed class ProtocolRefusalTests(ShiftableClockFactory factory) : IClassFixture<ShiftableClockFactory>, IAsyncLifetime
{
    private readonly OidcHarness oidc = new(factory);
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    public Task InitializeAsync() => oidc.EnsureClientAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static string Authorize(string clientId = OidcHarness.ClientId, string redirectUri = OidcHarness.RedirectUri, string? method = "S256",
        string? challenge = Challenge) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = "openid bylab.api",
            ["state"] = "abc", ["code_challenge"] = challenge, ["code_challenge_method"] = method,
        }.Where(p => p.Value is not null));

    [Theory]
    [InlineData(OidcHarness.RedirectUri + "x")]
    [InlineData("http://127.0.0.1:55123/callbacK")]
    [InlineData("http://127.0.0.1:55124/callback")]
    [InlineData("https://evil.example/callback")]
    public async Task ARedirectAddressThatDiffersByOneCharacterIsRefusedWithoutARedirect(string redirectUri)
    {
        using var http = oidc.Api(null);
        var response = await http.GetAsync(Authorize(redirectUri: redirectUri));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AnUnknownClientIsRefusedWithoutARedirect()
    {
        using var http = oidc.Api(null);
        var response = await http.GetAsync(Authorize(clientId: "no-such-client"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("plain", "a-plain-verifier-that-is-long-enough-to-count-as-one-0123456789")]
    [InlineData("S256", null)]
    public async Task AnAuthorizationRequestWithoutAnS256ChallengeIsRefused(string? method, string? challenge)
    {
        using var http = oidc.Api(null);
        // The same request with an S256 challenge goes on to the login page.
        var good = await http.GetAsync(Authorize());
        Assert.Contains("/konto/logg-inn", good.Headers.Location!.OriginalString);

        var response = await http.GetAsync(Authorize(method: method, challenge: challenge));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AWrongVerifierGetsNoTokens()
    {
        var (user, browser) = await oidc.CitizenAsync("oidc-verifier");
        var client = oidc.Client();
        var state = await client.PrepareLoginAsync();
        var callback = await OidcHarness.AuthorizeAsync(browser, state.StartUrl, user.Email!);
        var code = QueryHelpers.ParseQuery(new Uri(callback).Query)["code"].ToString();

        var (status, body) = await oidc.TokenRequestAsync(("grant_type", "authorization_code"), ("client_id", OidcHarness.ClientId),
            ("code", code), ("redirect_uri", OidcHarness.RedirectUri), ("code_verifier", state.CodeVerifier[..^1] + (state.CodeVerifier[^1] == 'a' ? "b" : "a")));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task AReplayedCodeIsRefusedAndTheTokensItGaveAreRevoked()
    {
        var (user, browser) = await oidc.CitizenAsync("oidc-replay");
        var client = oidc.Client();
        var state = await client.PrepareLoginAsync();
        var callback = await OidcHarness.AuthorizeAsync(browser, state.StartUrl, user.Email!);
        var code = QueryHelpers.ParseQuery(new Uri(callback).Query)["code"].ToString();
        (string, string)[] redeem = [("grant_type", "authorization_code"), ("client_id", OidcHarness.ClientId), ("code", code),
            ("redirect_uri", OidcHarness.RedirectUri), ("code_verifier", state.CodeVerifier)];

        var (firstStatus, first) = await oidc.TokenRequestAsync(redeem);
        Assert.Equal(HttpStatusCode.OK, firstStatus);
        var accessToken = first.GetProperty("access_token").GetString();
        using var api = oidc.Api(accessToken);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync("/api/v1/events/999999/registration")).StatusCode);

        var (replayStatus, replay) = await oidc.TokenRequestAsync(redeem);
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Equal("invalid_grant", replay.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.DeleteAsync("/api/v1/events/999999/registration")).StatusCode);
    }

    [Fact]
    public async Task ATamperedOrExpiredAccessTokenIsRefused()
    {
        var (user, browser) = await oidc.CitizenAsync("oidc-expiry");
        var signedIn = await oidc.SignInAsync(user, browser);
        using (var api = oidc.Api(signedIn.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync("/api/v1/events/999999/registration")).StatusCode);
        }

        // One character changed in the middle of the (encrypted) token.
        var token = signedIn.AccessToken;
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using (var api = oidc.Api(tampered))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.DeleteAsync("/api/v1/events/999999/registration")).StatusCode);
        }

        factory.ValidationClock.Offset = TimeSpan.FromMinutes(16);
        try
        {
            using var api = oidc.Api(signedIn.AccessToken);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.DeleteAsync("/api/v1/events/999999/registration")).StatusCode);
        }
        finally
        {
            factory.ValidationClock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task TheDiscoveryDocumentOffersOnlyTheCodeFlowWithS256()
    {
        using var http = oidc.Api(null);
        var discovery = JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Equal(["authorization_code", "refresh_token"], discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()!).Order());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(["code"], discovery.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()!));
        foreach (var scope in new[] { "openid", "profile", "email", "roles", "bylab.api" })
        {
            Assert.Contains(scope, discovery.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        }
        var jwks = JsonDocument.Parse(await http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString())).RootElement;
        Assert.All(jwks.GetProperty("keys").EnumerateArray(), k => Assert.Equal("RSA", k.GetProperty("kty").GetString()));
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }
}
