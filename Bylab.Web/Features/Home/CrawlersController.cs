using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Home;

/// <summary>
/// What search engines ask every site for: /robots.txt and a /sitemap.xml of the public pages. Addresses are absolute,
/// from <see cref="SiteOptions.PublicUrl"/>, never from the request's Host header (which anyone can set).
/// </summary>
[AllowAnonymous]
public sealed class CrawlersController(BylabDbContext db, IOptions<SiteOptions> site, TimeProvider time) : Controller
{
    /// <summary>Public pages that are always there, besides each event, consultation and idea.</summary>
    public static readonly IReadOnlyList<string> FixedPages =
        ["/", "/arrangementer", "/arrangementer/kalender", "/medvirkning", "/ideer", "/tilgjengelighet", "/personvern", "/apenhet"];

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGet("/robots.txt")]
    [ResponseCache(Duration = 3600, Location = ResponseCacheLocation.Any)]
    public ContentResult Robots() => Content(
        // Personal pages (a sign-up's token link, Min side), staff pages and forms are no use in a search result.
        "User-agent: *\n" +
        "Disallow: /admin\n" +
        "Disallow: /arrangor\n" +
        "Disallow: /min-side\n" +
        "Disallow: /konto\n" +
        "Disallow: /pamelding\n" +
        "Disallow: /sprak\n" +
        $"Sitemap: {site.Value.Link("/sitemap.xml")}\n",
        "text/plain; charset=utf-8");

    [HttpGet("/sitemap.xml")]
    [ResponseCache(Duration = 3600, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> SitemapXml(CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-90);
        var events = await db.Events.AsNoTracking().PubliclyVisible()
            // As the programme: published events, and cancelled ones that were public before (drafts never).
            .Where(e => e.Status == EventStatus.Published || (e.Status == EventStatus.Cancelled && e.PublishedAt != null))
            .Where(e => e.EndsAt > since)
            .OrderBy(e => e.StartsAt).Select(e => new { e.Slug, Changed = e.UpdatedAt ?? e.PublishedAt ?? e.CreatedAt })
            .ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking()
            .OrderBy(c => c.OpensAt).Select(c => new { c.Slug, c.CreatedAt }).ToListAsync(ct);
        var ideas = await db.Ideas.AsNoTracking().Listed()
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Title, Changed = i.AnsweredAt ?? i.EditedAt ?? i.CreatedAt })
            .ToListAsync(ct);

        var urls = FixedPages.Select(p => UrlEntry(p, null))
            .Concat(events.Select(e => UrlEntry(EventPathOf(e.Slug), e.Changed)))
            .Concat(consultations.Select(c => UrlEntry("/medvirkning/" + Uri.EscapeDataString(c.Slug), c.CreatedAt)))
            .Concat(ideas.Select(i => UrlEntry("/ideer/" + Uri.EscapeDataString(Slugs.WithId(i.Title, i.Id)), i.Changed)));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemap + "urlset", urls));
        return Content(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8", Encoding.UTF8);
    }

    private static string EventPathOf(string slug) => "/arrangementer/" + Uri.EscapeDataString(slug);

    private XElement UrlEntry(string path, DateTime? changed) =>
        new(Sitemap + "url",
            new XElement(Sitemap + "loc", site.Value.Link(path)),
            changed is { } at ? new XElement(Sitemap + "lastmod", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null);
}
