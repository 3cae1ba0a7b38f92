using Bylab.Core.Common;
using Bylab.Core.Time;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace Bylab.Core.Bookings;

/// <summary>One booking as it goes into a calendar: texts already in the reader's language, links absolute (from PublicUrl).</summary>
public sealed record BookingCalendarEntry(int BookingId, string Title, DateTime StartsAt, DateTime EndsAt, int Sequence, string Location,
    string Description, string? Url, bool Cancelled = false);

/// <summary>
/// Bookings as iCalendar (RFC 5545): the approval mail's file, the staff feed and the public feed. UID per booking,
/// SEQUENCE from <see cref="Booking.Sequence"/> so a moved or cancelled booking replaces the copy a calendar holds.
/// </summary>
public static class BookingCalendar
{
    public static string Uid(int bookingId) => $"booking-{bookingId}@bylab.hamar.kommune.no";

    /// <summary>The file for one or more bookings (a series approved at once); METHOD:CANCEL when they are cancelled.</summary>
    public static string File(IReadOnlyCollection<BookingCalendarEntry> entries, DateTime stampUtc, string? organizerEmail, bool cancel = false)
    {
        var calendar = CalendarFiles.New(cancel ? "CANCEL" : "PUBLISH", entries.Select(e => e.StartsAt).DefaultIfEmpty(stampUtc).Min());
        foreach (var entry in entries)
        {
            calendar.Events.Add(ToEvent(entry with { Cancelled = entry.Cancelled || cancel }, stampUtc, organizerEmail));
        }
        return CalendarFiles.Serialize(calendar);
    }

    /// <summary>A feed to subscribe to: its name and the refresh interval.</summary>
    public static string Feed(string name, IReadOnlyCollection<BookingCalendarEntry> entries, DateTime stampUtc)
    {
        var calendar = CalendarFiles.New("PUBLISH", entries.Select(e => e.StartsAt).DefaultIfEmpty(stampUtc).Min());
        CalendarFiles.AsFeed(calendar, name);
        foreach (var entry in entries)
        {
            calendar.Events.Add(ToEvent(entry, stampUtc, null));
        }
        return CalendarFiles.Serialize(calendar);
    }

    private static CalendarEvent ToEvent(BookingCalendarEntry entry, DateTime stampUtc, string? organizerEmail)
    {
        var item = new CalendarEvent
        {
            Uid = Uid(entry.BookingId),
            Sequence = entry.Sequence,
            DtStamp = CalendarFiles.Utc(stampUtc),
            DtStart = CalendarFiles.Oslo(entry.StartsAt),
            DtEnd = CalendarFiles.Oslo(entry.EndsAt),
            // Stored text is put on its lines whatever it holds (Common/SingleLineText): no line of its own in the file.
            Summary = SingleLineText.Flatten(entry.Title),
            Description = SingleLineText.FlattenLines(entry.Url is null ? entry.Description : (entry.Description.Length > 0 ? entry.Description + "\n\n" : "") + entry.Url),
            Location = string.IsNullOrWhiteSpace(entry.Location) ? null : SingleLineText.Flatten(entry.Location),
            Url = entry.Url is null ? null : new Uri(entry.Url),
            Status = entry.Cancelled ? "CANCELLED" : "CONFIRMED",
            Transparency = TransparencyType.Opaque,
        };
        if (!string.IsNullOrWhiteSpace(organizerEmail))
        {
            item.Organizer = new Ical.Net.DataTypes.Organizer("mailto:" + organizerEmail);
        }
        return item;
    }
}
