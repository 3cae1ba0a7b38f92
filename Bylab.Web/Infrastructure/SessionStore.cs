using System.Security.Claims;
using Bylab.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

/// <summary>
/// The sign-in cookie's ticket lives in the database (<see cref="UserSession"/>); the cookie holds only its key. So the
/// server decides how long a session lives: logout deletes the row (a copied cookie is dead at once), a changed
/// security stamp or a deleted account ends every session of that person on every instance, and a request whose
/// session is gone is simply anonymous. The ticket is serialised and encrypted with Data Protection before it is stored.
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<IdentityOptions> identity, TimeProvider time) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("Bylab.Sessions.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket) => await StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var (userId, stamp) = Owner(ticket);
        return await WithSessionsAsync(s => s.StartAsync(userId, stamp, Protect(ticket), ExpiresAt(ticket), cancellationToken));
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <summary>Also a sign-in during a session (the cookie handler keeps the key): the row takes the ticket's person and stamp.</summary>
    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var (userId, stamp) = Owner(ticket);
        return WithSessionsAsync(s => s.RenewAsync(key, userId, stamp, Protect(ticket), ExpiresAt(ticket), cancellationToken));
    }

    private (string UserId, string Stamp) Owner(AuthenticationTicket ticket) =>
        (ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("A session needs the user's id in the ticket."),
         ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "");

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var bytes = await WithSessionsAsync(s => s.FindAsync(key, cancellationToken));
        if (bytes is null)
        {
            return null;
        }
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Written with a key this instance cannot read: the person signs in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => WithSessionsAsync(s => s.EndAsync(key, cancellationToken));

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private DateTime ExpiresAt(AuthenticationTicket ticket) =>
        (ticket.Properties.ExpiresUtc ?? time.GetUtcNow().Add(TimeSpan.FromHours(8))).UtcDateTime;

    /// <summary>The store is one object for the whole app; each call gets a scope (and a DbContext) of its own.</summary>
    private async Task<T> WithSessionsAsync<T>(Func<UserSessions, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserSessions>());
    }

    private async Task WithSessionsAsync(Func<UserSessions, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserSessions>());
    }
}

/// <summary>Puts <see cref="SessionStore"/> behind Identity's application cookie.</summary>
public sealed class UseSessionStore(SessionStore store) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
        }
    }
}
