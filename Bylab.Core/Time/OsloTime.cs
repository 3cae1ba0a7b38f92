namespace Bylab.Core.Time;

/// <summary>Bylab stores UTC and shows Europe/Oslo; every conversion goes through here.</summary>
public static class OsloTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static DateTime ToOslo(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// Converts a wall-clock time in Oslo to UTC. Returns null for a time that does not exist
    /// (the hour skipped when summer time begins); an ambiguous time (the hour repeated in
    /// October) is taken as the first of the two, summer time.
    /// </summary>
    public static DateTime? ToUtc(DateTime osloLocal)
    {
        var unspecified = DateTime.SpecifyKind(osloLocal, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            return null;
        }
        if (Zone.IsAmbiguousTime(unspecified))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>
    /// As <see cref="ToUtc"/>, but a wall-clock time that does not exist (skipped when summer time begins) is the first
    /// instant after the gap – the moment the clock shows a time at or after it – rather than refused: a venue that
    /// opens at 02:30 on that night opens when the clock jumps to 03:00.
    /// </summary>
    public static DateTime ToUtcOrNext(DateTime osloLocal)
    {
        var local = DateTime.SpecifyKind(osloLocal, DateTimeKind.Unspecified);
        // Gaps are whole hours (or half) on minute boundaries: the first valid minute is at most a few hours on.
        for (var i = 0; i < 24 * 60; i++)
        {
            if (ToUtc(local.AddMinutes(i)) is { } utc)
            {
                return utc;
            }
        }
        throw new InvalidOperationException($"{osloLocal} has no Oslo time after it within a day.");
    }
}
