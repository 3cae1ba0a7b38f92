using Microsoft.Extensions.Options;

namespace Bylab.Core.Ideas;

public sealed class IdeaOptions
{
    public const string Section = "Bylab:Ideas";

    /// <summary>How long after writing an idea or comment its author may still edit it.</summary>
    public int EditWindowMinutes { get; set; } = 30;

    /// <summary>Default most votes one person may give within one consultation; null = unlimited. A consultation may set its own.</summary>
    public int? MaxVotesPerConsultation { get; set; }

    /// <summary>Ideas per page in lists.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>How often the background service gathers new comments into digests and sends unsent ones.</summary>
    public int BackgroundIntervalSeconds { get; set; } = 60;

    public TimeSpan EditWindow => TimeSpan.FromMinutes(EditWindowMinutes);
}

public sealed class IdeaOptionsValidator : IValidateOptions<IdeaOptions>
{
    public ValidateOptionsResult Validate(string? name, IdeaOptions options)
    {
        var failures = new List<string>();
        if (options.EditWindowMinutes is < 0 or > 60 * 24 * 30)
        {
            failures.Add($"{IdeaOptions.Section}:EditWindowMinutes must be between 0 and 43200 (was {options.EditWindowMinutes}).");
        }
        if (options.MaxVotesPerConsultation is < 1)
        {
            failures.Add($"{IdeaOptions.Section}:MaxVotesPerConsultation must be at least 1, or empty for unlimited (was {options.MaxVotesPerConsultation}).");
        }
        if (options.PageSize is < 1 or > 100)
        {
            failures.Add($"{IdeaOptions.Section}:PageSize must be between 1 and 100 (was {options.PageSize}).");
        }
        if (options.BackgroundIntervalSeconds is < 1 or > 3600)
        {
            failures.Add($"{IdeaOptions.Section}:BackgroundIntervalSeconds must be between 1 and 3600 (was {options.BackgroundIntervalSeconds}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
