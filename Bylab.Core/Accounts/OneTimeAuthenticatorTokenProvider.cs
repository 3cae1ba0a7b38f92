using System.Buffers.Binary;
using System.Security.Cryptography;
using Bylab.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Accounts;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, six digits, 30-second steps) that sign in once (ASVS 2.8.4). Identity's
/// own provider accepts the same code again for as long as it is valid; this one stores the time step of the code it
/// last accepted (<see cref="BylabUser.LastTotpTimeStep"/>) and accepts only a later one. The step is taken with one
/// conditional UPDATE, so two requests with the same code – on one instance or two – cannot both win.
/// A code may be one step old or one step ahead (clocks drift, people type slowly).
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(BylabDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<BylabUser>
{
    public const string Name = "BylabAuthenticator";
    private const int Window = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<BylabUser> manager, BylabUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the server never does.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<BylabUser> manager, BylabUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<BylabUser> manager, BylabUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit) || FromBase32(key) is not { Length: > 0 } secret)
        {
            return false;
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var step = now - Window; step <= now + Window; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                continue;
            }
            var taken = await db.Users
                .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < step))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, step));
            if (taken == 1)
            {
                // The tracked user too, so that Identity's next UpdateAsync writes the new step rather than the old one.
                user.LastTotpTimeStep = step;
                if (db.Entry(user).State != EntityState.Detached)
                {
                    db.Entry(user).Property(u => u.LastTotpTimeStep).OriginalValue = step;
                }
                return true;
            }
            return false;
        }
        return false;
    }

    /// <summary>RFC 6238 / RFC 4226: six digits from HMAC-SHA1 of the step.</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The key as Identity stores it (RFC 4648 base32); an empty array if it is not base32.</summary>
    public static byte[] FromBase32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c);
            if (value < 0)
            {
                return [];
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
