using System.Net;
using System.Text.RegularExpressions;

namespace Bylab.Core.Connect;

/// <summary>What an admin fills in for a client application (a service that signs people in through Bylab).</summary>
/// <param name="RedirectUris">Where Bylab may send the person back with a code; matched exactly, character by character.</param>
/// <param name="PostLogoutRedirectUris">Where Bylab may send the person after signing out through the client.</param>
/// <param name="Scopes">What the client may ask for, from <see cref="ConnectScopes.All"/>.</param>
/// <param name="Confidential">The client keeps a secret on a server; a public one (a phone app, a single-page app) cannot.</param>
public sealed record ClientInput(
    string ClientId,
    string DisplayName,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> Scopes,
    bool Confidential);

/// <summary>A refused field and why: <see cref="Code"/> names the message in the web layer.</summary>
public sealed record ClientError(string Field, string Code, string? Value = null);

/// <summary>The scopes Bylab hands out, and the API's audience.</summary>
public static class ConnectScopes
{
    public const string Api = "bylab.api";

    /// <summary>The audience (resource) of access tokens that carry <see cref="Api"/>: the API refuses tokens without it.</summary>
    public const string ApiAudience = "bylab-api";

    /// <summary>openid is always on; offline_access lets the client keep the person signed in with refresh tokens.</summary>
    public static readonly string[] All = ["openid", "profile", "email", "roles", Api, "offline_access"];
}

/// <summary>
/// The rules of a client registration, shared by the admin form's validator and the service. Redirect addresses are
/// compared exactly by OpenIddict, so they are stored exactly as typed (trimmed) and must be absolute: https, or plain
/// http only on the person's own machine (loopback, RFC 8252 §7.3), never with a fragment.
/// </summary>
public static partial class ClientRules
{
    public const int ClientIdMaxLength = 64;
    public const int DisplayNameMaxLength = 100;
    public const int UriMaxLength = 2000;
    public const int MaxUris = 10;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex ClientIdPattern();

    public static ClientInput Clean(this ClientInput input) => input with
    {
        ClientId = input.ClientId.Trim(),
        DisplayName = input.DisplayName.Trim(),
        RedirectUris = CleanList(input.RedirectUris),
        PostLogoutRedirectUris = CleanList(input.PostLogoutRedirectUris),
        Scopes = input.Scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList(),
    };

    /// <summary>One address a line; blank lines dropped, duplicates kept once.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        CleanList((text ?? "").Split('\n'));

    private static List<string> CleanList(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<ClientError> Check(ClientInput input)
    {
        var errors = new List<ClientError>();
        if (!ClientIdPattern().IsMatch(input.ClientId))
        {
            errors.Add(new(nameof(ClientInput.ClientId), "format"));
        }
        if (input.DisplayName.Length == 0)
        {
            errors.Add(new(nameof(ClientInput.DisplayName), "required"));
        }
        else if (input.DisplayName.Length > DisplayNameMaxLength || input.DisplayName.Any(char.IsControl))
        {
            errors.Add(new(nameof(ClientInput.DisplayName), "invalid"));
        }
        CheckUris(nameof(ClientInput.RedirectUris), input.RedirectUris, required: true, errors);
        CheckUris(nameof(ClientInput.PostLogoutRedirectUris), input.PostLogoutRedirectUris, required: false, errors);
        if (!input.Scopes.Contains("openid") || input.Scopes.Any(s => !ConnectScopes.All.Contains(s)))
        {
            errors.Add(new(nameof(ClientInput.Scopes), "invalid"));
        }
        return errors;
    }

    private static void CheckUris(string field, IReadOnlyList<string> uris, bool required, List<ClientError> errors)
    {
        if (required && uris.Count == 0)
        {
            errors.Add(new(field, "required"));
        }
        else if (uris.Count > MaxUris)
        {
            errors.Add(new(field, "tooMany"));
        }
        foreach (var uri in uris.Where(u => !IsAllowedRedirect(u)))
        {
            errors.Add(new(field, "uri", uri));
        }
    }

    /// <summary>Absolute https, or http to a loopback address; no fragment, no user info, no control characters.</summary>
    public static bool IsAllowedRedirect(string value)
    {
        if (value.Length > UriMaxLength || value.Any(char.IsControl) || value.Contains(' ')
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            || value.Contains('#'))
        {
            return false;
        }
        return uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))));
    }
}
