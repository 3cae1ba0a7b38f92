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
}

/// <summary>
/// The rule for one text field, shared by the web form's validator and the Core service that guards the same
/// input, so the two cannot drift. The value is judged trimmed, as it is stored.
/// </summary>
/// <remarks>
/// A check that every text field should get (say, no control characters in single-line text) is one more line in
/// <see cref="Check"/>; both the forms and the services pick it up.
/// </remarks>
/// <param name="Field">The property name, in the Core input and in the web form alike.</param>
/// <param name="Format">An extra check of the form of a non-empty value, with the code it fails with.</param>
public sealed record TextRule(string Field, int MaxLength, bool Required = false, TextFormat? Format = null)
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
        return Format is { } format && !format.IsValid(text) ? format.Error : null;
    }
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
