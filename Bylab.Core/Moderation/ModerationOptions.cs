using Microsoft.Extensions.Options;

namespace Bylab.Core.Moderation;

public sealed class ModerationOptions
{
    public const string Section = "Bylab:Moderation";

    /// <summary>Reports from this many different people hide an item at once, pending a moderator's review.</summary>
    public int ReportThreshold { get; set; } = 3;
}

public sealed class ModerationOptionsValidator : IValidateOptions<ModerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ModerationOptions options) =>
        options.ReportThreshold is < 1 or > 100
            ? ValidateOptionsResult.Fail($"{ModerationOptions.Section}:ReportThreshold must be between 1 and 100 (was {options.ReportThreshold}).")
            : ValidateOptionsResult.Success;
}
