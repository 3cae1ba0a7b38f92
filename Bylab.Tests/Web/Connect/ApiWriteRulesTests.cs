using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Connect;

/// <summary>
/// The API's writes keep the site's rules (the same Core services): capacity and the waitlist, one vote each, closed
/// consultations, hidden content as 404, blocked people refused; every refusal a problem details answer in the
/// request's language, and nothing changed.
/// </summary>
public sealed class ApiWriteRulesTests(BylabFactory factory) : IClassFixture<BylabFactory>, IAsyncLifetime
{
    private readonly OidcHarness oidc = new(factory);
    private BylabUser person = null!;
    private string token = null!;

    public async Task InitializeAsync()
    {
        await oidc.EnsureClientAsync();
        var (user, browser) = await oidc.CitizenAsync("api-rules");
        person = user;
        token = (await oidc.SignInAsync(user, browser)).AccessToken;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> IdeaAsync(ConsultationPhase phase = ConsultationPhase.OpenForIdeas)
    {
        var author = await factory.Users.CitizenAsync("api-author");
        var consultation = await factory.Ideas.ConsultationAsync();
        var idea = await factory.Ideas.IdeaAsync(author.Id, consultation.Id);
        if (phase != ConsultationPhase.OpenForIdeas)
        {
            await factory.Ideas.MoveToAsync(consultation.Id, phase);
        }
        return idea.Id;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<int> VotesAsync(int ideaId) => factory.WithDbAsync(db => db.Votes.CountAsync(v => v.IdeaId == ideaId && v.UserId == person.Id));

    [Fact]
    public async Task AVoteCountsOnceAndCanBeWithdrawn()
    {
        var ideaId = await IdeaAsync();
        using var api = oidc.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/ideas/{ideaId}/vote", null)).StatusCode);
        var again = await api.PostAsync($"/api/v1/ideas/{ideaId}/vote", null);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("voteCount").GetInt32());
        Assert.Equal(1, await VotesAsync(ideaId));

        var withdrawn = await api.DeleteAsync($"/api/v1/ideas/{ideaId}/vote");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.False((await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("voted").GetBoolean());
        Assert.Equal(0, await VotesAsync(ideaId));
    }

    [Fact]
    public async Task AClosedConsultationRefusesTheVoteInTheRequestsLanguage()
    {
        var ideaId = await IdeaAsync(ConsultationPhase.Closed);
        using var english = oidc.Api(token, "en-GB,nb;q=0.5");
        var response = await english.PostAsync($"/api/v1/ideas/{ideaId}/vote", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Voting is closed", problem.GetProperty("title").GetString());
        Assert.Equal(409, problem.GetProperty("status").GetInt32());

        using var nynorsk = oidc.Api(token, "nn");
        Assert.Equal("Røystinga er stengd", (await ProblemAsync(await nynorsk.PostAsync($"/api/v1/ideas/{ideaId}/vote", null))).GetProperty("title").GetString());
        using var other = oidc.Api(token, "de");
        Assert.Equal("Avstemningen er stengt", (await ProblemAsync(await other.PostAsync($"/api/v1/ideas/{ideaId}/vote", null))).GetProperty("title").GetString());
        Assert.Equal(0, await VotesAsync(ideaId));
    }

    [Fact]
    public async Task HiddenOrHeldIdeasAreNotThereForTheApi()
    {
        var hidden = await IdeaAsync();
        var held = await IdeaAsync();
        using var api = oidc.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/ideas/{hidden}/vote", null)).StatusCode);
        await factory.Moderation.HideAsync(ContentKind.Idea, hidden);
        await factory.Moderation.HoldAsync(ContentKind.Idea, held);

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/ideas/{held}/vote", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/ideas/{hidden}/vote")).StatusCode);
        Assert.Equal("IdeaNotFound".ToLowerInvariant(), (await ProblemAsync(await api.PostAsync($"/api/v1/ideas/{hidden}/vote", null)))
            .GetProperty("code").GetString());
        Assert.Equal(0, await VotesAsync(held));
    }

    [Fact]
    public async Task SignUpsKeepTheCapacityAndCanBeCancelled()
    {
        var ev = await factory.Events.AddAsync(title: "Verksted om Stortorget", capacity: 1);
        var other = await factory.Users.CitizenAsync("api-first");
        await factory.Events.SignUpAsync(ev.Id, other);
        using var api = oidc.Api(token);

        var response = await api.PostAsync($"/api/v1/events/{ev.Id}/registration", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Waitlisted", state.GetProperty("status").GetString());
        Assert.Equal(1, state.GetProperty("waitlistPosition").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/events/{ev.Id}/registration")).StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, await factory.WithDbAsync(db =>
            db.Registrations.Where(r => r.EventId == ev.Id && r.UserId == person.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/events/{ev.Id}/registration")).StatusCode);
    }

    [Fact]
    public async Task ABlockedPersonIsRefusedAndNothingIsStored()
    {
        var (user, browser) = await oidc.CitizenAsync("api-blocked");
        var blockedToken = (await oidc.SignInAsync(user, browser)).AccessToken;
        var ideaId = await IdeaAsync();
        var ev = await factory.Events.AddAsync(title: "Kveldsmøte");
        var moderator = await factory.Moderation.ModeratorAsync();
        Assert.Equal(BlockOutcome.Done, await factory.WithAsync((PostingBlocks b) => b.BlockAsync(moderator, user.Id, "Gjentatt reklame.", hideAll: false)));

        using var api = oidc.Api(blockedToken);
        var vote = await api.PostAsync($"/api/v1/ideas/{ideaId}/vote", null);
        Assert.Equal(HttpStatusCode.Forbidden, vote.StatusCode);
        Assert.Equal("Du kan ikke gjøre dette nå", (await ProblemAsync(vote)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/events/{ev.Id}/registration", JsonContent.Create(new { }))).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Votes.AnyAsync(v => v.UserId == user.Id)));
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.UserId == user.Id)));
    }

    [Fact]
    public async Task TheSitesCookieIsNoTicketToTheApi()
    {
        var ideaId = await IdeaAsync();
        var browser = factory.CreateBylabClient();
        await browser.LogInAsync(person.Email!, TestData.Password);
        var response = await browser.Http.PostAsync($"/api/v1/ideas/{ideaId}/vote", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await ProblemAsync(response)).GetProperty("code").GetString());
        Assert.Equal(0, await VotesAsync(ideaId));
    }

    [Fact]
    public async Task AConsultationForVerifiedAccountsRefusesAnUnverifiedTokenHolder()
    {
        var ideaId = await IdeaAsync();
        await factory.WithDbAsync(db => db.Consultations.Where(c => db.Ideas.Any(i => i.Id == ideaId && i.ConsultationId == c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RequiresVerifiedAccount, true)));
        using var api = oidc.Api(token);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await api.PostAsync($"/api/v1/ideas/{ideaId}/vote", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("notverified", problem.GetProperty("code").GetString());
        Assert.Equal("Only verified accounts can vote here", problem.GetProperty("title").GetString());
        Assert.Equal(0, await VotesAsync(ideaId));
    }
}
