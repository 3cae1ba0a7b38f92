using System.Text;
using Bylab.Core.Common;
using Bylab.Core.Email;
using Bylab.Core.Ideas;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Ideas;

/// <summary>
/// The daily digest to an idea's author, in the language they chose: per idea, who wrote what (an excerpt in plain text),
/// with a link to the comment, and how to turn these e-mails off. Links are absolute from <see cref="SiteOptions.PublicUrl"/>:
/// the background service writes these mails, with no request to take a host from.
/// </summary>
public sealed class CommentDigestMails(IStringLocalizer<IdeasResource> l, IOptions<SiteOptions> site) : ICommentDigestComposer
{
    public const int ExcerptLength = 300;

    public EmailMessage Compose(CommentDigestMail mail) => CultureSwitch.In(mail.Culture, () => Write(mail));

    private EmailMessage Write(CommentDigestMail mail)
    {
        var text = new StringBuilder();
        text.AppendLine(l["Digest.Greeting", OneLine(mail.DisplayName)].Value).AppendLine();
        text.AppendLine(mail.Items.Count == 1 ? l["Digest.IntroOne"].Value : l["Digest.Intro", mail.Items.Count].Value);
        foreach (var idea in mail.Items.GroupBy(i => i.IdeaId))
        {
            var first = idea.First();
            text.AppendLine().AppendLine($"«{OneLine(first.IdeaTitle)}»");
            foreach (var item in idea)
            {
                var who = item.WriterName is null ? l["Idea.DeletedAccount"].Value : OneLine(item.WriterName);
                text.AppendLine("- " + l["Digest." + item.Reason, who, Display.DateTime(item.CreatedAt)].Value);
                text.AppendLine("  " + Excerpt(item.BodyMarkdown));
                text.AppendLine("  " + site.Value.Link(IdeaPaths.Idea(item.IdeaSlug) + "#kommentar-" + item.CommentId));
            }
        }
        text.AppendLine().AppendLine(l["Digest.OncePerDay"].Value);
        text.AppendLine(l["Digest.TurnOff"].Value + " " + site.Value.Link("/min-side#varsler"));
        text.AppendLine().Append(l["Digest.Signature"].Value);
        var subject = mail.Items.Count == 1 ? l["Digest.SubjectOne"].Value : l["Digest.Subject", mail.Items.Count].Value;
        return new EmailMessage(mail.Email, subject, text.ToString());
    }

    /// <summary>A name or title on one line: no control characters reach the mail.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The comment as plain text on one line, cut at a word near <see cref="ExcerptLength"/> characters.</summary>
    public static string Excerpt(string markdown)
    {
        var plain = OneLine(Markdig.Markdown.ToPlainText(markdown));
        if (plain.Length <= ExcerptLength)
        {
            return plain;
        }
        var cut = plain.LastIndexOf(' ', ExcerptLength);
        return plain[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)] + " …";
    }
}
