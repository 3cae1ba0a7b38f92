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
}
