namespace Bylab.Core.Common;

/// <summary>
/// The one rule for text that must stay on one line: titles, names, places, the organiser, a question – anything that
/// can reach a mail header, a mail's text part, a calendar file, a CSV cell or a feed. A line break there lets whoever
/// typed it write lines of their own into those formats (a second VEVENT, a fake paragraph with a link in an official
/// mail). Control characters (Unicode Cc: CR, LF, tab, NUL, ESC …) and the Unicode line and paragraph separators are
/// refused by <see cref="IsValid"/>; the writers of those formats also pass every such value through
/// <see cref="Flatten"/>, so that text stored before this rule (or by a path that forgot it) is still written safely.
/// </summary>
public static class SingleLineText
{
    /// <summary>True when the text has no character that could start a new line or hide in a file: null and empty are fine.</summary>
    public static bool IsValid(string? text) => text is null || !text.Any(IsBreaking);

    /// <summary>
    /// True for text that may span lines (a description, a message): line breaks and tabs are allowed, the other
    /// control characters (NUL, ESC, backspace, form feed …) are not: they have no business in anything a person writes.
    /// </summary>
    public static bool IsValidMultiLine(string? text) => text is null || !text.Any(c => IsBreaking(c) && c is not ('\r' or '\n' or '\t'));

    /// <summary>The text on one line: every run of control characters and line separators becomes one space; trimmed.</summary>
    public static string Flatten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (IsValid(text))
        {
            return text.Trim();
        }
        var result = new System.Text.StringBuilder(text.Length);
        var inBreak = false;
        foreach (var c in text)
        {
            if (IsBreaking(c))
            {
                // One space for the whole run, and none beside a space that is already there.
                if (result.Length > 0 && !char.IsWhiteSpace(result[^1]))
                {
                    result.Append(' ');
                }
                inBreak = true;
            }
            else if (!(inBreak && char.IsWhiteSpace(c)))
            {
                result.Append(c);
                inBreak = false;
            }
        }
        return result.ToString().Trim();
    }

    /// <summary>
    /// Multi-line text as plain lines: line breaks of any kind become \n, every other control character a space, and
    /// each line is trimmed at its end. For the text part of a mail, where a line is only ever what its author wrote.
    /// </summary>
    public static string FlattenLines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Split('\n');
        return string.Join("\n", lines.Select(line => IsValid(line) ? line.TrimEnd() : Flatten(line)));
    }

    private static bool IsBreaking(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
