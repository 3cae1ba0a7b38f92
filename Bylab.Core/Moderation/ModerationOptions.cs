using Microsoft.Extensions.Options;

namespace Bylab.Core.Moderation;

public sealed class ModerationOptions
{
    public const string Section = "Bylab:Moderation";

    /// <summary>Reports from this many different people hide an item at once, pending a moderator's review.</summary>
    public int ReportThreshold { get; set; } = 3;

    /// <summary>New ideas one signed-in person may send in an hour (a flood is a spammer, or a script).</summary>
    public int IdeasPerHour { get; set; } = 5;

    /// <summary>New comments and replies one signed-in person may write in an hour.</summary>
    public int CommentsPerHour { get; set; } = 30;

    /// <summary>The moderators' digest of new reports and held items goes out at most once per this many minutes.</summary>
    public int DigestIntervalMinutes { get; set; } = 60;

    public TimeSpan DigestInterval => TimeSpan.FromMinutes(DigestIntervalMinutes);
}

public sealed class ModerationOptionsValidator : IValidateOptions<ModerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ModerationOptions options)
    {
        var failures = new List<string>();
        if (options.ReportThreshold is < 1 or > 100)
        {
            failures.Add($"{ModerationOptions.Section}:ReportThreshold must be between 1 and 100 (was {options.ReportThreshold}).");
        }
        if (options.IdeasPerHour is < 1 or > 1000)
        {
            failures.Add($"{ModerationOptions.Section}:IdeasPerHour must be between 1 and 1000 (was {options.IdeasPerHour}).");
        }
        if (options.CommentsPerHour is < 1 or > 1000)
        {
            failures.Add($"{ModerationOptions.Section}:CommentsPerHour must be between 1 and 1000 (was {options.CommentsPerHour}).");
        }
        if (options.DigestIntervalMinutes is < 5 or > 7 * 24 * 60)
        {
            failures.Add($"{ModerationOptions.Section}:DigestIntervalMinutes must be between 5 and 10080 (was {options.DigestIntervalMinutes}).");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
