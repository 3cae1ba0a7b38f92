using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Bylab.Core.Accounts;

/// <summary>
/// Refuses what a guesser tries first (ASVS 2.1.7, NIST 800-63B's context-specific words): passwords from a shipped
/// list of common and breached ones; passwords whose length is mostly runs of spaces; passwords made of the local
/// words everyone in Hamar would try (hamar, bylab, kommune – with a year or not); and passwords made of the person's
/// own name or e-mail address. The error codes are translated by the web layer, so the message is in the person's language.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<BylabUser>
{
    public const string ErrorCode = "CommonPassword";
    public const string PersonalErrorCode = "PasswordPersonal";

    /// <summary>ASVS 2.1.1: at least 12 characters, counted with every run of spaces as one.</summary>
    public const int MinimumLength = 12;

    /// <summary>
    /// How many letters must be left once the guessable parts are taken out. «hamar kommune 2025» leaves none,
    /// «blåbærsyltetøy på vaffel i Hamar» leaves plenty.
    /// </summary>
    private const int MinimumOwnLetters = 6;

    /// <summary>Words of the place and the service (NIST: "the name of the service"), longest first.</summary>
    private static readonly string[] LocalWords = ["hamarkommune", "storhamar", "innlandet", "kommune", "hamar", "bylab", "mjøsa", "mjosa", "bylaben"];

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<BylabUser> manager, BylabUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var errors = new List<IdentityError>();
        // Identity's own length rule counts every character; this one does not count a run of spaces more than once.
        if (password.Length >= MinimumLength && EffectiveLength(password) < MinimumLength)
        {
            errors.Add(new IdentityError { Code = nameof(IdentityErrorDescriber.PasswordTooShort), Description = "The password is too short." });
        }
        if (IsCommon(password) || IsOwnAddress(password, user))
        {
            errors.Add(new IdentityError { Code = ErrorCode, Description = "This password is too common or easy to guess." });
        }
        else if (IsPersonal(password, user.DisplayName, user.Email))
        {
            errors.Add(new IdentityError { Code = PersonalErrorCode, Description = "The password is made of your own name or e-mail address." });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>The length with leading and trailing spaces gone and every run of white space counted as one.</summary>
    public static int EffectiveLength(string password)
    {
        var length = 0;
        var inSpace = false;
        foreach (var c in password.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                length += inSpace ? 0 : 1;
                inSpace = true;
            }
            else
            {
                length++;
                inSpace = false;
            }
        }
        return length;
    }

    /// <summary>On the shipped list, or made of local words (and digits) with too little of its own.</summary>
    public static bool IsCommon(string password)
    {
        var lowered = password.Trim().ToLowerInvariant();
        return Common.Value.Contains(lowered) || Common.Value.Contains(Core(password)) || TooLittleLeft(password, LocalWords);
    }

    /// <summary>Made of the person's name or the local part of their address (and local words and digits), with too little of its own.</summary>
    public static bool IsPersonal(string? password, string? displayName, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }
        var personal = Words(displayName).Concat(Words(email?.Split('@')[0])).ToList();
        return personal.Count > 0 && TooLittleLeft(password, [.. personal, .. LocalWords]);
    }

    private static bool IsOwnAddress(string password, BylabUser user)
    {
        var trimmed = password.Trim();
        return string.Equals(trimmed, user.Email, StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, user.UserName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when at least one of <paramref name="words"/> is in the password, and what is left once they and every digit,
    /// space and sign are taken out is shorter than <see cref="MinimumOwnLetters"/>.
    /// </summary>
    private static bool TooLittleLeft(string password, IEnumerable<string> words)
    {
        var rest = Core(password);
        var found = false;
        foreach (var word in words.Distinct().OrderByDescending(w => w.Length))
        {
            if (rest.Contains(word, StringComparison.Ordinal))
            {
                found = true;
                rest = rest.Replace(word, "", StringComparison.Ordinal);
            }
        }
        return found && rest.Count(char.IsLetter) < MinimumOwnLetters;
    }

    /// <summary>Lower-case letters and digits only: «Kari.Nordmann 2024!» is «karinordmann2024».</summary>
    private static string Core(string text)
    {
        var core = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Where(char.IsLetterOrDigit))
        {
            core.Append(c);
        }
        return core.ToString();
    }

    /// <summary>The parts of a name or an address's local part worth guessing: «Kari Nordmann» gives kari, nordmann and karinordmann.</summary>
    private static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        var parts = text.ToLowerInvariant().Split([' ', '.', '_', '-', '+', '\''], StringSplitOptions.RemoveEmptyEntries).Select(Core).Where(p => p.Length >= 3).ToList();
        foreach (var part in parts)
        {
            yield return part;
        }
        if (Core(text) is { Length: >= 3 } whole)
        {
            yield return whole;
        }
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
