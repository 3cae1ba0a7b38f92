using System.Net;
using System.Text.Json;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;

namespace Bylab.Tests.Web.Ideas;

/// <summary>A vote with JavaScript answers with the new «Du har N stemmer igjen», so the page can show it at once.</summary>
public sealed class VotesLeftTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task AVoteAndAWithdrawnVoteAnswerWithTheVotesLeft()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Stemmer igjen"), maxVotes: 2);
        var author = await factory.Users.CitizenAsync("forfatter");
        var (ideaId, slug) = await factory.Ideas.IdeaAsync(author.Id, setup.Id, "Lekeplass ved Mjøsa");
        var (client, _) = await factory.SignedInAsync("velger", Roles.Citizen);
        var page = await client.GetPageAsync("/ideer/" + slug);
        Assert.Equal("Du har 2 stemmer igjen i denne medvirkningen.", page.QuerySelector("[data-votes-left]")!.TextContent);
        var token = BylabClient.TokenFrom(page);

        async Task<JsonElement> PostAsync(string url)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
            request.Headers.Add("X-Requested-With", "fetch");
            var response = await client.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }

        var voted = await PostAsync($"/ideer/{ideaId}/stem");
        Assert.Equal(1, voted.GetProperty("votesLeft").GetInt32());
        Assert.Equal("Du har 1 stemme igjen i denne medvirkningen.", voted.GetProperty("votesLeftText").GetString());
        var withdrawn = await PostAsync($"/ideer/{ideaId}/fjern-stemme");
        Assert.Equal("Du har 2 stemmer igjen i denne medvirkningen.", withdrawn.GetProperty("votesLeftText").GetString());
    }
}
