using Microsoft.Extensions.Options;

namespace Bylab.Core.Bookings;

/// <summary>Settings of venue booking (<c>Bylab:Bookings</c>).</summary>
public sealed class BookingOptions
{
    public const string Section = "Bylab:Bookings";

    /// <summary>Cancelling an approved booking closer to its start than this is allowed but recorded as late.</summary>
    public int LateCancellationHours { get; set; } = 48;

    /// <summary>How often unsent booking e-mails are looked at by the background service.</summary>
    public int BackgroundIntervalSeconds { get; set; } = 60;

    /// <summary>How far back and ahead the staff iCalendar feed reaches, in days.</summary>
    public int FeedDaysBack { get; set; } = 30;
    public int FeedDaysAhead { get; set; } = 365;

    public TimeSpan LateWindow => TimeSpan.FromHours(LateCancellationHours);
}

public sealed class BookingOptionsValidator : IValidateOptions<BookingOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingOptions o)
    {
        var failures = new List<string>();
        if (o.LateCancellationHours is < 0 or > 24 * 30)
        {
            failures.Add($"{BookingOptions.Section}:LateCancellationHours must be between 0 and 720 (was {o.LateCancellationHours}).");
        }
        if (o.BackgroundIntervalSeconds is < 1 or > 86_400)
        {
            failures.Add($"{BookingOptions.Section}:BackgroundIntervalSeconds must be between 1 and 86400 (was {o.BackgroundIntervalSeconds}).");
        }
        if (o.FeedDaysBack is < 0 or > 3_650 || o.FeedDaysAhead is < 1 or > 3_650)
        {
            failures.Add($"{BookingOptions.Section}:FeedDaysBack must be 0–3650 and FeedDaysAhead 1–3650.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
