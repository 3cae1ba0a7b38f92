using Microsoft.Extensions.Options;

namespace Bylab.Core.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Bylab:Database";

    /// <summary>Folder for the SQLite file (and nothing else); relative paths are taken from the app's content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The database file name inside <see cref="DataFolder"/>.</summary>
    public string FileName { get; set; } = "bylab.db";

    /// <summary>A full connection string overrides the two settings above (tests use it).</summary>
    public string? ConnectionString { get; set; }
}

public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            failures.Add($"{DatabaseOptions.Section}:DataFolder must name a folder.");
        }
        else if (options.DataFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{DatabaseOptions.Section}:DataFolder contains characters that are not allowed in a path.");
        }
        if (string.IsNullOrWhiteSpace(options.FileName) || options.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            failures.Add($"{DatabaseOptions.Section}:FileName must be a plain file name (was '{options.FileName}').");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
