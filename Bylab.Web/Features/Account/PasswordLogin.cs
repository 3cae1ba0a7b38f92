using Bylab.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Bylab.Web.Features.Account;

/// <summary>How the password step ended. <see cref="Blocked"/>: an admin blocked the account (said, with whom to contact,
/// only to someone with the right password); <see cref="LockedOut"/>: a lock that ends by itself.</summary>
public enum LoginOutcome { SignedIn, RequiresTwoFactor, Failed, LockedOut, NotConfirmed, Blocked }

/// <summary>
/// The password step of logging in, written out so that it reveals nothing about who has an account:
/// <list type="bullet">
/// <item>an address without an account is checked against a dummy hash, so the answer takes as long as for one with;</item>
/// <item>the password is checked before anything else about the account is said («confirm your address», «locked»),
/// so those answers go only to someone who knows the password;</item>
/// <item>failures are counted per address (from browsers the person never signed in with) or per known browser, the
/// same way for addresses with and without an account, and a correct password is never refused because of others'
/// guesses on the person's own browser (<see cref="LoginThrottles"/>, <see cref="LoginDevices"/>).</item>
/// </list>
/// </summary>
public sealed class PasswordLogin(
    UserManager<BylabUser> users,
    BylabSignInManager signIn,
    IPasswordHasher<BylabUser> hasher,
    DummyPasswordHash dummy,
    LoginThrottles throttles,
    LoginDevices devices,
    IHttpContextAccessor http)
{
    public async Task<(LoginOutcome Outcome, BylabUser? User)> LogInAsync(string email, string password, bool remember, CancellationToken ct = default)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("A login needs a request.");
        var user = await users.FindByEmailAsync(email);
        var device = devices.Read(context);
        var key = user is not null && device?.UserId == user.Id ? LoginThrottles.DeviceKey(device.DeviceId, user.Id) : LoginThrottles.AddressKey(email);
        if (await throttles.IsLockedAsync(key, ct))
        {
            return (LoginOutcome.LockedOut, null);
        }

        bool passwordOk;
        if (user is null)
        {
            // The same work as for an account, and always wrong.
            hasher.VerifyHashedPassword(new BylabUser(), dummy.Hash, password);
            passwordOk = false;
        }
        else
        {
            passwordOk = await users.CheckPasswordAsync(user, password);
        }
        if (!passwordOk)
        {
            return (await throttles.RecordFailureAsync(key, ct) ? LoginOutcome.LockedOut : LoginOutcome.Failed, null);
        }
        await throttles.ResetAsync(key, ct);
        if (!user!.EmailConfirmed)
        {
            return (LoginOutcome.NotConfirmed, null);
        }
        // Blocked by an admin, or locked by wrong second-factor codes: said only to someone with the right password.
        if (await users.IsLockedOutAsync(user))
        {
            return (user.IsBlockedByAdmin ? LoginOutcome.Blocked : LoginOutcome.LockedOut, null);
        }
        var result = await signIn.SignInAfterPasswordAsync(user, remember);
        if (result.RequiresTwoFactor)
        {
            return (LoginOutcome.RequiresTwoFactor, user);
        }
        devices.Remember(context, user.Id);
        return (LoginOutcome.SignedIn, user);
    }

    /// <summary>After the second factor: the login is complete, so this browser becomes a known one.</summary>
    public void CompletedWithSecondFactor(BylabUser user) => devices.Remember(http.HttpContext!, user.Id);
}
