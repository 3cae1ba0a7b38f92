using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Bylab.Web;

/// <summary>
/// «This browser has signed in as this person before» (OWASP's device cookie): given after a complete login, kept
/// after logging out, protected with Data Protection so it cannot be made up. A login from such a browser is counted
/// against that browser's own failure budget, not against the address, so strangers guessing at the address cannot
/// lock the person out of their own browser (see Core's LoginThrottles). It grants nothing else: the password is
/// always needed, and the second factor too.
/// </summary>
public sealed class LoginDevices(IDataProtectionProvider protection, LoginDevices.Cookie cookie, TimeProvider time)
{
    public sealed record Cookie(string Name, bool Secure);

    public sealed record Device(string UserId, string DeviceId);

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly IDataProtector _protector = protection.CreateProtector("Bylab.LoginDevice.v1");

    /// <summary>The browser's device cookie, if it has a valid one.</summary>
    public Device? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(cookie.Name, out var value) || string.IsNullOrEmpty(value) || value.Length > 1000)
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(value).Split('|') is [var userId, var deviceId] ? new Device(userId, deviceId) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>After a complete login: this browser is now known for this person (a new device id, so an old cookie's budget goes with it).</summary>
    public void Remember(HttpContext context, string userId)
    {
        var deviceId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(cookie.Name, _protector.Protect(userId + "|" + deviceId), new CookieOptions
        {
            HttpOnly = true,
            Secure = cookie.Secure,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            Expires = time.GetUtcNow().Add(Lifetime),
        });
    }
}
