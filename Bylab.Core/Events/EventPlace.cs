namespace Bylab.Core.Events;

/// <summary>
/// How a place reads: its name, then the address without the name again. Organisers often type the place's name as
/// the first part of the address too («Stortorget» + «Stortorget, 2317 Hamar»); the page and the .ics say it once.
/// </summary>
public static class EventPlace
{
    /// <summary>The address with a leading copy of <paramref name="name"/> (and the comma after it) taken off; null when nothing is left.</summary>
    public static string? AddressBesideName(string? name, string? address)
    {
        var a = address?.Trim();
        if (string.IsNullOrEmpty(a))
        {
            return null;
        }
        var n = name?.Trim();
        if (string.IsNullOrEmpty(n) || !a.StartsWith(n, StringComparison.CurrentCultureIgnoreCase))
        {
            return a;
        }
        var rest = a[n.Length..];
        // Only a whole first part counts: «Hamar bibliotek» is not repeated in «Hamar bibliotekgata 2».
        if (rest.Length > 0 && rest[0] is not (',' or ' ' or ';' or '\n'))
        {
            return a;
        }
        rest = rest.TrimStart(',', ';', ' ', '\n', '\r');
        return rest.Length == 0 ? null : rest;
    }

    /// <summary>«Stortorget, 2317 Hamar»: the name and what the address adds, on one line.</summary>
    public static string OneLine(string? name, string? address) =>
        string.Join(", ", new[] { name?.Trim(), AddressBesideName(name, address) }.Where(p => !string.IsNullOrEmpty(p)));
}
