using System.Globalization;
using Bylab.Core.Events;
using Bylab.Core.Time;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Events;

public static class EventPaths
{
    public const string Programme = "/arrangementer";
    public const string Month = "/arrangementer/kalender";
    public const string Feed = "/arrangementer/kalender.ics";
    public const string MyRegistrations = "/min-side/pameldinger";

    public static string Event(string slug) => Programme + "/" + Uri.EscapeDataString(slug);

    public static string SignUp(string slug) => Event(slug) + "/pamelding";

    public static string CheckEmail(string slug) => Event(slug) + "/sjekk-e-post";

    public static string EventCalendar(string slug) => Event(slug) + "/kalender.ics";

    public static string ThemeFeed(string? themeSlug) =>
        themeSlug is null ? Feed : Feed + "?tema=" + Uri.EscapeDataString(themeSlug);

    public static string Registration(string token) => "/pamelding/" + Uri.EscapeDataString(token);

    public static string Qr(string token) => Registration(token) + "/qr.png";

    public static string RegistrationCalendar(string token) => Registration(token) + "/kalender.ics";
}

/// <summary>How the event pages say when, where and how many places.</summary>
public static class EventText
{
    /// <summary>«tirsdag 1. desember 2026 kl. 18:00–20:00», or both ends in full when the event runs over midnight.</summary>
    public static string When(DateTime startsUtc, DateTime endsUtc)
    {
        var start = OsloTime.ToOslo(startsUtc);
        var end = OsloTime.ToOslo(endsUtc);
        var culture = CultureInfo.CurrentCulture;
        var en = culture.TwoLetterISOLanguageName == "en";
        var day = start.ToString(en ? "dddd d MMMM yyyy" : "dddd d. MMMM yyyy", culture);
        var from = start.ToString("HH:mm", CultureInfo.InvariantCulture);
        var to = end.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (start.Date == end.Date)
        {
            return en ? $"{day}, {from}–{to}" : $"{day} kl. {from}–{to}";
        }
        return $"{Display.DateTime(startsUtc)} – {Display.DateTime(endsUtc)}";
    }

    /// <summary>Short date for cards: «tir. 1. des.» and the start time.</summary>
    public static string ShortDay(DateTime startsUtc)
    {
        var start = OsloTime.ToOslo(startsUtc);
        var culture = CultureInfo.CurrentCulture;
        return start.ToString(culture.TwoLetterISOLanguageName == "en" ? "ddd d MMM" : "ddd d. MMM", culture);
    }

    /// <summary>The instant for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Clock(DateTime utc) => OsloTime.ToOslo(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What the card and the event page say about places: cancelled, not open yet, closed, full, or how many are left.</summary>
    public static string Availability(IStringLocalizer l, EventStatus status, RegistrationWindow window, int placesLeft, int waitlist)
    {
        if (status == EventStatus.Cancelled)
        {
            return l["Event.Cancelled"];
        }
        return window switch
        {
            RegistrationWindow.NotYetOpen => l["Places.NotYetOpen"],
            RegistrationWindow.Closed or RegistrationWindow.Started or RegistrationWindow.NotAvailable => l["Places.Closed"],
            _ when placesLeft == 0 || waitlist > 0 => l["Places.Full"],
            _ when placesLeft == 1 => l["Places.LeftOne"],
            _ => l["Places.Left", placesLeft],
        };
    }

    /// <summary>The colour of the availability tag.</summary>
    public static string AvailabilityColor(EventStatus status, RegistrationWindow window, int placesLeft, int waitlist) =>
        status == EventStatus.Cancelled ? "danger"
        : window != RegistrationWindow.Open ? "neutral"
        : placesLeft == 0 || waitlist > 0 ? "warning"
        : "success";
}
