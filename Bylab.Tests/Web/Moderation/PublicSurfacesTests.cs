using System.Net;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Moderation;

/// <summary>
/// The visibility rule as the public meets it over HTTP: hidden and held ideas, comments and events are absent from the
/// idea list and its search, the consultation page, the Atom feed, the front page, the programme, the calendar feed and
/// the sitemap; a hidden idea's own page says a moderator hid it and why, and nothing it said.
/// </summary>
public sealed class PublicSurfacesTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task HiddenAndHeldItemsAreAbsentFromEveryPublicPageAndFeed()
    {
        var tag = TestData.Unique("Moderert").Replace(" ", "");
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Bylivet"));
        var author = await factory.Users.CreateAsync("Forfatter");
        var reader = await factory.Users.CreateAsync("Leser");
        var shown = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, $"Synlig {tag} benker");
        var hidden = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, $"Skjult {tag} reklame", "Kjøp varene våre nå.");
        var held = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, $"Holdt {tag} forslag");
        var comment = await factory.WithAsync((CommentService c) => c.AddAsync(reader.Id, shown.Id, null, $"Kommentar {tag} som skjules"));
        var shownEvent = await factory.Events.AddAsync($"Synlig møte {tag}");
        var hiddenEvent = await factory.Events.AddAsync($"Skjult møte {tag}");
        var heldEvent = await factory.Events.AddAsync($"Holdt møte {tag}");
        await factory.Moderation.HideAsync(ContentKind.Idea, hidden.Id, ModerationReason.Spam, "Reklame for en butikk.");
        await factory.Moderation.HoldAsync(ContentKind.Idea, held.Id);
        await factory.Moderation.HideAsync(ContentKind.Comment, comment.CommentId!.Value, ModerationReason.OffensiveOrHateful);
        await factory.Moderation.HideAsync(ContentKind.Event, hiddenEvent.Id, ModerationReason.Spam);
        await factory.Moderation.HoldAsync(ContentKind.Event, heldEvent.Id);
        using var client = factory.CreateBylabClient();

        foreach (var url in new[]
                 {
                     "/ideer?q=" + tag, "/ideer", $"/medvirkning/{consultation.Slug}", $"/medvirkning/{consultation.Slug}/feed.atom", "/",
                     "/arrangementer", "/arrangementer/kalender.ics", "/sitemap.xml", IdeaPathOf(shown.Slug),
                 })
        {
            var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain($"Skjult {tag}", body);
            Assert.DoesNotContain($"Holdt {tag}", body);
            Assert.DoesNotContain($"Skjult møte {tag}", body);
            Assert.DoesNotContain($"Holdt møte {tag}", body);
            Assert.DoesNotContain($"Kommentar {tag}", body);
            Assert.DoesNotContain($"-{hidden.Id}<", body.Replace("\"", "<"));
        }
        // The visible ones are there (so the pages above were the right ones).
        Assert.Contains($"Synlig {tag}", WebUtility.HtmlDecode(await client.Http.GetStringAsync("/ideer?q=" + tag)));
        Assert.Contains($"Synlig {tag}", WebUtility.HtmlDecode(await client.Http.GetStringAsync($"/medvirkning/{consultation.Slug}/feed.atom")));
        Assert.Contains($"Synlig møte {tag}", WebUtility.HtmlDecode(await client.Http.GetStringAsync("/arrangementer")));
        Assert.DoesNotContain($"Skjult møte {tag}", await client.Http.GetStringAsync("/arrangementer/" + hiddenEvent.Slug));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/arrangementer/" + shownEvent.Slug)).StatusCode);

        // The hidden idea's old address leads (not permanently) to its page without the title, which says why.
        var old = await client.Http.GetAsync(IdeaPathOf(hidden.Slug));
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal($"/ideer/{hidden.Id}", old.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync($"/ideer/{hidden.Id}");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Equal("Skjult idé", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Skjult av en moderator", text);
        Assert.Contains("Grunn: Spam eller reklame", text);
        Assert.Contains("Reklame for en butikk.", text);
        Assert.DoesNotContain("Kjøp varene", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain(tag, page.DocumentElement.OuterHtml);

        // The hidden comment keeps its place with the reason.
        var idea = await client.GetPageAsync(IdeaPathOf(shown.Slug));
        Assert.Contains("Grunn: Støtende eller hatefullt", idea.QuerySelector($"#kommentar-{comment.CommentId}")!.TextContent);
    }

    private static string IdeaPathOf(string slug) => "/ideer/" + slug;
}
