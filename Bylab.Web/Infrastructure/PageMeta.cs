using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Bylab.Web;

/// <summary>
/// What a page tells browsers, search engines and link previews about itself: its &lt;title&gt; («Ideer – Bylab Hamar»),
/// its description and whether it is a public page worth a preview. Views set <c>ViewData["Title"]</c> and, on public
/// pages, <c>ViewData["Description"]</c>; the layout reads them through here.
/// </summary>
public static class PageMeta
{
    public const string TitleKey = "Title";
    public const string DescriptionKey = "Description";

    /// <summary>Set by a view whose address holds a secret (a personal link) or that only its owner sees.</summary>
    public const string NoIndexKey = "NoIndex";

    /// <summary>
    /// The title a view set, as plain text. Views usually set a <see cref="LocalizedHtmlString"/> (T["..."]), which is
    /// not a string: formatting it here keeps its arguments («Kalender for mars 2026») and keeps the layout from
    /// falling back to the bare site name.
    /// </summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        LocalizedHtmlString l when l.IsResourceNotFound => l.Name,
        // Written without encoding: the layout encodes the title once, where it goes into the page.
        IHtmlContent html => Unencoded(html),
        _ => value.ToString(),
    };

    private static string Unencoded(IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.CurrentCulture);
        html.WriteTo(writer, Microsoft.AspNetCore.Razor.TagHelpers.NullHtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>«Ideer – Bylab Hamar»; the front page is the site name alone.</summary>
    public static string Title(ViewDataDictionary viewData, string siteName) =>
        Text(viewData[TitleKey]) is { Length: > 0 } title ? $"{title} – {siteName}" : siteName;

    /// <summary>At most 200 characters on one line, for the description meta tag and Open Graph.</summary>
    public static string? Description(ViewDataDictionary viewData)
    {
        if (Text(viewData[DescriptionKey]) is not { Length: > 0 } text)
        {
            return null;
        }
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 200 ? line : line[..197].TrimEnd() + "…";
    }
}
