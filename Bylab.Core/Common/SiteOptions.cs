using Microsoft.Extensions.Options;

namespace Bylab.Core.Common;

public sealed class SiteOptions
{
    public const string Section = "Bylab:Site";

    /// <summary>
    /// Where the site is reached from outside, without a trailing slash: the base of absolute links in e-mails that
    /// are written in the background, where there is no request to take the host from. The default is run.sh's address.
    /// </summary>
    public string PublicUrl { get; set; } = "http://localhost:5174";

    /// <summary><see cref="PublicUrl"/> followed by <paramref name="path"/> (which starts with a slash).</summary>
    public string Link(string path) => PublicUrl.TrimEnd('/') + path;
}

public sealed class SiteOptionsValidator : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options) =>
        Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{SiteOptions.Section}:PublicUrl must be an absolute http or https address without query, such as https://bylab.hamar.kommune.no (was '{options.PublicUrl}').");
}
