using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Connect;

/// <summary>
/// The code flow with PKCE, end to end with a certified client library: login through the real form, consent, the
/// token, the API write with it, refresh with rotation, and consent taken back on Min side.
/// </summary>
public sealed class CodeFlowTests(BylabFactory factory) : IClassFixture<BylabFactory>, IAsyncLifetime
{
    private readonly OidcHarness oidc = new(factory);

    public Task InitializeAsync() => oidc.EnsureClientAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> OpenIdeaAsync(string authorId)
    {
        var consultation = await factory.Ideas.ConsultationAsync();
        return (await factory.Ideas.IdeaAsync(authorId, consultation.Id)).Id;
    }

    [Fact]
    public async Task ACitizenSignsInToAClientThatThenVotesWithTheToken()
    {
        var (user, browser) = await oidc.CitizenAsync("oidc-vote");
        var author = await factory.Users.CitizenAsync("oidc-author");
        var ideaId = await OpenIdeaAsync(author.Id);

        var result = await oidc.SignInAsync(user, browser);

        Assert.Equal(user.Id, result.User.FindFirst("sub")?.Value);
        Assert.Equal(user.Email, result.User.FindFirst("email")?.Value);
        Assert.NotNull(result.RefreshToken);
        using var api = oidc.Api(result.AccessToken);
        var vote = await api.PostAsync($"/api/v1/ideas/{ideaId}/vote", null);
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        Assert.True((await vote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("voted").GetBoolean());
        Assert.True(await factory.WithDbAsync(db => db.Votes.AnyAsync(v => v.IdeaId == ideaId && v.UserId == user.Id)));

        // The same person, signed in again later, is not asked again: the consent was remembered.
        var client = oidc.Client();
        var state = await client.PrepareLoginAsync();
        var callback = await OidcHarness.AuthorizeAsync(browser, state.StartUrl, user.Email!, expectConsent: false);
        Assert.False((await client.ProcessResponseAsync(callback, state)).IsError);
    }

    [Fact]
    public async Task ARefreshRotatesTheTokenAndAReusedOneRevokesTheWholeChain()
    {
        var (user, browser) = await oidc.CitizenAsync("oidc-refresh");
        var client = oidc.Client();
        var first = await oidc.SignInAsync(user, browser, client);

        var second = await client.RefreshTokenAsync(first.RefreshToken);
        Assert.False(second.IsError, second.Error);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        using (var api = oidc.Api(second.AccessToken))
        {
            // Accepted (no such event: a 404 problem, not a 401): the new access token works.
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/events/999999/registration", JsonContent.Create(new { }))).StatusCode);
        }

        // The first refresh token again: redeemed already, so someone copied it. Refused, and every token of the grant goes.
        var reused = await client.RefreshTokenAsync(first.RefreshToken);
        Assert.True(reused.IsError);
        Assert.Equal("invalid_grant", reused.Error);
        var afterTheft = await client.RefreshTokenAsync(second.RefreshToken);
        Assert.True(afterTheft.IsError);
        using var refused = oidc.Api(second.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await refused.PostAsync("/api/v1/events/999999/registration", JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task TakingTheConsentBackOnMinSideRefusesTheTokenAndTheRefresh()
    {
        var (user, browser) = await oidc.CitizenAsync("oidc-revoke");
        var client = oidc.Client();
        var signedIn = await oidc.SignInAsync(user, browser, client);
        using var api = oidc.Api(signedIn.AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync("/api/v1/events/999999/registration")).StatusCode);

        var page = await browser.GetPageAsync("/min-side");
        var connection = page.QuerySelector("#tilkoblede-tjenester li[data-connection]");
        Assert.NotNull(connection);
        Assert.Contains("Testappen for innbyggere", connection.TextContent);
        var revoked = await browser.SubmitAsync(page, new Dictionary<string, string>(), "#tilkoblede-tjenester form");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        Assert.Null((await browser.GetPageAsync("/min-side")).QuerySelector("#tilkoblede-tjenester li[data-connection]"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.DeleteAsync("/api/v1/events/999999/registration")).StatusCode);
        Assert.True((await client.RefreshTokenAsync(signedIn.RefreshToken)).IsError);
        // The tokens themselves are revoked too, not only the grant they hang on.
        var statuses = await factory.WithDbAsync(db => db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Subject == user.Id).Select(t => t.Status).ToListAsync());
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.NotEqual("valid", s));
    }

    [Fact]
    public async Task AnAccountBlockedByAnAdminGetsNoNewTokens()
    {
        var (user, browser) = await oidc.CitizenAsync("oidc-blocked");
        var client = oidc.Client();
        var signedIn = await oidc.SignInAsync(user, browser, client);
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Bylab.Core.Accounts.BylabUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.MaxValue);
        });
        var refreshed = await client.RefreshTokenAsync(signedIn.RefreshToken);
        Assert.True(refreshed.IsError);
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [Fact]
    public async Task UserInfoGivesWhatTheScopesAllowAndATokenWithoutTheApiScopeIsRefused()
    {
        var (user, browser) = await oidc.CitizenAsync("oidc-profile");
        var client = oidc.Client("openid profile");
        var signedIn = await oidc.SignInAsync(user, browser, client);

        var info = await client.GetUserInfoAsync(signedIn.AccessToken);
        Assert.False(info.IsError, info.Error);
        Assert.Equal(user.DisplayName, info.Claims.Single(c => c.Type == "name").Value);
        Assert.DoesNotContain(info.Claims, c => c.Type == "email");
        Assert.Null(signedIn.User.FindFirst("email"));

        using var api = oidc.Api(signedIn.AccessToken);
        var vote = await api.PostAsync("/api/v1/ideas/1/vote", null);
        Assert.Equal(HttpStatusCode.Unauthorized, vote.StatusCode);
    }

    [Fact]
    public async Task SigningOutThroughTheClientReturnsOnlyToItsRegisteredAddress()
    {
        var (user, browser) = await oidc.CitizenAsync("oidc-logout");
        var signedIn = await oidc.SignInAsync(user, browser);

        var wrong = await browser.Http.GetAsync("/connect/endsession?post_logout_redirect_uri=" + Uri.EscapeDataString(OidcHarness.PostLogoutUri + "x")
            + "&id_token_hint=" + signedIn.IdentityToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Null(wrong.Headers.Location);

        var url = "/connect/endsession?post_logout_redirect_uri=" + Uri.EscapeDataString(OidcHarness.PostLogoutUri) + "&id_token_hint=" + signedIn.IdentityToken;
        var confirmed = await browser.SubmitAsync(url, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.StartsWith(OidcHarness.PostLogoutUri, confirmed.Headers.Location!.OriginalString);
        var minSide = await browser.Http.GetAsync("/min-side");
        Assert.Contains("/konto/logg-inn", minSide.Headers.Location!.OriginalString);
    }
}
