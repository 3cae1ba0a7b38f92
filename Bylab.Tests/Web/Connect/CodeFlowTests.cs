using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
}
