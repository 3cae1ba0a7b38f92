using Bylab.Core.Common;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

/// <summary>
/// Every absolute link the site writes – in mails, feeds, calendar files, QR codes, on pages that show an address to
/// copy – is built here, from <c>Bylab:Site:PublicUrl</c>. Never from the request: its Host header is whatever the
/// client sent, and a reset link built from it hands the token to that host. (LinkSourceTests keeps it that way.)
/// </summary>
public sealed class PublicUrls(IOptions<SiteOptions> site, LinkGenerator links)
{
    /// <summary>The public address of a path that starts with a slash.</summary>
    public string Absolute(string path) => site.Value.Link(path);

    /// <summary>The public address of a controller action with its route values, as routing writes the path.</summary>
    public string Action(string action, string controller, object? values = null) =>
        Absolute(links.GetPathByAction(action, controller, values)
            ?? throw new InvalidOperationException($"No route to {controller}.{action}."));
}
