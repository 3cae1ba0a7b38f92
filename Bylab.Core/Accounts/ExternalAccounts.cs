using Microsoft.AspNetCore.Identity;

namespace Bylab.Core.Accounts;

/// <summary>Who the external provider (ID-porten) says signed in: its subject, and what its claims say.</summary>
/// <param name="Provider">The scheme name the login is stored under (AspNetUserLogins.LoginProvider).</param>
/// <param name="Key">The provider's subject (sub) for the person.</param>
/// <param name="EmailVerified">The provider's email_verified claim was true.</param>
/// <param name="ProviderName">The name people know it by («ID-porten»): what Min side says verified the account.</param>
public sealed record ExternalIdentity(string Provider, string Key, string ProviderName, string? Email, bool EmailVerified, string? Name);

public enum ExternalAccountOutcome
{
    /// <summary>The sign-in was already linked to an account.</summary>
    Known,
    /// <summary>Linked now to the account with the same verified, confirmed e-mail address.</summary>
    LinkedByEmail,
    /// <summary>A new account, its address confirmed by the provider.</summary>
    Created,
    /// <summary>Linked now to the signed-in person's own account (verifying it from Min side).</summary>
    LinkedToCurrent,
    /// <summary>
    /// The provider gave no address, or did not confirm it, or the account with that address never confirmed it:
    /// nothing is linked or created (the page explains how to sign in and verify from Min side instead).
    /// </summary>
    AddressNotUsable,
    /// <summary>This sign-in belongs to another Bylab account already.</summary>
    LinkedElsewhere,
    Failed,
}

public sealed record ExternalAccountResult(ExternalAccountOutcome Outcome, BylabUser? User = null);

/// <summary>
/// The linking rule for sign-in with an external OpenID Connect provider. An existing account is taken over only on
/// proof from both sides: the provider says it verified the address (email_verified) and the account's owner confirmed
/// it here. Anything less links nothing and creates nothing with that address, so a provider's unchecked claim cannot
/// open someone else's account. Every account that signs in this way is marked verified (<see cref="BylabUser.MarkVerified"/>).
/// </summary>
public sealed class ExternalAccounts(UserManager<BylabUser> users, TimeProvider time)
{
    /// <param name="currentUserId">The signed-in person linking the provider to their own account, or null at sign-in.</param>
    public async Task<ExternalAccountResult> ResolveAsync(ExternalIdentity who, string? currentUserId, string culture)
    {
        var known = await users.FindByLoginAsync(who.Provider, who.Key);
        if (currentUserId is not null)
        {
            if (known is not null && known.Id != currentUserId)
            {
                return new(ExternalAccountOutcome.LinkedElsewhere);
            }
            var current = await users.FindByIdAsync(currentUserId);
            if (current is null)
            {
                return new(ExternalAccountOutcome.Failed);
            }
            if (known is null && !(await users.AddLoginAsync(current, Login(who))).Succeeded)
            {
                return new(ExternalAccountOutcome.Failed);
            }
            return await VerifiedAsync(ExternalAccountOutcome.LinkedToCurrent, current, who);
        }
        if (known is not null)
        {
            return await VerifiedAsync(ExternalAccountOutcome.Known, known, who);
        }
        var email = who.Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > BylabUser.EmailMaxLength || !who.EmailVerified)
        {
            return new(ExternalAccountOutcome.AddressNotUsable);
        }
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            if (!existing.EmailConfirmed)
            {
                return new(ExternalAccountOutcome.AddressNotUsable);
            }
            return (await users.AddLoginAsync(existing, Login(who))).Succeeded
                ? await VerifiedAsync(ExternalAccountOutcome.LinkedByEmail, existing, who)
                : new(ExternalAccountOutcome.Failed);
        }
        var user = new BylabUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = DisplayNameOf(who.Name, email),
            PreferredCulture = culture is "nn" or "en" ? culture : "nb",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        user.MarkVerified(who.ProviderName, user.CreatedAt);
        if (!(await users.CreateAsync(user)).Succeeded)
        {
            return new(ExternalAccountOutcome.Failed);
        }
        await users.AddToRoleAsync(user, Roles.Citizen);
        return (await users.AddLoginAsync(user, Login(who))).Succeeded
            ? new(ExternalAccountOutcome.Created, user)
            : new(ExternalAccountOutcome.Failed);
    }

    private async Task<ExternalAccountResult> VerifiedAsync(ExternalAccountOutcome outcome, BylabUser user, ExternalIdentity who)
    {
        user.MarkVerified(who.ProviderName, time.GetUtcNow().UtcDateTime);
        return (await users.UpdateAsync(user)).Succeeded ? new(outcome, user) : new(ExternalAccountOutcome.Failed);
    }

    private static UserLoginInfo Login(ExternalIdentity who) => new(who.Provider, who.Key, who.ProviderName);

    /// <summary>The name from the claims without control characters, within the column; the address's local part otherwise.</summary>
    public static string DisplayNameOf(string? name, string email)
    {
        var clean = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = email.Split('@')[0];
        }
        return clean.Length > BylabUser.DisplayNameMaxLength ? clean[..BylabUser.DisplayNameMaxLength] : clean;
    }
}
