using System.Globalization;
using System.Text;
using System.Xml;
using Bylab.Core.Common;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Ideas;

/// <summary>An Atom 1.0 feed (RFC 4287) of a consultation's newest ideas, written by hand: System.ServiceModel.Syndication is not part of ASP.NET Core.</summary>
[AllowAnonymous]
public sealed class FeedController(IdeaQueries queries, PublicUrls urls, IStringLocalizer<IdeasResource> l) : Controller
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const int Entries = 50;

    [HttpGet("medvirkning/{slug}/feed.atom")]
    public async Task<IActionResult> Feed(string slug, CancellationToken ct)
    {
        if (await queries.GetConsultationBySlugAsync(slug, ct) is not { } consultation)
        {
            return NotFound();
        }
        var ideas = await queries.ListAsync(new IdeaFilter(consultation.Summary.Id, PageSize: Entries), ct);
        var page = urls.Absolute(IdeaPaths.Consultation(consultation.Summary.Slug));
        var updated = ideas.Items.Select(i => i.AnsweredAt > i.CreatedAt ? i.AnsweredAt.Value : i.CreatedAt)
            .DefaultIfEmpty(consultation.CreatedAt).Max();

        var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            xml.WriteElementString("id", Atom, page);
            xml.WriteElementString("title", Atom, Text(l["Feed.Title", consultation.Summary.Title].Value));
            xml.WriteElementString("updated", Atom, Rfc3339(updated));
            Link(xml, "self", page + "/feed.atom", "application/atom+xml");
            Link(xml, "alternate", page, "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, l["Feed.Publisher"].Value);
            xml.WriteEndElement();
            foreach (var idea in ideas.Items)
            {
                var url = urls.Absolute(IdeaPaths.Idea(idea.Slug));
                xml.WriteStartElement("entry", Atom);
                // The id stays the same when the title (and so the slug) changes.
                xml.WriteElementString("id", Atom, urls.Absolute($"/ideer/{idea.Id}"));
                xml.WriteElementString("title", Atom, Text(idea.Title));
                xml.WriteElementString("updated", Atom, Rfc3339(idea.AnsweredAt > idea.CreatedAt ? idea.AnsweredAt.Value : idea.CreatedAt));
                xml.WriteElementString("published", Atom, Rfc3339(idea.CreatedAt));
                Link(xml, "alternate", url, "text/html");
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, Text(idea.AuthorName ?? l["Idea.DeletedAccount"].Value));
                xml.WriteEndElement();
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", Text(idea.ThemeTitle));
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(Text(idea.Excerpt));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }
        return File(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>
    /// Stored text as XML can carry it: on one line, without control characters (XML 1.0 has no way to write most of
    /// them, and the writer would stop the feed with an error) nor other characters XML does not allow.
    /// </summary>
    private static string Text(string? text) =>
        new(SingleLineText.Flatten(text).Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());

    private static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
