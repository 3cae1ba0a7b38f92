using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Ideas;

/// <summary>The public consultation and idea pages over HTTP, as a browser without JavaScript uses them.</summary>
public sealed class IdeaPagesTests(BylabFactory factory) : IClassFixture<BylabFactory>
{

    private async Task<(BylabClient Client, string UserId)> CitizenAsync(string prefix = "innbygger")
    {
        var email = TestData.UniqueEmail(prefix);
        var user = await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Bylab.Core.Accounts.Roles.Citizen]);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
        return (client, user.Id);
    }

    private async Task<string> AuthorAsync() => (await factory.Users.CreateAsync(email: TestData.UniqueEmail("forfatter"), password: TestData.Password)).Id;

    private static string Text(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task AnyoneCanBrowseFilterSortAndSearchIdeas()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Bylivet i sentrum"));
        var other = await factory.Ideas.ConsultationAsync(TestData.Unique("Sykkelveier"));
        var author = await AuthorAsync();
        var green = await factory.Ideas.IdeaAsync(author, setup.Id, "Grønnere gårdsrom på Østre torg", "Plant trær og bærbusker.", ["klima-og-miljo"], [11, 13]);
        var benches = await factory.Ideas.IdeaAsync(author, setup.Id, "Flere benker langs Strandstien", "Folk trenger hvileplasser.");
        var bikes = await factory.Ideas.IdeaAsync(author, other.Id, "Sykkelparkering ved stasjonen", "Tak over syklene.");
        using var anonymous = factory.CreateBylabClient();

        var all = Text(await anonymous.GetPageAsync("/ideer"));
        Assert.Contains("Grønnere gårdsrom på Østre torg", all);
        Assert.Contains("Sykkelparkering ved stasjonen", all);

        var search = await anonymous.GetPageAsync("/ideer?q=" + Uri.EscapeDataString("grønnere østre"));
        Assert.Contains("Grønnere gårdsrom på Østre torg", Text(search));
        Assert.DoesNotContain("Flere benker langs Strandstien", Text(search));
        Assert.Contains("1 idé", Text(search));
        Assert.Contains("«grønnere østre»", search.QuerySelector(".active-filters")!.TextContent);
        Assert.Equal("grønnere østre", search.QuerySelector<IHtmlInputElement>("#q")!.Value);

        var byConsultation = Text(await anonymous.GetPageAsync($"/ideer?medvirkning={other.Slug}"));
        Assert.Contains("Sykkelparkering ved stasjonen", byConsultation);
        Assert.DoesNotContain("Grønnere gårdsrom", byConsultation);

        var byTheme = Text(await anonymous.GetPageAsync($"/ideer?tema={setup.ThemeSlug}&sorter=stemmer"));
        Assert.Contains("Flere benker", byTheme);
        Assert.DoesNotContain("Sykkelparkering", byTheme);

        var byPrincipleAndGoal = Text(await anonymous.GetPageAsync("/ideer?prinsipp=klima-og-miljo&mal=13&sorter=populaert"));
        Assert.Contains("Grønnere gårdsrom", byPrincipleAndGoal);
        Assert.DoesNotContain("Flere benker", byPrincipleAndGoal);

        var byStatus = Text(await anonymous.GetPageAsync($"/ideer?status=vedtatt&medvirkning={setup.Slug}&sorter=diskutert"));
        Assert.Contains("0 ideer", byStatus);

        await factory.Ideas.VoteAsync(author, benches.Id);
        var byVotes = await anonymous.GetPageAsync($"/medvirkning/{setup.Slug}?sorter=stemmer");
        var titles = byVotes.QuerySelectorAll(".idea-card h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Flere benker langs Strandstien", "Grønnere gårdsrom på Østre torg"], titles);
        Assert.Equal("application/atom+xml", byVotes.QuerySelector("head link[rel=alternate]")!.GetAttribute("type"));

        var consultations = Text(await anonymous.GetPageAsync("/medvirkning"));
        Assert.Contains(setup.Slug.Split('-')[0], consultations, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Grønnere gårdsrom", Text(await anonymous.GetPageAsync("/ideer/" + green.Slug)));
        _ = bikes;
    }

    [Fact]
    public async Task WrongSlugRedirectsPermanentlyAndUnknownIdeaIsNotFound()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Slugger"));
        var idea = await factory.Ideas.IdeaAsync(await AuthorAsync(), setup.Id, "Lys i Koigen");
        using var client = factory.CreateBylabClient();

        var response = await client.Http.GetAsync($"/ideer/gammel-tittel-{idea.Id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/ideer/{idea.Slug}", response.Headers.Location!.ToString());
        await client.GetPageAsync("/ideer/finnes-ikke-999999", HttpStatusCode.NotFound);
        await client.GetPageAsync("/medvirkning/finnes-ikke", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CitizenSubmitsIdeaThroughPreviewThatShowsSimilarIdeas()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Torget"));
        var existing = await factory.Ideas.IdeaAsync(await AuthorAsync(), setup.Id, "Vannlek for barn på Stortorget", "Fontene og vannlek om sommeren.");
        var (client, _) = await CitizenAsync();
        var url = $"/medvirkning/{setup.Slug}/ny-ide";

        var preview = await BylabClient.ParseAsync(await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Title"] = "Vannlek på Stortorget",
            ["BodyMarkdown"] = "En **fontene** der barn kan leke.",
            ["Principles"] = "innbyggerne-i-sentrum",
            ["Goals"] = "3",
            ["PlaceName"] = "Stortorget",
        }, submitter: "button[value=preview]"));
        var similar = preview.QuerySelector(".similar-ideas")!;
        Assert.Equal($"/ideer/{existing.Slug}", similar.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("fontene", preview.QuerySelector(".idea-preview strong")!.TextContent);

        // "Endre" goes back to the form with everything kept.
        var back = await BylabClient.ParseAsync(await client.SubmitAsync(preview, new Dictionary<string, string>(), submitter: "button[value=edit]"));
        Assert.Equal("Vannlek på Stortorget", back.FieldValue("Title"));
        Assert.True(back.QuerySelector<IHtmlInputElement>("#Principles_innbyggerne-i-sentrum")!.IsChecked);
        Assert.True(back.QuerySelector<IHtmlInputElement>("#Goals_3")!.IsChecked);

        var saved = await client.SubmitAsync(preview, new Dictionary<string, string>(), submitter: "button[value=submit]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var ideaPage = await client.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.Equal("Vannlek på Stortorget", ideaPage.QuerySelector("h1")!.TextContent);
        Assert.Contains("Ideen din er publisert", Text(ideaPage));
        Assert.Contains("Sett innbyggerne i sentrum", Text(ideaPage));
        Assert.Contains("God helse og livskvalitet", Text(ideaPage));
        Assert.Contains("Stortorget", ideaPage.QuerySelector(".idea-facts")!.TextContent);
    }

    [Fact]
    public async Task WhitespaceTitleHugeBodyAndUnknownTagsAreRefusedWithInputKept()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Validering"));
        var (client, _) = await CitizenAsync();
        var url = $"/medvirkning/{setup.Slug}/ny-ide";

        var response = await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Title"] = "   ",
            ["BodyMarkdown"] = new string('x', Idea.BodyMaxLength + 1),
            ["ThemeId"] = "",
            ["Principles"] = "finnes-ikke",
        }, submitter: "button[value=preview]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        var errors = page.ErrorSummary();
        Assert.Contains("Skriv en tittel.", errors);
        Assert.Contains($"Beskrivelsen kan være høyst {Idea.BodyMaxLength} tegn.", errors);
        Assert.Contains("Velg et tema.", errors);
        Assert.Contains("Velg bare blant prinsippene i listen.", errors);
        Assert.Equal(Idea.BodyMaxLength + 1, page.FieldValue("BodyMarkdown")!.Length);

        // Straight to "submit", skipping the preview: the same checks.
        var direct = await client.SubmitAsync(url, new Dictionary<string, string> { ["Title"] = " ", ["BodyMarkdown"] = "Tekst", ["Step"] = "submit" });
        Assert.Contains("Skriv en tittel.", (await BylabClient.ParseAsync(direct)).ErrorSummary());
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Ideas.Count(i => i.ConsultationId == setup.Id))));
    }

    [Fact]
    public async Task MarkdownCannotRunScriptsOnTheIdeaPage()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Markdown"));
        var idea = await factory.Ideas.IdeaAsync(await AuthorAsync(), setup.Id, "Farlig tekst", "Hei <script>alert('x')</script> og [klikk](javascript:alert(1)) og <img src=x onerror=alert(2)>");
        using var client = factory.CreateBylabClient();

        var page = await client.GetPageAsync("/ideer/" + idea.Slug);
        var body = page.QuerySelector(".idea__body")!;
        Assert.Empty(body.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(page.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task VotingWithoutJavaScriptCountsOnceAndSaysSo()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Stemmer"));
        var idea = await factory.Ideas.IdeaAsync(await AuthorAsync(), setup.Id, "Bibliotek åpent om kvelden");
        var (client, _) = await CitizenAsync();
        var url = "/ideer/" + idea.Slug;

        var page = await client.GetPageAsync(url);
        Assert.Equal("0", page.QuerySelector("[data-vote-count]")!.TextContent);
        var voted = await client.SubmitAsync(page, new Dictionary<string, string>(), "form[data-vote-form]");
        Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        Assert.Equal(url + "#stemmer", voted.Headers.Location!.ToString());
        var after = await client.GetPageAsync(url);
        Assert.Equal("1", after.QuerySelector("[data-vote-count]")!.TextContent);
        Assert.Contains("Stemmen din er registrert", Text(after));
        Assert.Equal("Fjern stemmen min", after.QuerySelector("form[data-vote-form] button")!.TextContent);

        // The same form posted again (a second tab, the back button): "already voted", the count stays.
        var replay = await client.SubmitAsync(page, new Dictionary<string, string>(), "form[data-vote-form]");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        var again = await client.GetPageAsync(url);
        Assert.Contains("Du har allerede stemt på denne ideen.", Text(again));
        Assert.Equal("1", again.QuerySelector("[data-vote-count]")!.TextContent);

        var unvoted = await client.SubmitAsync(again, new Dictionary<string, string>(), "form[data-vote-form]");
        Assert.Equal(HttpStatusCode.Redirect, unvoted.StatusCode);
        Assert.Equal("0", (await client.GetPageAsync(url)).QuerySelector("[data-vote-count]")!.TextContent);
    }

    [Fact]
    public async Task VotingWithFetchGetsJsonAndMissingIdeaIsNotFound()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Fetch"), maxVotes: 1);
        var author = await AuthorAsync();
        var first = await factory.Ideas.IdeaAsync(author, setup.Id, "Første idé");
        var second = await factory.Ideas.IdeaAsync(author, setup.Id, "Andre idé");
        var (client, _) = await CitizenAsync();
        var token = BylabClient.TokenFrom(await client.GetPageAsync("/ideer/" + first.Slug));

        async Task<HttpResponseMessage> PostAsync(string url)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
            };
            request.Headers.Add("X-Requested-With", "fetch");
            return await client.Http.SendAsync(request);
        }

        var response = await PostAsync($"/ideer/{first.Id}/stem");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("voted").GetBoolean());
        Assert.Equal(1, json.GetProperty("count").GetInt32());
        Assert.Equal("Takk! Stemmen din er registrert.", json.GetProperty("message").GetString());

        var limited = JsonDocument.Parse(await (await PostAsync($"/ideer/{second.Id}/stem")).Content.ReadAsStringAsync()).RootElement;
        Assert.False(limited.GetProperty("voted").GetBoolean());
        Assert.Equal(0, limited.GetProperty("count").GetInt32());
        Assert.Contains("alle de 1 stemmene", limited.GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("/ideer/987654/stem")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostRawAsync("/ideer/987654/stem", [new("__RequestVerificationToken", token)])).StatusCode);
    }

    [Fact]
    public async Task WithdrawnIdeaExplainsItselfAndRefusesVotes()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Tilbaketrekking"));
        var (authorClient, authorId) = await CitizenAsync("forfatter");
        var idea = await factory.Ideas.IdeaAsync(authorId, setup.Id, "Idé som trekkes");
        var (voter, _) = await CitizenAsync();
        var voterPage = await voter.GetPageAsync("/ideer/" + idea.Slug);

        var withdrawn = await authorClient.SubmitAsync($"/ideer/{idea.Id}/trekk-tilbake", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var refused = await voter.SubmitAsync(voterPage, new Dictionary<string, string>(), "form[data-vote-form]");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await voter.GetPageAsync("/ideer/" + idea.Slug);
        Assert.Contains("tar ikke imot stemmer", Text(page));
        Assert.Contains("Forfatteren har trukket tilbake denne ideen", Text(page));
        Assert.Equal("0", page.QuerySelector("[data-vote-count]")!.TextContent);
        Assert.Null(page.QuerySelector("form[data-vote-form]"));
        Assert.DoesNotContain("Idé som trekkes", Text(await voter.GetPageAsync("/ideer")));

        // Someone else cannot withdraw or edit it.
        var other = await factory.Ideas.IdeaAsync(authorId, setup.Id, "Annen idé");
        Assert.Equal(HttpStatusCode.Forbidden, (await voter.PostRawAsync($"/ideer/{other.Id}/trekk-tilbake",
            [new("__RequestVerificationToken", BylabClient.TokenFrom(page))])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await voter.Http.GetAsync($"/ideer/{other.Id}/rediger")).StatusCode);
    }

    [Fact]
    public async Task ClosedConsultationRefusesIdeasCommentsAndVotes()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Stengt"));
        var idea = await factory.Ideas.IdeaAsync(await AuthorAsync(), setup.Id, "Idé i en stengt medvirkning");
        var (client, _) = await CitizenAsync();
        var ideaPage = await client.GetPageAsync("/ideer/" + idea.Slug);
        var submitPage = await client.GetPageAsync($"/medvirkning/{setup.Slug}/ny-ide");
        await factory.Ideas.MoveToAsync(setup.Id, ConsultationPhase.Closed);

        // Forms fetched while it was open are posted after it closed: the server says no.
        var vote = await client.SubmitAsync(ideaPage, new Dictionary<string, string>(), "form[data-vote-form]");
        Assert.Contains("Medvirkningen tar ikke imot stemmer nå.", Text(await client.GetPageAsync(vote.Headers.Location!.ToString())));
        var comment = await client.SubmitAsync(ideaPage, new Dictionary<string, string> { ["Body"] = "Kommentar for sent" }, "#ny-kommentar");
        Assert.Contains("Medvirkningen tar ikke imot kommentarer nå.", Text(await client.GetPageAsync(comment.Headers.Location!.ToString())));
        var submitted = await client.SubmitAsync(submitPage, new Dictionary<string, string>
        {
            ["Title"] = "For sent", ["BodyMarkdown"] = "Tekst", ["Step"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("Medvirkningen tar ikke imot ideer nå.", Text(await client.GetPageAsync(submitted.Headers.Location!.ToString())));

        var page = await client.GetPageAsync("/ideer/" + idea.Slug);
        Assert.Equal("0", page.QuerySelector("[data-vote-count]")!.TextContent);
        Assert.Null(page.QuerySelector("form[data-vote-form]"));
        Assert.Null(page.QuerySelector("#ny-kommentar"));
        var consultation = await client.GetPageAsync($"/medvirkning/{setup.Slug}");
        Assert.Null(consultation.QuerySelector($"a[href$='/ny-ide']"));
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Comments.Count(c => c.IdeaId == idea.Id))));
    }

    [Fact]
    public async Task CommentsTakeOneLevelOfRepliesAndCanBeEditedAndDeleted()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Kommentarer"));
        var idea = await factory.Ideas.IdeaAsync(await AuthorAsync(), setup.Id, "Idé med samtale");
        var (client, _) = await CitizenAsync();
        var url = "/ideer/" + idea.Slug;

        var empty = await client.SubmitAsync(url, new Dictionary<string, string> { ["Body"] = "   " }, "#ny-kommentar");
        Assert.Contains("Skriv en kommentar.", (await BylabClient.ParseAsync(empty)).ErrorSummary());

        var added = await client.SubmitAsync(url, new Dictionary<string, string> { ["Body"] = "Godt forslag!" }, "#ny-kommentar");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await client.GetPageAsync(url);
        var commentId = int.Parse(page.QuerySelector(".comment")!.Id!["kommentar-".Length..]);

        var reply = await client.SubmitAsync(page, new Dictionary<string, string> { ["Body"] = "Enig!" }, "details.reply form");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        page = await client.GetPageAsync(url);
        Assert.Contains("Enig!", page.QuerySelector(".comment-list--replies")!.TextContent);
        Assert.Contains("Kommentarer (2)", Text(page));
        var replyId = page.QuerySelector(".comment-list--replies .comment")!.Id!["kommentar-".Length..];

        // A reply to a reply, as a tampered form would send it.
        var deeper = await client.SubmitAsync(page, new Dictionary<string, string> { ["Body"] = "Dypere", ["ParentId"] = replyId }, "details.reply form");
        Assert.Contains("Du kan bare svare på kommentarer, ikke på svar.", Text(await client.GetPageAsync(deeper.Headers.Location!.ToString())));

        var edited = await client.SubmitAsync($"/ideer/kommentarer/{commentId}/rediger", new Dictionary<string, string> { ["Body"] = "Veldig godt forslag!" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        page = await client.GetPageAsync(url);
        Assert.Contains("Veldig godt forslag!", Text(page));
        Assert.Contains("endret", Text(page));

        // The comment's delete link opens a question page; only its form deletes.
        Assert.NotNull(page.QuerySelector($"#kommentar-{commentId} a[href='/ideer/kommentarer/{commentId}/slett']"));
        var question = await client.GetPageAsync($"/ideer/kommentarer/{commentId}/slett");
        Assert.Contains("Veldig godt forslag!", question.QuerySelector("blockquote")!.TextContent);
        Assert.Contains("Veldig godt forslag!", Text(await client.GetPageAsync(url)));
        var deleted = await client.SubmitAsync(question, new Dictionary<string, string>(), $"form[action='/ideer/kommentarer/{commentId}/slett']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        page = await client.GetPageAsync(url);
        Assert.Contains("Kommentaren er slettet.", page.QuerySelector($"#kommentar-{commentId}")!.TextContent);
        Assert.DoesNotContain("Veldig godt forslag!", Text(page));
        Assert.Contains("Enig!", Text(page));

        // Someone else's comment: no edit form for them.
        var (stranger, _) = await CitizenAsync("fremmed");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync($"/ideer/kommentarer/{replyId}/rediger")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync($"/ideer/kommentarer/{replyId}/slett")).StatusCode);
    }

    [Fact]
    public async Task AuthorEditsWithinTheWindowOnly()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Redigering"));
        var (client, authorId) = await CitizenAsync("forfatter");
        var idea = await factory.Ideas.IdeaAsync(authorId, setup.Id, "Første tittel");

        var form = await client.GetPageAsync($"/ideer/{idea.Id}/rediger");
        Assert.Contains("minutter til", Text(form));
        var saved = await client.SubmitAsync(form, new Dictionary<string, string> { ["Title"] = "Bedre tittel" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/ideer/{Slugs.WithId("Bedre tittel", idea.Id)}", saved.Headers.Location!.ToString());

        await using var noWindow = new NoEditWindowFactory();
        var late = await noWindow.Ideas.ConsultationAsync(TestData.Unique("Sent"));
        var email = TestData.UniqueEmail("sen");
        var user = await noWindow.Users.CreateAsync(email: email, password: TestData.Password);
        var lateIdea = await noWindow.Ideas.IdeaAsync(user.Id, late.Id, "For sent å endre");
        using var lateClient = noWindow.CreateBylabClient();
        await lateClient.LogInAsync(email, TestData.Password);
        var page = await lateClient.GetPageAsync("/ideer/" + lateIdea.Slug);
        Assert.Null(page.QuerySelector($"a[href='/ideer/{lateIdea.Id}/rediger']"));
        var refused = await lateClient.Http.GetAsync($"/ideer/{lateIdea.Id}/rediger");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var posted = await lateClient.PostRawAsync($"/ideer/{lateIdea.Id}/rediger", [
            new("__RequestVerificationToken", BylabClient.TokenFrom(page)), new("Title", "Ny"), new("BodyMarkdown", "Ny"), new("ThemeId", late.ThemeId.ToString())]);
        Assert.Contains("Tiden for å endre ideen er ute.", Text(await lateClient.GetPageAsync(posted.Headers.Location!.ToString())));
    }

    [Fact]
    public async Task AnonymousVisitorsAreAskedToLogInAndCannotPost()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Anonym"));
        var idea = await factory.Ideas.IdeaAsync(await AuthorAsync(), setup.Id, "Idé for alle");
        using var client = factory.CreateBylabClient();

        var page = await client.GetPageAsync("/ideer/" + idea.Slug);
        var returnUrl = Uri.EscapeDataString("/ideer/" + idea.Slug);
        Assert.Equal(2, page.QuerySelectorAll($"a[href='/konto/logg-inn?returnUrl={returnUrl}']").Length);
        Assert.Null(page.QuerySelector("form[data-vote-form]"));
        var post = await client.PostRawAsync($"/ideer/{idea.Id}/stem", [new("__RequestVerificationToken", BylabClient.TokenFrom(page))]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/konto/logg-inn", post.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ConsultationFeedIsWellFormedAtomWithItsIdeas()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Feed"));
        var idea = await factory.Ideas.IdeaAsync(await AuthorAsync(), setup.Id, "Idé i strømmen & <mer>", "Kort **tekst** om idéen.");
        using var client = factory.CreateBylabClient();

        var response = await client.Http.GetAsync($"/medvirkning/{setup.Slug}/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.NotNull(feed.Root.Element(atom + "id"));
        Assert.NotNull(feed.Root.Element(atom + "updated"));
        Assert.Contains(feed.Root.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "self" && ((string)l.Attribute("href")!).EndsWith("/feed.atom"));
        var entry = Assert.Single(feed.Root.Elements(atom + "entry"));
        Assert.Equal("Idé i strømmen & <mer>", entry.Element(atom + "title")!.Value);
        Assert.EndsWith("/ideer/" + idea.Slug, (string)entry.Element(atom + "link")!.Attribute("href")!);
        Assert.Equal("Kort tekst om idéen.", entry.Element(atom + "summary")!.Value);
        Assert.NotNull(entry.Element(atom + "author")!.Element(atom + "name"));
        Assert.True(DateTimeOffset.TryParse(entry.Element(atom + "updated")!.Value, out _));
    }
}

/// <summary>An app where the edit window is zero minutes: every idea is past it at once.</summary>
public sealed class NoEditWindowFactory : BylabFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Bylab:Ideas:EditWindowMinutes", "0")];
}
