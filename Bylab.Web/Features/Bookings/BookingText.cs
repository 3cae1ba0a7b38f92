using System.Globalization;
using Bylab.Core.Bookings;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Bookings;

/// <summary>The addresses of the booking pages, in one place.</summary>
public static class BookingPaths
{
    public const string Venue = "/lokalet";
    public const string Week = "/lokalet/kalender";
    public const string Month = "/lokalet/kalender/maned";
    public const string PublicFeed = "/lokalet/kalender.ics";
    public const string Mine = "/lokalet/bookinger";
    public const string New = "/lokalet/bookinger/ny";

    public static string Booking(int id) => $"/lokalet/bookinger/{id}";
    public static string StaffFeed(string token) => $"/lokalet/intern/{token}.ics";
    public static string AdminBooking(int id) => $"/admin/bookinger/{id}";

    public static string WeekOf(DateOnly date, int? spaceId) =>
        $"{Week}?dato={date:yyyy-MM-dd}" + (spaceId is { } s ? $"&rom={s}" : "");

    public static string MonthOf(int year, int month, int? spaceId) =>
        $"{Month}?ar={year}&maned={month}" + (spaceId is { } s ? $"&rom={s}" : "");

    /// <summary>The request form filled in with a free stretch of the calendar.</summary>
    public static string NewAt(int spaceId, DateTime fromUtc, DateTime untilUtc)
    {
        var from = OsloTime.ToOslo(fromUtc);
        var until = OsloTime.ToOslo(untilUtc);
        return $"{New}?rom={spaceId}&dato={from:yyyy-MM-dd}&fra={from:HH\\:mm}&til={until:HH\\:mm}";
    }
}

/// <summary>Dates and times of bookings as people read them: Europe/Oslo, in the current language.</summary>
public static class BookingText
{
    /// <summary>«tirsdag 3. mars 2026 kl. 18:00–20:00», or both ends with their dates when it runs past midnight.</summary>
    public static string When(DateTime startUtc, DateTime endUtc)
    {
        var start = OsloTime.ToOslo(startUtc);
        var end = OsloTime.ToOslo(endUtc);
        var culture = CultureInfo.CurrentCulture;
        var en = culture.TwoLetterISOLanguageName == "en";
        var day = start.ToString(en ? "dddd d MMMM yyyy" : "dddd d. MMMM yyyy", culture);
        return start.Date == end.Date
            ? $"{day} {(en ? "" : "kl. ")}{start:HH:mm}–{end:HH:mm}".Replace("  ", " ")
            : $"{Display.DateTime(startUtc)} – {Display.DateTime(endUtc)}";
    }

    /// <summary>«3. mars 2026».</summary>
    public static string Date(DateTime utc) => Display.Date(utc);

    public static string Day(DateOnly date)
    {
        var culture = CultureInfo.CurrentCulture;
        return date.ToString(culture.TwoLetterISOLanguageName == "en" ? "dddd d MMMM" : "dddd d. MMMM", culture);
    }

    public static string Clock(DateTime utc) => OsloTime.ToOslo(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Why a day is closed: the holiday's name, staff's reason, or «not lent on Sundays».</summary>
    public static string Closed(IStringLocalizer l, DayClosed? closed, DateOnly date) => closed switch
    {
        { HolidayKey: { } key } => l["Holiday." + key].Value,
        { Reason: { Length: > 0 } reason } => reason,
        _ => l["Calendar.NotLent", Display.DayName(date.DayOfWeek)].Value,
    };

    /// <summary>The equipment's names in the current language, comma-separated.</summary>
    public static string Equipment(IStringLocalizer l, SpaceEquipment set) =>
        string.Join(", ", SpaceEquipments.Each(set).Select(e => l["Equipment." + e].Value));

    public static string Hours(double hours) => hours.ToString("0.#", CultureInfo.CurrentCulture);
}
