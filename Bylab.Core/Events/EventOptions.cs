using Microsoft.Extensions.Options;

namespace Bylab.Core.Events;

public sealed class EventOptions
{
    public const string Section = "Bylab:Events";

    /// <summary>Participants' personal data is deleted this many days after the event ends; only counts remain.</summary>
    public int DeletePersonalDataAfterDays { get; set; } = 30;

    /// <summary>A guest who does not confirm their e-mail within this many hours loses the unconfirmed sign-up.</summary>
    public int UnconfirmedExpiryHours { get; set; } = 48;

    /// <summary>Default for new events; each event may change it or turn reminders off.</summary>
    public int DefaultReminderHoursBefore { get; set; } = 24;

    /// <summary>How often the background service looks for reminders, deletions and unsent e-mail.</summary>
    public int BackgroundIntervalSeconds { get; set; } = 60;

    /// <summary>Check-in at the door opens this many hours before the start (<see cref="CheckInWindow"/>).</summary>
    public int CheckInOpensHoursBefore { get; set; } = 2;

    /// <summary>Check-in closes at midnight ending this many days after the event's last day (1 = the day after).</summary>
    public int CheckInClosesDaysAfter { get; set; } = 1;

    /// <summary>Events per page in the programme list.</summary>
    public int PageSize { get; set; } = 20;
}

public sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, EventOptions o)
    {
        var failures = new List<string>();
        if (o.DeletePersonalDataAfterDays is < 0 or > 3650)
        {
            failures.Add($"{EventOptions.Section}:DeletePersonalDataAfterDays must be between 0 and 3650 (was {o.DeletePersonalDataAfterDays}).");
        }
        if (o.UnconfirmedExpiryHours is < 1 or > 24 * 30)
        {
            failures.Add($"{EventOptions.Section}:UnconfirmedExpiryHours must be between 1 and 720 (was {o.UnconfirmedExpiryHours}).");
        }
        if (o.DefaultReminderHoursBefore is < 1 or > Event.MaxReminderHours)
        {
            failures.Add($"{EventOptions.Section}:DefaultReminderHoursBefore must be between 1 and {Event.MaxReminderHours} (was {o.DefaultReminderHoursBefore}).");
        }
        if (o.BackgroundIntervalSeconds is < 1 or > 3600)
        {
            failures.Add($"{EventOptions.Section}:BackgroundIntervalSeconds must be between 1 and 3600 (was {o.BackgroundIntervalSeconds}).");
        }
        if (o.CheckInOpensHoursBefore is < 0 or > 72)
        {
            failures.Add($"{EventOptions.Section}:CheckInOpensHoursBefore must be between 0 and 72 (was {o.CheckInOpensHoursBefore}).");
        }
        if (o.CheckInClosesDaysAfter is < 0 or > 30)
        {
            failures.Add($"{EventOptions.Section}:CheckInClosesDaysAfter must be between 0 and 30 (was {o.CheckInClosesDaysAfter}).");
        }
        if (o.PageSize is < 1 or > 100)
        {
            failures.Add($"{EventOptions.Section}:PageSize must be between 1 and 100 (was {o.PageSize}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
