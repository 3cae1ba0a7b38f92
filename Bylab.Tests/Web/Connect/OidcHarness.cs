using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Connect;
using Bylab.Tests.Infrastructure;
using Duende.IdentityModel.OidcClient;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Connect;

/// <summary>
/// A registered test client and a real OpenID Connect client library (Duende.IdentityModel.OidcClient, certified, not
/// written here) against one test host. The «browser» is a cookie-keeping HttpClient that posts the real login and
/// consent forms, so every step goes through the site as a person's browser would.
/// </summary>
public sealed class OidcHarness(BylabFactory factory)
{
    public const string ClientId = "test-innbyggerapp";
    public const string RedirectUri = "http://127.0.0.1:55123/callback";
    public const string PostLogoutUri = "http://127.0.0.1:55123/signed-out";
    public const string AllScopes = "openid profile email roles bylab.api offline_access";

    public BylabFactory Factory => factory;

    public async Task EnsureClientAsync()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var clients = sp.GetRequiredService<ClientAdminService>();
            if ((await clients.ListAsync()).All(c => c.ClientId != ClientId))
            {
                var result = await clients.CreateAsync(new ClientInput(ClientId, "Testappen for innbyggere", [RedirectUri], [PostLogoutUri],
                    ConnectScopes.All, Confidential: false), AuditLog.System);
                Assert.Equal(ClientOutcome.Saved, result.Outcome);
            }
        });
    }

    public OidcClient Client(string scope = AllScopes) => new(new OidcClientOptions
    {
        Authority = "http://localhost",
        ClientId = ClientId,
        RedirectUri = RedirectUri,
        PostLogoutRedirectUri = PostLogoutUri,
        Scope = scope,
        LoadProfile = false,
        BackchannelHandler = factory.Server.CreateHandler(),
        Policy = new Policy { Discovery = new Duende.IdentityModel.Client.DiscoveryPolicy { RequireHttps = false } },
    });

    /// <summary>A citizen and their «browser», signed in to nothing yet.</summary>
    public async Task<(BylabUser User, BylabClient Browser)> CitizenAsync(string prefix)
    {
        var user = await factory.Users.CitizenAsync(prefix);
        return (user, factory.CreateBylabClient());
    }

    /// <summary>
    /// The whole flow: the client's authorize URL, the login form, the consent form (granted), the code back to the
    /// client, and the client's token request with its PKCE verifier.
    /// </summary>
    public async Task<LoginResult> SignInAsync(BylabUser user, BylabClient browser, OidcClient? client = null)
    {
        client ??= Client();
        var state = await client.PrepareLoginAsync();
        var callback = await AuthorizeAsync(browser, state.StartUrl, user.Email!);
        var result = await client.ProcessResponseAsync(callback, state);
        Assert.False(result.IsError, result.Error + " " + result.ErrorDescription);
        return result;
    }

    /// <summary>Follows the authorize URL through login and consent to the redirect back to the client; returns that URL.</summary>
    public static async Task<string> AuthorizeAsync(BylabClient browser, string startUrl, string email, bool expectConsent = true)
    {
        var response = await browser.Http.GetAsync(startUrl);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/konto/logg-inn"))
        {
            var login = await browser.SubmitAsync(response.Headers.Location!.OriginalString,
                new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.StartsWith("/connect/authorize?", login.Headers.Location!.OriginalString);
            response = await browser.Http.GetAsync(login.Headers.Location);
        }
        if (expectConsent)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var consent = await BylabClient.ParseAsync(response);
            Assert.NotNull(consent.QuerySelector("li[data-scope=openid]"));
            response = await browser.SubmitAsync(consent, new Dictionary<string, string>(), submitter: "button[value=grant]");
        }
        Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(RedirectUri, location);
        return location;
    }

    /// <summary>A bare HttpClient to the host, as a third-party service calling the API would be.</summary>
    public HttpClient Api(string? accessToken, string? language = null)
    {
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        if (language is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        return http;
    }

    /// <summary>A raw token request (form post to the token endpoint), for the cases a good client library never sends.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenRequestAsync(params (string Key, string Value)[] fields)
    {
        using var http = Api(null);
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
