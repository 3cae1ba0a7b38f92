using System.Net;
using System.Text;
using System.Xml.Linq;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Bylab.Tests.Web.Admin.Ideas;
using Bylab.Tests.Web.Organise;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// Every absolute link the site writes comes from Bylab:Site:PublicUrl, never from the request: a request with a
/// forged Host header (here even one the host filter lets through) gets mails, feeds and pages whose links all point
/// to the real site. Before this, a reset requested with «Host: evil.example» mailed the victim a link that handed
/// the reset token to that host.
/// </summary>
public sealed class HostHeaderTests(HostHeaderTests.ForgedHostFactory factory) : IClassFixture<HostHeaderTests.ForgedHostFactory>
{
    public const string PublicUrl = "https://bylab.hamar.example";
    private const string Evil = "evil.example";

    public sealed class ForgedHostFactory : BylabFactory
    {
        // The forged host is allowed through on purpose: the links must not depend on the host filter.
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Bylab:Site:PublicUrl", PublicUrl), new("AllowedHosts", "localhost;evil.example")];

        public BylabClient CreateEvilClient() => new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://" + Evil),
        }));
    }

    [Fact]
    public async Task EveryMailAndFeedLinksToThePublicUrlWhateverTheHostHeader()
    {
        using var evil = factory.CreateEvilClient();
        Assert.Equal(Evil, (await evil.Http.GetAsync("/")).RequestMessage!.RequestUri!.Host);

        // Registration (new address, then a taken one), a resend of the confirmation, a forgotten password.
        var newcomer = TestData.UniqueEmail("ny");
        var register = new Dictionary<string, string>
        {
            ["DisplayName"] = "Kari Nordmann", ["Email"] = newcomer, ["Password"] = TestData.Password,
            ["ConfirmPassword"] = TestData.Password, ["AcceptPrivacy"] = "true",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await evil.SubmitAsync("/konto/registrer", register)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await evil.SubmitAsync("/konto/send-bekreftelse", new Dictionary<string, string> { ["Email"] = newcomer })).StatusCode);
        var existing = TestData.UniqueEmail("finnes");
        await factory.Users.CreateAsync(email: existing, password: TestData.Password, roles: [Roles.Citizen]);
        register["Email"] = existing;
        Assert.Equal(HttpStatusCode.Redirect, (await evil.SubmitAsync("/konto/registrer", register)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await evil.SubmitAsync("/konto/passord/glemt", new Dictionary<string, string> { ["Email"] = existing })).StatusCode);

        // A change of address, asked for while signed in.
        await evil.LogInAsync(existing, TestData.Password);
        var changed = TestData.UniqueEmail("ny-adresse");
        Assert.Equal(HttpStatusCode.Redirect, (await evil.SubmitAsync("/min-side/e-post", new Dictionary<string, string> { ["Email"] = changed, ["Password"] = TestData.Password })).StatusCode);

        // An official answer to an idea, mailed to its followers.
        var (consultationId, consultationSlug) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var follower = await factory.Users.CitizenAsync("folger");
        var ideaId = (await factory.Ideas.IdeaAsync(follower.Id, consultationId, "Benker langs Mjøsa")).Id;
        await factory.Ideas.FollowAsync(follower.Id, ideaId);
        var staffEmail = TestData.UniqueEmail("ansatt");
        await factory.Users.CreateAsync(email: staffEmail, password: TestData.Password, roles: [Roles.Staff]);
        var key = await factory.EnableTotpAsync(staffEmail);
        using var staff = factory.CreateEvilClient();
        await staff.LogInWithTotpAsync(staffEmail, TestData.Password, key);
        var answered = await staff.SubmitAsync($"/admin/ideer/{ideaId}", new Dictionary<string, string>
        {
            ["Answer.Status"] = nameof(IdeaStatus.Accepted), ["Answer.AnswerMarkdown"] = "Vi setter opp benker.",
        }, "form[action$='/svar']");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        // A guest sign-up: the confirmation mail with its personal link.
        var (_, slug) = await factory.Events.ForOrganiserAsync(null);
        var guest = TestData.UniqueEmail("gjest");
        using var visitor = factory.CreateEvilClient();
        Assert.Equal(HttpStatusCode.SeeOther, (await visitor.SubmitAsync($"/arrangementer/{slug}",
            new Dictionary<string, string> { ["Name"] = "Gjest", ["Email"] = guest, ["Consent"] = "true" }, "form[action$='/pamelding']")).StatusCode);

        var mails = await factory.AllOutboxAsync();
        Assert.True(mails.Count >= 7, $"expected a mail from every flow, got {mails.Count}");
        foreach (var mail in mails)
        {
            var everything = mail.TextBody + mail.HtmlBody + string.Concat(mail.Attachments.Where(a => a.ContentType.StartsWith("text/")).Select(a => Encoding.UTF8.GetString(a.Content)));
            Assert.DoesNotContain(Evil, everything);
            Assert.StartsWith(PublicUrl + "/", BylabClient.FirstLink(mail.TextBody));
        }
        foreach (var to in new[] { newcomer, existing, changed, follower.Email!, guest })
        {
            Assert.Contains(mails, m => m.To == to);
        }

        // The Atom feed, the calendar feed and the programme page that shows the feed's address.
        var atom = await evil.Http.GetStringAsync($"/medvirkning/{consultationSlug}/feed.atom");
        Assert.DoesNotContain(Evil, atom);
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(atom);
        var addresses = feed.Descendants(ns + "link").Select(l => (string)l.Attribute("href")!).Concat(feed.Descendants(ns + "id").Select(i => i.Value)).ToList();
        // The feed's id, self and alternate links, and the entry's id and link.
        Assert.Equal(5, addresses.Count);
        Assert.All(addresses, a => Assert.StartsWith(PublicUrl + "/", a));
        Assert.DoesNotContain(Evil, await evil.Http.GetStringAsync("/arrangementer/kalender.ics"));
        var programme = await evil.GetPageAsync("/arrangementer");
        Assert.All(programme.QuerySelectorAll("code.feed-address"), c => Assert.StartsWith(PublicUrl + "/", c.TextContent));
    }

    [Fact]
    public async Task RobotsTheSitemapAndLinkPreviewsNameThePublicUrlWhateverTheHostHeader()
    {
        var (_, slug) = await factory.Events.ForOrganiserAsync(null);
        using var evil = factory.CreateEvilClient();

        Assert.Contains($"Sitemap: {PublicUrl}/sitemap.xml", await evil.Http.GetStringAsync("/robots.txt"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(await evil.Http.GetStringAsync("/sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains($"{PublicUrl}/arrangementer/{slug}", locs);
        Assert.All(locs, l => Assert.StartsWith(PublicUrl + "/", l));
        var page = await evil.GetPageAsync($"/arrangementer/{slug}");
        Assert.Equal($"{PublicUrl}/arrangementer/{slug}", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
    }
}
