using CultureInfo = System.Globalization.CultureInfo;
using System.Text;
using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Bylab.Core.Time;

/// <summary>What every iCalendar file Bylab writes shares: Europe/Oslo with its VTIMEZONE, the product id, and the serialisation.</summary>
public static class CalendarFiles
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string PublishContentType = "text/calendar; method=PUBLISH; charset=utf-8";
    public const string CancelContentType = "text/calendar; method=CANCEL; charset=utf-8";
    public const string ProductId = "-//Hamar kommune//Bylab//NO";
    public const string Zone = "Europe/Oslo";

    /// <summary>A calendar with the VTIMEZONE covering <paramref name="earliestUtc"/> (a year before it is plenty).</summary>
    public static Calendar New(string method, DateTime earliestUtc)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = method };
        calendar.AddTimeZone(Zone, OsloTime.ToOslo(earliestUtc).AddYears(-1), includeHistoricalData: false);
        return calendar;
    }

    /// <summary>Marks a calendar as a feed: its name in the calendar app and how often to fetch it again.</summary>
    public static void AsFeed(Calendar calendar, string name)
    {
        calendar.AddProperty("X-WR-CALNAME", Common.SingleLineText.Flatten(name));
        calendar.AddProperty("X-WR-TIMEZONE", Zone);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT1H");
        refresh.AddParameter("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
    }

    /// <summary>
    /// Oslo wall-clock time with TZID. In the hour that repeats when summer time ends, wall-clock time alone cannot say
    /// which of the two is meant, so such a time is written in UTC instead (RFC 5545 allows either).
    /// </summary>
    public static CalDateTime Oslo(DateTime utc)
    {
        var local = DateTime.SpecifyKind(OsloTime.ToOslo(utc), DateTimeKind.Unspecified);
        return OsloTime.Zone.IsAmbiguousTime(local)
            ? new CalDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc))
            : new CalDateTime(local, Zone);
    }

    public static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>
    /// Ical.Net formats numbers with the current culture, and Norwegian writes a negative number with U+2212 (−1SU in the
    /// VTIMEZONE's RRULE), which no calendar app reads. The file is written in the invariant culture whatever the reader's language.
    /// </summary>
    public static string Serialize(Calendar calendar)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return new CalendarSerializer().SerializeToString(calendar)!;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>The file's bytes: UTF-8 without a byte order mark (some calendar apps show a BOM as a stray character).</summary>
    public static byte[] Bytes(string ics) => new UTF8Encoding(false).GetBytes(ics);
}
