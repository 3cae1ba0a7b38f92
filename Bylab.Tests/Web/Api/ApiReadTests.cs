using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bylab.Core.Bookings;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Api;

/// <summary>
/// The open read API (/api/v1) over HTTP: each endpoint, the site's filters, paging limits, ETag and 304, problem details
/// in the language of Accept-Language, and the visibility rule: hidden and held content is in no answer.
/// </summary>
public sealed class ApiReadTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        }
        return await JsonAsync(response, expected);
    }

    private static List<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

    private async Task<(TestConsultation Consultation, List<TestIdea> Ideas, Bylab.Core.Accounts.BylabUser Author)> ConsultationWithIdeasAsync(string word)
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("API " + word));
        var author = await factory.Users.CitizenAsync("api-forfatter");
        var ideas = new List<TestIdea>
        {
            await factory.Ideas.IdeaAsync(author.Id, consultation.Id, $"{word} benker på torget"),
            await factory.Ideas.IdeaAsync(author.Id, consultation.Id, $"{word} sykkelparkering ved stasjonen"),
            await factory.Ideas.IdeaAsync(author.Id, consultation.Id, $"{word} lys langs stranden"),
        };
        return (consultation, ideas, author);
    }

    [Fact]
    public async Task ConsultationsAreListedWithTheirCountsAndOneCanBeRead()
    {
        var (consultation, ideas, _) = await ConsultationWithIdeasAsync("Telling");
        var voter = await factory.Users.CreateAsync("api-velger");
        await factory.Ideas.VoteAsync(voter.Id, ideas[0].Id);

        var list = await GetAsync("/api/v1/consultations?pageSize=100");
        var mine = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == consultation.Id);
        Assert.Equal(3, mine.GetProperty("ideaCount").GetInt32());
        Assert.Equal(1, mine.GetProperty("voteCount").GetInt32());
        Assert.Equal("openForIdeas", mine.GetProperty("phase").GetString());
        Assert.Equal(consultation.ThemeSlug, mine.GetProperty("theme").GetProperty("slug").GetString());
        Assert.Equal($"http://localhost/medvirkning/{consultation.Slug}", mine.GetProperty("url").GetString());

        var one = await GetAsync($"/api/v1/consultations/{consultation.Id}");
        Assert.Equal("Hva mener **du**?", one.GetProperty("descriptionMarkdown").GetString());
        Assert.False(one.GetProperty("requiresVerifiedAccount").GetBoolean());
        await GetAsync("/api/v1/consultations/999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IdeasAreFilteredSortedAndPagedAsOnTheSite()
    {
        var (consultation, ideas, author) = await ConsultationWithIdeasAsync("Filtrering");
        var voters = await factory.Users.CreateManyAsync(2, "api-filter");
        await factory.Ideas.VoteAsync(voters[0].Id, ideas[2].Id);
        await factory.Ideas.VoteAsync(voters[1].Id, ideas[2].Id);
        await factory.Ideas.VoteAsync(voters[0].Id, ideas[1].Id);
        await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == ideas[1].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, IdeaStatus.Accepted)));

        var byVotes = await GetAsync($"/api/v1/ideas?consultation={consultation.Slug}&sort=votes");
        Assert.Equal([ideas[2].Id, ideas[1].Id, ideas[0].Id], Ids(byVotes));
        Assert.Equal(Ids(byVotes), Ids(await GetAsync($"/api/v1/ideas?consultation={consultation.Id}&sort=votes")));
        Assert.Equal([ideas[1].Id], Ids(await GetAsync($"/api/v1/ideas?consultation={consultation.Id}&status=accepted")));
        Assert.Equal([ideas[0].Id], Ids(await GetAsync($"/api/v1/ideas?consultation={consultation.Id}&q=benker")));
        Assert.Equal(3, (await GetAsync($"/api/v1/ideas?theme={consultation.ThemeSlug}")).GetProperty("totalCount").GetInt32());

        var first = await GetAsync($"/api/v1/ideas?consultation={consultation.Id}&pageSize=2");
        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, first.GetProperty("totalPages").GetInt32());
        Assert.Equal([ideas[2].Id, ideas[1].Id], Ids(first));
        Assert.Equal([ideas[0].Id], Ids(await GetAsync($"/api/v1/ideas?consultation={consultation.Id}&pageSize=2&page=2")));

        var item = byVotes.GetProperty("items")[0];
        Assert.Equal(2, item.GetProperty("voteCount").GetInt32());
        Assert.Equal(author.DisplayName, item.GetProperty("authorName").GetString());
        Assert.Equal("new", item.GetProperty("status").GetString());
        // Public fields only: no address, no account id.
        var raw = await (factory.CreateClient()).GetStringAsync($"/api/v1/ideas?consultation={consultation.Id}");
        Assert.DoesNotContain(author.Email!, raw);
        Assert.DoesNotContain(author.Id, raw);
    }

    [Theory]
    [InlineData("/api/v1/ideas?status=vedtatt", "status")]
    [InlineData("/api/v1/ideas?sort=best", "sort")]
    [InlineData("/api/v1/ideas?consultation=finnes-ikke", "consultation")]
    [InlineData("/api/v1/ideas?theme=finnes-ikke", "theme")]
    [InlineData("/api/v1/ideas?pageSize=101", "pageSize")]
    [InlineData("/api/v1/ideas?pageSize=0", "pageSize")]
    [InlineData("/api/v1/ideas?page=0", "page")]
    [InlineData("/api/v1/consultations?pageSize=500", "pageSize")]
    [InlineData("/api/v1/events?audience=alle", "audience")]
    [InlineData("/api/v1/events?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/venue/calendar?pageSize=101", "pageSize")]
    public async Task AnUnknownFilterValueOrOversizedPageIsAProblemNamingTheParameter(string url, string parameter)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains($"«{parameter}»", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("nb", "Finnes ikke")]
    [InlineData("nn-NO,nn;q=0.9", "Finst ikkje")]
    [InlineData("en-GB,en;q=0.8", "Not found")]
    [InlineData("de", "Finnes ikke")]
    public async Task ProblemsAreInTheLanguageOfAcceptLanguage(string acceptLanguage, string title)
    {
        using var client = factory.CreateClient();
        foreach (var url in new[] { "/api/v1/ideas/999999", "/api/v1/ingenting-her" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Accept-Language", acceptLanguage);
            var response = await client.SendAsync(request);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await JsonAsync(response, HttpStatusCode.NotFound);
            Assert.Equal(title, problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task AcceptLanguageWinsOverTheCultureCookieInTheApiButNotOnTheSite()
    {
        using var client = factory.CreateClient();
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ideas?sort=best");
        api.Headers.Add("Accept-Language", "en");
        api.Headers.Add("Cookie", ".Bylab.Culture=c%3Dnn%7Cuic%3Dnn");
        var problem = await JsonAsync(await client.SendAsync(api), HttpStatusCode.BadRequest);
        Assert.Equal("Invalid parameter", problem.GetProperty("title").GetString());

        using var site = new HttpRequestMessage(HttpMethod.Get, "/");
        site.Headers.Add("Accept-Language", "en");
        var page = await BylabClient.ParseAsync(await client.SendAsync(site));
        Assert.Equal("nb", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task AnUnchangedAnswerIsA304ForItsETagAndAChangeGivesANewOne()
    {
        var (consultation, ideas, _) = await ConsultationWithIdeasAsync("Etag");
        using var client = factory.CreateClient();
        var url = $"/api/v1/ideas?consultation={consultation.Id}";
        var first = await client.GetAsync(url);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Contains("public", first.Headers.CacheControl!.ToString());
        Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl!.MaxAge);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await factory.Ideas.VoteAsync((await factory.Users.CreateAsync("api-etag")).Id, ideas[0].Id);
        using var afterVote = new HttpRequestMessage(HttpMethod.Get, url);
        afterVote.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(afterVote);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task HiddenAndHeldContentIsInNoAnswer()
    {
        var (consultation, ideas, author) = await ConsultationWithIdeasAsync("Synlighet");
        var (shown, hidden, held) = (ideas[0], ideas[1], ideas[2]);
        var hiddenWord = "skjultord" + Guid.NewGuid().ToString("N")[..8];
        var heldWord = "holdtord" + Guid.NewGuid().ToString("N")[..8];
        await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == hidden.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.BodyMarkdown, "Tekst med " + hiddenWord)));
        await factory.Moderation.HideAsync(ContentKind.Idea, hidden.Id);
        await factory.Moderation.HoldAsync(ContentKind.Idea, held.Id);
        var visibleComment = (await factory.WithAsync((CommentService c) => c.AddAsync(author.Id, shown.Id, null, "En synlig kommentar"))).CommentId!.Value;
        var hiddenComment = (await factory.WithAsync((CommentService c) => c.AddAsync(author.Id, shown.Id, null, "Kommentar " + hiddenWord))).CommentId!.Value;
        var heldComment = (await factory.WithAsync((CommentService c) => c.AddAsync(author.Id, shown.Id, null, "Kommentar " + heldWord))).CommentId!.Value;
        await factory.Moderation.HideAsync(ContentKind.Comment, hiddenComment);
        await factory.Moderation.HoldAsync(ContentKind.Comment, heldComment);
        var hiddenEvent = await factory.Events.AddAsync("Arrangement " + hiddenWord, location: EventLocationKind.Venue);
        await factory.Moderation.HideAsync(ContentKind.Event, hiddenEvent.Id);

        Assert.Equal([shown.Id], Ids(await GetAsync($"/api/v1/ideas?consultation={consultation.Id}")));
        Assert.Empty(Ids(await GetAsync($"/api/v1/ideas?q={hiddenWord}")));
        await GetAsync($"/api/v1/ideas/{hidden.Id}", HttpStatusCode.NotFound);
        await GetAsync($"/api/v1/ideas/{held.Id}", HttpStatusCode.NotFound);
        var idea = await GetAsync($"/api/v1/ideas/{shown.Id}");
        Assert.Equal([visibleComment], idea.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        Assert.Equal(1, idea.GetProperty("commentCount").GetInt32());
        Assert.Equal(1, (await GetAsync($"/api/v1/consultations/{consultation.Id}")).GetProperty("ideaCount").GetInt32());

        using var client = factory.CreateClient();
        foreach (var url in new[]
        {
            "/api/v1/consultations?pageSize=100", $"/api/v1/consultations/{consultation.Id}", $"/api/v1/ideas?consultation={consultation.Id}&pageSize=100",
            "/api/v1/ideas?pageSize=100", $"/api/v1/ideas/{shown.Id}", "/api/v1/events?pageSize=100", "/api/v1/venue/calendar?pageSize=100",
            $"/api/v1/venue/calendar?pageSize=100&page=2",
        })
        {
            var body = await client.GetStringAsync(url);
            Assert.DoesNotContain(hiddenWord, body);
            Assert.DoesNotContain(heldWord, body);
            Assert.DoesNotContain("Synlighet sykkelparkering", body);
            Assert.DoesNotContain("Synlighet lys langs", body);
        }
    }

    [Fact]
    public async Task EventsSayHowManyPlacesAreLeftAndFilterByAudience()
    {
        var title = TestData.Unique("API-kurs");
        var ev = await factory.Events.AddAsync(title, capacity: 10, shape: e => e.Audience = EventAudience.Seniors);
        await factory.Events.SignUpAsync(ev.Id, await factory.Users.CreateAsync("api-deltaker"), companions: 0);
        await factory.Events.SignUpAsync(ev.Id, await factory.Users.CreateAsync("api-deltaker2"), companions: 0);

        var seniors = await GetAsync("/api/v1/events?audience=seniors&pageSize=100");
        var item = seniors.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == ev.Id);
        Assert.Equal(10, item.GetProperty("capacity").GetInt32());
        Assert.Equal(8, item.GetProperty("placesLeft").GetInt32());
        Assert.Equal("seniors", item.GetProperty("audience").GetString());
        Assert.DoesNotContain(ev.Id, Ids(await GetAsync("/api/v1/events?audience=youth&pageSize=100")));
    }

    [Fact]
    public async Task TheVenueCalendarHoldsWhatThePublicFeedHolds()
    {
        var space = await factory.Bookings.SpaceAsync();
        var org = await factory.Bookings.OrganisationAsync(TestData.Unique("API-lag"));
        var start = DateTime.UtcNow.Date.AddDays(3).AddHours(9 + Random.Shared.Next(0, 8)).AddMinutes(Random.Shared.Next(0, 50));
        var open = TestData.Unique("Åpent verksted");
        var closed = TestData.Unique("Lukket styremøte");
        await factory.Bookings.AddAsync(org, space, start, start.AddMinutes(5), open, isPublic: true);
        await factory.Bookings.AddAsync(org, space, start.AddDays(1), start.AddDays(1).AddMinutes(5), closed, isPublic: false);

        var titles = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await GetAsync($"/api/v1/venue/calendar?pageSize=100&page={page}");
            titles.AddRange(json.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("title").GetString()!));
            if (page >= json.GetProperty("totalPages").GetInt32())
            {
                break;
            }
        }
        Assert.Contains(open, titles);
        Assert.DoesNotContain(closed, titles);
        var feed = Ical.Net.Calendar.Load(await factory.CreateClient().GetStringAsync("/lokalet/kalender.ics"))!;
        Assert.Equal(feed.Events.Select(e => e.Summary).Order(), titles.Order());
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheEndpointsWithDescriptions()
    {
        var document = await GetAsync("/api/v1/openapi.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/consultations", paths);
        Assert.Contains("/api/v1/consultations/{id}", paths);
        Assert.Contains("/api/v1/ideas", paths);
        Assert.Contains("/api/v1/ideas/{id}", paths);
        Assert.Contains("/api/v1/events", paths);
        Assert.Contains("/api/v1/venue/calendar", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        var ideas = document.GetProperty("paths").GetProperty("/api/v1/ideas").GetProperty("get");
        Assert.Equal("Ideas, filtered and sorted as on the site", ideas.GetProperty("summary").GetString());
        Assert.Contains(ideas.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "status"
            && p.GetProperty("description").GetString()!.Contains("underConsideration"));
    }

    [Fact]
    public async Task TheDocumentationPageIsLinkedFromTheOpenDataPage()
    {
        using var client = factory.CreateBylabClient();
        var openData = await client.GetPageAsync("/apne-data/medvirkning");
        Assert.NotNull(openData.QuerySelector("main a[href='/apne-data/api']"));
        var docs = await client.GetPageAsync("/apne-data/api");
        Assert.Equal("Åpent API", docs.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("GET /api/v1/ideas", docs.QuerySelector("#api-endpoints")!.TextContent);
        Assert.Contains("http://localhost/api/v1/ideas", docs.QuerySelector("pre")!.TextContent);
    }
}

/// <summary>The «api» rate limit, on a host of its own with a limit a test can reach.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.LimitedFactory factory) : IClassFixture<ApiRateLimitTests.LimitedFactory>
{
    public sealed class LimitedFactory : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Bylab:Api:PermitsPerWindow", "3"), new("Bylab:Api:WindowSeconds", "3600")];
    }

    [Fact]
    public async Task OverTheLimitTheAnswerIs429WithRetryAfterAsAProblem()
    {
        using var client = factory.CreateClient();
        for (var n = 0; n < 3; n++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/consultations")).StatusCode);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ideas");
        request.Headers.Add("Accept-Language", "en");
        var refused = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var seconds = refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, 3600);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        // The site's pages are not counted against the API's limit.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ideer")).StatusCode);
    }
}

/// <summary>
/// The «api» limit counts per OAuth client when a request carries a bearer token: a client's budget is its own, apart
/// from the anonymous callers at the same address, and two people's tokens from one client share it.
/// </summary>
public sealed class ApiClientRateLimitTests(ApiRateLimitTests.LimitedFactory factory) : IClassFixture<ApiRateLimitTests.LimitedFactory>
{
    [Fact]
    public async Task TokensOfOneClientShareABudgetApartFromAnonymousCallers()
    {
        var oidc = new Connect.OidcHarness(factory);
        await oidc.EnsureClientAsync();
        var (first, firstBrowser) = await oidc.CitizenAsync("api-limit-a");
        var (second, secondBrowser) = await oidc.CitizenAsync("api-limit-b");
        var firstToken = (await oidc.SignInAsync(first, firstBrowser)).AccessToken;
        var secondToken = (await oidc.SignInAsync(second, secondBrowser)).AccessToken;

        using var anonymous = oidc.Api(null);
        for (var n = 0; n < 3; n++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/consultations")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/v1/consultations")).StatusCode);

        using var a = oidc.Api(firstToken);
        using var b = oidc.Api(secondToken);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/v1/consultations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/api/v1/consultations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/v1/ideas")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await b.GetAsync("/api/v1/ideas")).StatusCode);
    }
}
