using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Bylab.Core.Common;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Ideas;

/// <summary>
/// An Atom 1.0 feed (RFC 4287) of a consultation's newest ideas. Its links are absolute and built from
/// <see cref="SiteOptions.PublicUrl"/>, never from the request's Host header, which the client chooses.
/// </summary>
[AllowAnonymous]
public sealed class FeedController(IdeaQueries queries, IOptions<SiteOptions> site, IStringLocalizer<IdeasResource> l) : Controller
{
    private const int Entries = 50;

    [HttpGet("medvirkning/{slug}/feed.atom")]
    public async Task<IActionResult> Feed(string slug, CancellationToken ct)
    {
        if (await queries.GetConsultationBySlugAsync(slug, ct) is not { } consultation)
        {
            return NotFound();
        }
        var ideas = await queries.ListAsync(new IdeaFilter(consultation.Summary.Id, PageSize: Entries), ct);
        var page = site.Value.Link(IdeaPaths.Consultation(consultation.Summary.Slug));
        var feed = new SyndicationFeed(Text(l["Feed.Title", consultation.Summary.Title].Value), null, new Uri(page))
        {
            Id = page,
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            LastUpdatedTime = Utc(ideas.Items.Select(Updated).DefaultIfEmpty(consultation.CreatedAt).Max()),
            Items = ideas.Items.Select(Entry).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(page + "/feed.atom"), "self", null, "application/atom+xml", 0));
        feed.Authors.Add(new SyndicationPerson { Name = l["Feed.Publisher"].Value });

        var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }
        return File(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private SyndicationItem Entry(IdeaListItem idea)
    {
        var item = new SyndicationItem
        {
            // The id stays the same when the title (and so the slug) changes.
            Id = site.Value.Link($"/ideer/{idea.Id.ToString(CultureInfo.InvariantCulture)}"),
            Title = new TextSyndicationContent(Text(idea.Title)),
            Summary = new TextSyndicationContent(Text(idea.Excerpt)),
            PublishDate = Utc(idea.CreatedAt),
            LastUpdatedTime = Utc(Updated(idea)),
        };
        item.Links.Add(new SyndicationLink(new Uri(site.Value.Link(IdeaPaths.Idea(idea.Slug))), "alternate", null, "text/html", 0));
        item.Authors.Add(new SyndicationPerson { Name = Text(idea.AuthorName ?? l["Idea.DeletedAccount"].Value) });
        item.Categories.Add(new SyndicationCategory(Text(idea.ThemeTitle)));
        return item;
    }

    /// <summary>
    /// Stored text as XML can carry it: on one line, without control characters (XML 1.0 cannot write most of them, and
    /// the writer would stop the feed with an error) nor other characters XML does not allow.
    /// </summary>
    private static string Text(string? text) =>
        new(SingleLineText.Flatten(text).Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());

    private static DateTime Updated(IdeaListItem idea) => idea.AnsweredAt > idea.CreatedAt ? idea.AnsweredAt.Value : idea.CreatedAt;

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
