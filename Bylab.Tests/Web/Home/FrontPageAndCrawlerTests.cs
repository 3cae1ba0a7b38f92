using System.Net;
using System.Xml.Linq;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Events;
using Bylab.Tests.Web.Organise;

namespace Bylab.Tests.Web.Home;

/// <summary>
/// The front page lists what is coming and promises nothing the site does not do; search engines and link previews
/// get robots.txt, a sitemap, a favicon, a description and Open Graph tags – with addresses from Bylab:Site:PublicUrl.
/// </summary>
public sealed class FrontPageAndCrawlerTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task TheFrontPageListsTheNextEventsWithPlacesLeftAndLeadsToBorrowingTheVenue()
    {
        // The soonest event of all in this host: half an hour from now.
        var soon = await factory.Events.AtBylabAsync("Frokostmøte i Bylab", e =>
        {
            e.StartsAt = DateTime.UtcNow.AddMinutes(30);
            e.EndsAt = e.StartsAt.AddHours(1);
            e.Capacity = 12;
            e.MaxCompanions = 2;
        });
        await factory.Events.SignUpGuestAsync(soon.Id, "Kari Nordmann", companions: 1);
        using var client = factory.CreateBylabClient();

        var page = await client.GetPageAsync("/");

        var first = page.QuerySelector(".home-events .event-card")!;
        Assert.Contains("Frokostmøte i Bylab", first.TextContent);
        Assert.Contains("10 ledige plasser", first.TextContent);
        Assert.Equal($"/arrangementer/{soon.Slug}", first.QuerySelector("h3 a")!.GetAttribute("href"));
        var borrow = page.QuerySelector("#borrow-card")!;
        // The card leads to the venue's page, where organisations see when it is free and ask for it (issue 12).
        Assert.Equal("Se når lokalet er ledig, og be om å låne det", borrow.QuerySelector("a[href='/lokalet']")!.TextContent);
        Assert.Contains("Spørsmål om lån?", borrow.TextContent);
        Assert.NotNull(borrow.QuerySelector("a[href='mailto:bylab@hamar.kommune.no']"));
    }

    [Fact]
    public async Task RobotsSitemapAndFaviconAnswerWithoutALoginAndNameOnlyThePublicUrl()
    {
        var published = await factory.Events.AtBylabAsync("Åpent møte i sitemapen");
        var draft = await factory.Events.AtBylabAsync("Kladd som ikke skal vises", e => { e.Status = EventStatus.Draft; e.PublishedAt = null; });
        // Addresses come from Bylab:Site:PublicUrl (a forged Host header: Web/Security/HostHeaderTests).
        using var client = factory.CreateBylabClient();

        var robots = await client.Http.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, robots.StatusCode);
        var robotsText = await robots.Content.ReadAsStringAsync();
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robotsText);
        Assert.Contains("Disallow: /pamelding", robotsText);

        var sitemap = await client.Http.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, sitemap.StatusCode);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(await sitemap.Content.ReadAsStringAsync()).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.All(locs, l => Assert.StartsWith("http://localhost/", l));
        Assert.Contains("http://localhost/", locs);
        Assert.Contains("http://localhost/ideer", locs);
        Assert.Contains($"http://localhost/arrangementer/{published.Slug}", locs);
        Assert.DoesNotContain($"http://localhost/arrangementer/{draft.Slug}", locs);

        var favicon = await client.Http.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal("image/x-icon", favicon.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task APublicPageCarriesADescriptionAndOpenGraphAndAPersonalPageNeither()
    {
        var ev = await factory.Events.AtBylabAsync("Kveldsmøte om parkene");
        var kari = await factory.Events.SignUpGuestAsync(ev.Id, "Kari Nordmann");
        using var client = factory.CreateBylabClient();

        var page = await client.GetPageAsync($"/arrangementer/{ev.Slug}");
        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
        Assert.Contains("Kom og si hva du mener om byen.", Meta("meta[name=description]"));
        Assert.Equal("Kveldsmøte om parkene", Meta("meta[property='og:title']"));
        Assert.Equal($"http://localhost/arrangementer/{ev.Slug}", Meta("meta[property='og:url']"));
        Assert.Equal("Bylab Hamar", Meta("meta[property='og:site_name']"));
        Assert.Contains("Kom og si hva du mener om byen.", Meta("meta[property='og:description']"));

        // The personal page's address holds a secret: no preview, no indexing.
        var personal = await client.GetPageAsync($"/pamelding/{kari.ManageToken}");
        Assert.Null(personal.QuerySelector("meta[property='og:url']"));
        Assert.Equal("noindex, nofollow", personal.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }
}
