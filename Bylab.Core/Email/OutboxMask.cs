using System.Text.RegularExpressions;

namespace Bylab.Core.Email;

/// <summary>
/// What the outbox shows staff: every link with its secret parts hidden. A query value (token, userId, email) and any
/// path segment that looks like a key (a personal sign-up link's 43 random characters) become «•••», so the page tells
/// which page a mail points to but never hands over a usable token. The stored message stays whole for tests.
/// </summary>
public static partial class OutboxMask
{
    public const string Hidden = "•••";

    /// <summary>
    /// A path segment this long with a capital letter, «_» or «%» is taken for a key: keys are random base64url, while
    /// the site's own paths and slugs are lower-case words with hyphens (however long).
    /// </summary>
    private const int SecretSegmentLength = 20;

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    public static string Mask(string? text) => string.IsNullOrEmpty(text) ? "" : Link().Replace(text, m => MaskLink(m.Value));

    private static bool LooksLikeKey(string segment) =>
        segment.Length >= SecretSegmentLength && (segment.Any(char.IsUpper) || segment.Contains('_') || segment.Contains('%'));

    private static string MaskLink(string link)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            return Hidden;
        }
        var path = string.Join('/', uri.AbsolutePath.Split('/').Select(s => LooksLikeKey(s) ? Hidden : s));
        var query = uri.Query.Length > 1
            ? "?" + string.Join('&', uri.Query[1..].Split('&').Select(p => p.Split('=', 2) is [var name, _] ? name + "=" + Hidden : Hidden))
            : "";
        return uri.GetLeftPart(UriPartial.Authority) + path + query + (uri.Fragment.Length > 0 ? uri.Fragment : "");
    }
}
