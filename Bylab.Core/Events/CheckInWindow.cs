using Bylab.Core.Time;

namespace Bylab.Core.Events;

public enum CheckInTiming { Open, TooEarly, TooLate }

/// <summary>
/// When people can be checked in at the door: from <see cref="OpensBefore"/> before the start until the end of the
/// <see cref="ClosesDaysAfter"/>th day (Oslo) after the event ended, so a forgotten check-in can still be put right
/// the next morning, while a code typed weeks ahead (or a mistaken tap on the wrong event) is refused with a reason.
/// </summary>
public sealed record CheckInWindow(TimeSpan OpensBefore, int ClosesDaysAfter)
{
    public static CheckInWindow From(EventOptions options) =>
        new(TimeSpan.FromHours(options.CheckInOpensHoursBefore), options.CheckInClosesDaysAfter);

    public DateTime OpensAt(DateTime startsAtUtc) => startsAtUtc - OpensBefore;

    /// <summary>Midnight (Oslo) ending the day <see cref="ClosesDaysAfter"/> days after the day the event ends.</summary>
    public DateTime ClosesAt(DateTime endsAtUtc)
    {
        var day = DateOnly.FromDateTime(OsloTime.ToOslo(endsAtUtc)).AddDays(ClosesDaysAfter + 1);
        // Midnight always exists in Oslo: the clocks change at 02:00 and 03:00.
        return OsloTime.ToUtc(day.ToDateTime(TimeOnly.MinValue))!.Value;
    }

    public CheckInTiming At(DateTime startsAtUtc, DateTime endsAtUtc, DateTime utcNow) =>
        utcNow < OpensAt(startsAtUtc) ? CheckInTiming.TooEarly
        : utcNow >= ClosesAt(endsAtUtc) ? CheckInTiming.TooLate
        : CheckInTiming.Open;
}
