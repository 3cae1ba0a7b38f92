using System.Globalization;
using System.Text;

namespace Bylab.Core.Ideas;

/// <summary>Readable URL parts from Norwegian titles: «Sykkelbyen Hamar – hvor er det vanskelig å sykle?» → «sykkelbyen-hamar-hvor-er-det-vanskelig-a-sykle».</summary>
public static class Slugs
{
    public static string From(string? text, int maxLength = 80)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var lower = text.Trim().ToLowerInvariant()
            .Replace("æ", "ae").Replace("ø", "o").Replace("å", "a");
        // Other accents (é, ü) lose their marks; anything that is not a letter or digit becomes a hyphen.
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength];
            var lastHyphen = slug.LastIndexOf('-');
            slug = (lastHyphen > maxLength / 2 ? slug[..lastHyphen] : slug).Trim('-');
        }
        return slug;
    }

    /// <summary>"slug-id" as used in URLs; the id alone decides which idea is shown, the slug is for people.</summary>
    public static string WithId(string? text, int id)
    {
        var slug = From(text, 60);
        return slug.Length == 0 ? id.ToString(CultureInfo.InvariantCulture) : $"{slug}-{id}";
    }

    /// <summary>Reads the id from the end of a "slug-id" URL part; the slug itself may be stale or wrong.</summary>
    public static int? IdFrom(string? slugAndId)
    {
        if (string.IsNullOrEmpty(slugAndId))
        {
            return null;
        }
        var tail = slugAndId[(slugAndId.LastIndexOf('-') + 1)..];
        return int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
