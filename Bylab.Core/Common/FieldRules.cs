namespace Bylab.Core.Common;

/// <summary>
/// What can be wrong with one field, as a stable code: Core returns it, the web layer turns it into a message in the
/// person's language ("Error.{Field}.{code}", else "Error.{code}").
/// </summary>
public static class FieldErrors
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string OutOfRange = "out-of-range";
    public const string InvalidUrl = "invalid-url";
    public const string InvalidEmail = "invalid-email";

    /// <summary>A line break, tab or other control character in text that must stay on one line (<see cref="TextRule.IsOneLine"/>).</summary>
    public const string NotOneLine = "not-one-line";

    /// <summary>A control character other than a line break or tab in text that may span lines (<see cref="TextRule.IsPlainText"/>).</summary>
    public const string ControlCharacters = "control-characters";
}

/// <summary>
/// The rule for one text field, shared by the web form's validator and the Core service that guards the same
/// input, so the two cannot drift. The value is judged trimmed, as it is stored.
/// </summary>
/// <remarks>
/// A check that every text field should get is one more line in <see cref="Check"/>; both the forms and the services
/// pick it up. The control-character rule is such a check, and the one place that says what may not be in text that
/// leaves the page: a single-line value (a title, a name, a place, the organiser, a question – anything that can
/// reach a mail header, a mail's text part, a calendar file, a CSV cell or a feed) holds no line break nor other
/// control character, or whoever typed it could write lines of their own into those formats (a second VEVENT, a
/// paragraph with a link in an official mail); multi-line text holds none but line breaks and tabs. Validators and
/// guards that are not built on a <see cref="TextRule"/> yet ask <see cref="IsOneLine"/> and <see cref="IsPlainText"/>,
/// and the writers of those formats put stored values on one line all the same (<see cref="SingleLineText"/>).
/// </remarks>
/// <param name="Field">The property name, in the Core input and in the web form alike.</param>
/// <param name="Format">An extra check of the form of a non-empty value, with the code it fails with.</param>
/// <param name="MultiLine">The text may span lines (a description, an answer): line breaks and tabs are allowed.</param>
public sealed record TextRule(string Field, int MaxLength, bool Required = false, TextFormat? Format = null, bool MultiLine = false)
{
    /// <summary>Null when the value is fine; otherwise one of <see cref="FieldErrors"/>.</summary>
    public string? Check(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Required ? FieldErrors.Required : null;
        }
        if (text.Length > MaxLength)
        {
            return FieldErrors.TooLong;
        }
        if (MultiLine ? !IsPlainText(text) : !IsOneLine(text))
        {
            return MultiLine ? FieldErrors.ControlCharacters : FieldErrors.NotOneLine;
        }
        return Format is { } format && !format.IsValid(text) ? format.Error : null;
    }

    /// <summary>
    /// A character that starts a new line or hides in a file: a control character (Unicode Cc: CR, LF, tab, NUL,
    /// ESC …) or the Unicode line and paragraph separators.
    /// </summary>
    public static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary>Text that stays on one line: no <see cref="IsControl"/> character at all. Null and empty are fine.</summary>
    public static bool IsOneLine(string? text) => text is null || !text.Any(IsControl);

    /// <summary>
    /// Text that may span lines: line breaks and tabs are fine, the other control characters (NUL, ESC, backspace, form
    /// feed …) are not – they have no business in anything a person writes.
    /// </summary>
    public static bool IsPlainText(string? text) => text is null || !text.Any(c => IsControl(c) && c is not ('\r' or '\n' or '\t'));
}

/// <summary>A shape a text must have: an address people can follow, an e-mail address.</summary>
public sealed record TextFormat(Func<string, bool> IsValid, string Error)
{
    /// <summary>An absolute http(s) address with a host and no spaces: what a participant can click.</summary>
    public static readonly TextFormat WebAddress = new(
        url => Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0
            && !url.Any(char.IsWhiteSpace),
        FieldErrors.InvalidUrl);

    /// <summary>
    /// One @, something on each side, a dot inside the domain, no spaces: enough to catch typing mistakes; the link
    /// in the e-mail proves the rest.
    /// </summary>
    public static readonly TextFormat Email = new(
        email =>
        {
            var at = email.IndexOf('@');
            return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
                && email[(at + 1)..].Contains('.') && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
        },
        FieldErrors.InvalidEmail);
}

/// <summary>A whole number within limits, shared by a form's validator and the Core guard.</summary>
public sealed record RangeRule(string Field, int Min, int Max)
{
    public string? Check(int? value) => value is { } n && (n < Min || n > Max) ? FieldErrors.OutOfRange : null;
}
