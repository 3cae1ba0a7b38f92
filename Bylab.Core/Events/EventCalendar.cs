using System.Text;
using Bylab.Core.Common;
using Bylab.Core.Time;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Bylab.Core.Events;

/// <summary>One event as it goes into a calendar: the texts are already in the reader's language.</summary>
/// <param name="Url">The event's public page, absolute.</param>
/// <param name="Location">What <see cref="EventCalendar.LocationText"/> gives (the word for «online» chosen by the caller).</param>
/// <param name="OnlineUrl">Only in a participant's own file, and only when they hold a place.</param>
public sealed record CalendarEntry(Event Event, string Url, string Location, string? OnlineUrl = null);

/// <summary>
/// Events as iCalendar (RFC 5545), written with Ical.Net so that calendar apps import them: times in Europe/Oslo
/// with its VTIMEZONE, a UID that stays the same for the event's life, and SEQUENCE = <see cref="Event.Sequence"/>
/// so that an updated file replaces the copy a calendar already holds.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = CalendarFiles.ContentType;
    public const string PublishContentType = CalendarFiles.PublishContentType;
    public const string CancelContentType = CalendarFiles.CancelContentType;
    public const string ProductId = CalendarFiles.ProductId;

    /// <summary>How often a subscribed calendar app should fetch the feed again.</summary>
    public static readonly TimeSpan FeedRefresh = TimeSpan.FromHours(1);

    public static string Uid(int eventId) => $"event-{eventId}@bylab.hamar.kommune.no";

    /// <summary>«Bylab Hamar, Torggata 1, 2317 Hamar», «Hamar bibliotek, Strandgata 1», or <paramref name="online"/>.</summary>
    public static string LocationText(Event ev, string online) => ev.LocationKind switch
    {
        EventLocationKind.Venue when ev.Venue is { } v => Parts(", ", v.Name, v.StreetAddress, Parts(" ", v.PostalCode, v.City)),
        EventLocationKind.Elsewhere => EventPlace.OneLine(ev.PlaceName, ev.PlaceAddress),
        EventLocationKind.Online => online,
        _ => "",
    };

    /// <summary>
    /// One event. A cancelled event – or, with <paramref name="cancel"/>, a participant's cancelled place – is written as
    /// METHOD:CANCEL with STATUS:CANCELLED, so that importing it removes the event from the calendar.
    /// </summary>
    /// <param name="organizerEmail">The sender of the e-mails (RFC 5546 wants an ORGANIZER for PUBLISH and CANCEL).</param>
    public static string Single(CalendarEntry entry, DateTime stampUtc, string? organizerEmail = null, bool cancel = false)
    {
        var cancelling = cancel || entry.Event.IsCancelled;
        var calendar = NewCalendar(cancelling ? "CANCEL" : "PUBLISH", [entry.Event], stampUtc);
        calendar.Events.Add(ToEvent(entry, stampUtc, organizerEmail, cancelling));
        return Serialize(calendar);
    }

    /// <summary>A feed for subscribing: many events, its name shown by the calendar app, and how often to refresh.</summary>
    public static string Feed(string name, IReadOnlyCollection<CalendarEntry> entries, DateTime stampUtc, string? organizerEmail = null)
    {
        var calendar = NewCalendar("PUBLISH", entries.Select(e => e.Event), stampUtc);
        CalendarFiles.AsFeed(calendar, name);
        foreach (var entry in entries)
        {
            calendar.Events.Add(ToEvent(entry, stampUtc, organizerEmail, cancelled: entry.Event.IsCancelled));
        }
        return Serialize(calendar);
    }

    /// <summary>The file's bytes: UTF-8 without a byte order mark (some calendar apps show a BOM as a stray character).</summary>
    public static byte[] Bytes(string ics) => CalendarFiles.Bytes(ics);

    /// <summary>The VTIMEZONE must cover the earliest time in the file.</summary>
    private static Calendar NewCalendar(string method, IEnumerable<Event> events, DateTime stampUtc) =>
        CalendarFiles.New(method, events.Select(e => e.StartsAt).DefaultIfEmpty(stampUtc).Min());

    private static CalendarEvent ToEvent(CalendarEntry entry, DateTime stampUtc, string? organizerEmail, bool cancelled)
    {
        var ev = entry.Event;
        var description = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(ev.Summary))
        {
            description.Append(ev.Summary.Trim()).Append("\n\n");
        }
        if (entry.OnlineUrl is { Length: > 0 } online)
        {
            description.Append(online).Append('\n');
        }
        description.Append(entry.Url);

        var item = new CalendarEvent
        {
            Uid = Uid(ev.Id),
            Sequence = ev.Sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc)),
            DtStart = Oslo(ev.StartsAt),
            DtEnd = Oslo(ev.EndsAt),
            Summary = SingleLineText.Flatten(ev.Title),
            Description = SingleLineText.FlattenLines(description.ToString()),
            Location = string.IsNullOrWhiteSpace(entry.Location) ? null : SingleLineText.Flatten(entry.Location),
            Url = new Uri(entry.Url),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Transparency = TransparencyType.Opaque,
        };
        if (!string.IsNullOrWhiteSpace(organizerEmail))
        {
            item.Organizer = new Organizer("mailto:" + organizerEmail) { CommonName = ParameterText(ev.OrganiserName) };
        }
        return item;
    }

    private static CalDateTime Oslo(DateTime utc) => CalendarFiles.Oslo(utc);

    private static string Serialize(Calendar calendar) => CalendarFiles.Serialize(calendar);

    /// <summary>
    /// A parameter value (CN="…") cannot hold a line break or a double quote at all (RFC 5545 3.1; Ical.Net writes
    /// them as they are, so «Ola\r\nBEGIN:VEVENT» would start a new event): one line, and ' for ".
    /// </summary>
    private static string ParameterText(string text) => SingleLineText.Flatten(text).Replace('"', '\'');

    private static string Parts(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
