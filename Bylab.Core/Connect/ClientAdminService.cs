using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Bylab.Core.Auditing;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Bylab.Core.Connect;

public sealed record ClientSummary(string Id, string ClientId, string DisplayName, bool Confidential, int RedirectCount);

public sealed record ClientDetails(string Id, ClientInput Input);

public enum ClientOutcome { Saved, NotFound, InvalidInput, ClientIdTaken }

/// <param name="Secret">The new secret in plain text, to be shown once: OpenIddict keeps only its hash.</param>
public sealed record ClientResult(ClientOutcome Outcome, string? Id = null, string? Secret = null, IReadOnlyList<ClientError>? Errors = null);

/// <summary>
/// Admins register the services that sign people in through Bylab. Every change goes into the audit log, saved with
/// the change (OpenIddict's store saves the same DbContext). Every client uses the code flow with PKCE and may refresh
/// its tokens; nothing else is ever granted (see the README, «Identity provider»).
/// </summary>
public sealed class ClientAdminService(IOpenIddictApplicationManager applications, AuditLog audit)
{
    public async Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<ClientSummary>();
        await foreach (var app in applications.ListAsync(count: null, offset: null, ct))
        {
            var d = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(d, app, ct);
            list.Add(new((await applications.GetIdAsync(app, ct))!, d.ClientId!, d.DisplayName ?? d.ClientId!,
                d.ClientType == ClientTypes.Confidential, d.RedirectUris.Count));
        }
        return list.OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<ClientDetails?> FindAsync(string id, CancellationToken ct = default)
    {
        if (await applications.FindByIdAsync(id, ct) is not { } app)
        {
            return null;
        }
        var d = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(d, app, ct);
        var scopes = d.Permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).Prepend(Scopes.OpenId);
        if (d.Permissions.Contains(Permissions.GrantTypes.RefreshToken))
        {
            scopes = scopes.Append(Scopes.OfflineAccess);
        }
        return new(id, new ClientInput(d.ClientId!, d.DisplayName ?? "", d.RedirectUris.Select(u => u.OriginalString).ToList(),
            d.PostLogoutRedirectUris.Select(u => u.OriginalString).ToList(), scopes.Distinct().ToList(), d.ClientType == ClientTypes.Confidential));
    }

    public async Task<ClientResult> CreateAsync(ClientInput input, Actor actor, CancellationToken ct = default)
    {
        input = input.Clean();
        if (ClientRules.Check(input) is { Count: > 0 } errors)
        {
            return new(ClientOutcome.InvalidInput, Errors: errors);
        }
        if (await applications.FindByClientIdAsync(input.ClientId, ct) is not null)
        {
            return new(ClientOutcome.ClientIdTaken, Errors: [new(nameof(ClientInput.ClientId), "taken")]);
        }
        var descriptor = Describe(new OpenIddictApplicationDescriptor(), input);
        var secret = input.Confidential ? NewSecret() : null;
        descriptor.ClientSecret = secret;
        audit.Add(actor, AuditActions.ClientCreated, "client", input.ClientId, Summary(input));
        var app = await applications.CreateAsync(descriptor, ct);
        return new(ClientOutcome.Saved, await applications.GetIdAsync(app, ct), secret);
    }

    public async Task<ClientResult> UpdateAsync(string id, ClientInput input, Actor actor, CancellationToken ct = default)
    {
        if (await applications.FindByIdAsync(id, ct) is not { } app)
        {
            return new(ClientOutcome.NotFound);
        }
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, app, ct);
        // The client id is what the client sends: it never changes once registered.
        input = (input with { ClientId = descriptor.ClientId! }).Clean();
        if (ClientRules.Check(input) is { Count: > 0 } errors)
        {
            return new(ClientOutcome.InvalidInput, Errors: errors);
        }
        var wasConfidential = descriptor.ClientType == ClientTypes.Confidential;
        Describe(descriptor, input);
        string? secret = null;
        if (input.Confidential && !wasConfidential)
        {
            descriptor.ClientSecret = secret = NewSecret();
        }
        else if (!input.Confidential)
        {
            descriptor.ClientSecret = null;
        }
        audit.Add(actor, AuditActions.ClientUpdated, "client", input.ClientId, Summary(input));
        await applications.UpdateAsync(app, descriptor, ct);
        return new(ClientOutcome.Saved, id, secret);
    }

    /// <summary>A new secret for a confidential client; the old one stops working at once.</summary>
    public async Task<ClientResult> RegenerateSecretAsync(string id, Actor actor, CancellationToken ct = default)
    {
        if (await applications.FindByIdAsync(id, ct) is not { } app || !await applications.HasClientTypeAsync(app, ClientTypes.Confidential, ct))
        {
            return new(ClientOutcome.NotFound);
        }
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, app, ct);
        var secret = NewSecret();
        descriptor.ClientSecret = secret;
        audit.Add(actor, AuditActions.ClientSecretRegenerated, "client", descriptor.ClientId);
        await applications.UpdateAsync(app, descriptor, ct);
        return new(ClientOutcome.Saved, id, secret);
    }

    private static OpenIddictApplicationDescriptor Describe(OpenIddictApplicationDescriptor d, ClientInput input)
    {
        d.ClientId = input.ClientId;
        d.DisplayName = input.DisplayName;
        d.ClientType = input.Confidential ? ClientTypes.Confidential : ClientTypes.Public;
        // Every client asks the person; the consent is remembered (a permanent authorization they can revoke on Min side).
        d.ConsentType = ConsentTypes.Explicit;
        d.RedirectUris.Clear();
        d.PostLogoutRedirectUris.Clear();
        foreach (var uri in input.RedirectUris)
        {
            d.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }
        foreach (var uri in input.PostLogoutRedirectUris)
        {
            d.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }
        d.Permissions.Clear();
        d.Permissions.UnionWith([
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession, Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
        ]);
        foreach (var scope in input.Scopes.Where(s => s is not (Scopes.OpenId or Scopes.OfflineAccess)))
        {
            d.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        if (input.Scopes.Contains(Scopes.OfflineAccess))
        {
            d.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        }
        d.Requirements.Clear();
        d.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return d;
    }

    private static string Summary(ClientInput input) => string.Create(CultureInfo.InvariantCulture,
        $"{input.DisplayName}; {(input.Confidential ? "confidential" : "public")}; scopes: {string.Join(' ', input.Scopes)}; "
        + $"redirect: {string.Join(' ', input.RedirectUris)}; after sign-out: {string.Join(' ', input.PostLogoutRedirectUris)}");

    /// <summary>256 random bits, URL-safe.</summary>
    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
