namespace Bylab.Core.Common;

/// <summary>
/// The writers' side of the control-character rule (<see cref="TextRule.IsOneLine"/>): mails, calendar files, CSV and
/// feeds pass every single-line value through <see cref="Flatten"/> and every multi-line one through
/// <see cref="FlattenLines"/>, so that text stored before the rule (or by a path that forgot it) is still written on
/// the lines it belongs to.
/// </summary>
public static class SingleLineText
{
    /// <summary>The text on one line: every run of control characters and line separators becomes one space; trimmed.</summary>
    public static string Flatten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (TextRule.IsOneLine(text))
        {
            return text.Trim();
        }
        var result = new System.Text.StringBuilder(text.Length);
        var inBreak = false;
        foreach (var c in text)
        {
            if (TextRule.IsControl(c))
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
        return string.Join("\n", lines.Select(line => TextRule.IsOneLine(line) ? line.TrimEnd() : Flatten(line)));
    }
}
