using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Bylab.Core.Accounts;

/// <summary>
/// Refuses passwords from a shipped list of common and breached passwords (ASVS 2.1.7).
/// The error code is translated by the web layer, so the message is in the person's language.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<BylabUser>
{
    public const string ErrorCode = "CommonPassword";
    public const string PersonalErrorCode = "PasswordPersonal";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<BylabUser> manager, BylabUser user, string? password)
    {
        if (password is not null && IsCommon(password, user))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is too common or easy to guess.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password, BylabUser? user = null)
    {
        var lowered = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lowered))
        {
            return true;
        }
        // A password that is the person's own e-mail address or name is as guessable as a common one.
        return user is not null
            && (string.Equals(lowered, user.Email, StringComparison.OrdinalIgnoreCase)
                || string.Equals(lowered, user.UserName, StringComparison.OrdinalIgnoreCase));
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Bylab.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }
        return set;
    }
}
