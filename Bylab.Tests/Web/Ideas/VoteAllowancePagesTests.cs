using System.Net;
using AngleSharp.Html.Dom;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Ideas;

/// <summary>The site as it runs with a site-wide vote allowance of two (<c>Bylab:Ideas:MaxVotesPerConsultation</c>).</summary>
public sealed class VoteLimitFactory : BylabFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Bylab:Ideas:MaxVotesPerConsultation", "2")];
}

/// <summary>
/// The vote allowance over HTTP, as two citizens meet it with the forms of the idea page: the site-wide default in
/// one consultation, a consultation's own value in another, and an idea withdrawn after one of them voted for it.
/// And one vote per person and idea when the same vote arrives many times at once.
/// </summary>
public sealed class VoteAllowancePagesTests(VoteLimitFactory factory) : IClassFixture<VoteLimitFactory>
{
    private async Task<(BylabClient Client, string UserId)> CitizenAsync(string prefix)
    {
        var user = await factory.Users.CitizenAsync(prefix);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(user.Email!, TestData.Password);
        return (client, user.Id);
    }

    /// <summary>Presses «Stem» on the idea's page (no JavaScript) and returns the page it lands on.</summary>
    private static async Task<IHtmlDocument> VoteAsync(BylabClient client, TestIdea idea)
    {
        var response = await client.SubmitAsync("/ideer/" + idea.Slug, new Dictionary<string, string>(), "form[data-vote-form]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.ToString());
    }

    private static string Alert(IHtmlDocument page) => page.QuerySelector("main .ds-alert")?.TextContent.Trim() ?? "";

    private static string VoteCount(IHtmlDocument page) => page.QuerySelector("[data-vote-count]")!.TextContent;

    private const string Voted = "Takk! Stemmen din er registrert.";

    [Fact]
    public async Task TwoCitizensMeetTheDefaultAndTheConsultationsOwnAllowance()
    {
        var byDefault = await factory.Ideas.ConsultationAsync(TestData.Unique("Stortorget"));
        var ownValue = await factory.Ideas.ConsultationAsync(TestData.Unique("Strandsonen"), maxVotes: 3);
        var (authorClient, author) = await CitizenAsync("forfatter");
        var torget = await factory.Ideas.IdeasAsync(author, byDefault.Id, 4, "Torget idé");
        var strand = await factory.Ideas.IdeasAsync(author, ownValue.Id, 4, "Strand idé");
        var (kari, _) = await CitizenAsync("kari");
        var (ola, _) = await CitizenAsync("ola");

        // The consultation without a value of its own says it takes two votes each, the site-wide default.
        Assert.Contains("Du kan gi opptil 2 stemmer i denne medvirkningen.",
            (await kari.GetPageAsync($"/medvirkning/{byDefault.Slug}")).QuerySelector("main")!.TextContent);
        Assert.Contains("Du kan gi opptil 3 stemmer i denne medvirkningen.",
            (await kari.GetPageAsync($"/medvirkning/{ownValue.Slug}")).QuerySelector("main")!.TextContent);

        Assert.Equal(Voted, Alert(await VoteAsync(kari, torget[0])));
        var second = await VoteAsync(kari, torget[1]);
        Assert.Equal(Voted, Alert(second));
        Assert.Contains("Du har 0 stemmer igjen i denne medvirkningen.", second.QuerySelector("main")!.TextContent);
        var refused = await VoteAsync(kari, torget[2]);
        Assert.Contains("Du har brukt alle de 2 stemmene dine i denne medvirkningen.", Alert(refused));
        Assert.Equal("0", VoteCount(refused));

        // Ola's allowance is his own: Kari's two votes do not use it up.
        var olas = await VoteAsync(ola, torget[2]);
        Assert.Equal(Voted, Alert(olas));
        Assert.Equal("1", VoteCount(olas));
        Assert.Contains("Du har 1 stemme igjen i denne medvirkningen.", olas.QuerySelector("main")!.TextContent);

        // In the other consultation Kari starts afresh, with its own allowance of three.
        Assert.Equal(Voted, Alert(await VoteAsync(kari, strand[0])));
        Assert.Equal(Voted, Alert(await VoteAsync(kari, strand[1])));
        Assert.Equal(Voted, Alert(await VoteAsync(kari, strand[2])));
        Assert.Contains("Du har brukt alle de 3 stemmene dine i denne medvirkningen.", Alert(await VoteAsync(kari, strand[3])));

        // The author withdraws an idea Kari voted for: that vote no longer counts, so she may give it to another.
        var withdrawn = await authorClient.SubmitAsync($"/ideer/{torget[0].Id}/trekk-tilbake", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("Du har 1 stemme igjen i denne medvirkningen.", (await kari.GetPageAsync("/ideer/" + torget[2].Slug)).QuerySelector("main")!.TextContent);
        var regained = await VoteAsync(kari, torget[2]);
        Assert.Equal(Voted, Alert(regained));
        Assert.Equal("2", VoteCount(regained));
        Assert.Contains("Du har brukt alle de 2 stemmene", Alert(await VoteAsync(kari, torget[3])));

        var votes = await factory.WithDbAsync(db => Task.FromResult(
            db.Votes.Where(v => v.UserId != null).GroupBy(v => v.IdeaId).ToDictionary(g => g.Key, g => g.Count())));
        Assert.Equal(1, votes[torget[0].Id]);
        Assert.Equal(1, votes[torget[1].Id]);
        Assert.Equal(2, votes[torget[2].Id]);
        Assert.False(votes.ContainsKey(torget[3].Id));
        Assert.Equal([1, 1, 1], strand.Take(3).Select(i => votes[i.Id]));
        Assert.False(votes.ContainsKey(strand[3].Id));
    }

    [Fact]
    public async Task TheSameVoteSentTenTimesAtOnceCountsOnce()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Dobbeltklikk"));
        var (_, author) = await CitizenAsync("forfatter");
        var idea = await factory.Ideas.IdeaAsync(author, setup.Id, "Lys i Strandgata");
        var (kari, _) = await CitizenAsync("kari");
        using var _kari = kari;
        var token = BylabClient.TokenFrom(await kari.GetPageAsync("/ideer/" + idea.Slug));

        // votes.js posts with this header and gets JSON: 200 when the vote was counted, 409 when it was not.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/ideer/{idea.Id}/stem")
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
            };
            request.Headers.Add("X-Requested-With", "fetch");
            using var response = await kari.Http.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict && r.Body.Contains("Du har allerede stemt på denne ideen.")));
        Assert.Equal(1, await factory.WithDbAsync(db => Task.FromResult(db.Votes.Count(v => v.IdeaId == idea.Id))));
        Assert.Equal("1", VoteCount(await kari.GetPageAsync("/ideer/" + idea.Slug)));
    }
}
