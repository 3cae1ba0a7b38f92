using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Bylab.Core.Connect;

/// <summary>A service the person let sign them in: what it gets, since when.</summary>
public sealed record Connection(string AuthorizationId, string ClientName, IReadOnlyList<string> Scopes, DateTime? GrantedAt);

/// <summary>
/// «Tilkoblede tjenester» on Min side: the person's remembered consents (OpenIddict's permanent authorizations), and
/// taking one back, which also revokes every token the client got through it, so the API refuses them at once.
/// </summary>
public sealed class Connections(BylabDbContext db, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    public async Task<IReadOnlyList<Connection>> ForUserAsync(string userId, CancellationToken ct = default)
    {
        var rows = await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().AsNoTracking()
            .Where(a => a.Subject == userId && a.Status == Statuses.Valid && a.Type == AuthorizationTypes.Permanent)
            .Select(a => new { a.Id, a.Scopes, a.CreationDate, Name = a.Application!.DisplayName ?? a.Application.ClientId })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new Connection(r.Id!, r.Name ?? "", ParseScopes(r.Scopes), r.CreationDate))
            .ToList();
    }

    /// <summary>Revokes the person's consent and the tokens issued under it; false when it is not theirs or not there.</summary>
    public async Task<bool> RevokeAsync(string userId, string authorizationId, CancellationToken ct = default)
    {
        if (await authorizations.FindByIdAsync(authorizationId, ct) is not { } authorization
            || await authorizations.GetSubjectAsync(authorization, ct) != userId)
        {
            return false;
        }
        await authorizations.TryRevokeAsync(authorization, ct);
        await tokens.RevokeByAuthorizationIdAsync(authorizationId, ct);
        return true;
    }

    private static List<string> ParseScopes(string? json) =>
        string.IsNullOrEmpty(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
