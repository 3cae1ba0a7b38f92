using System.Text;
using System.Text.Encodings.Web;
using Bylab.Core.Bookings;
using Bylab.Core.Common;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Bookings;

/// <summary>
/// The e-mails about bookings, in the recipient's language: what was decided, where and when, and – for an approved
/// booking – the door code, the practical information and the booking as an .ics file. Links come from
/// <see cref="SiteOptions.PublicUrl"/> only (these mails are also written by the background service).
/// </summary>
public sealed class BookingMails(IStringLocalizer<BookingsResource> l, IOptions<SiteOptions> site, IOptions<EmailOptions> email, TimeProvider time)
    : IBookingMailComposer
{
    /// <summary>One line of a mail; stored text is put on one line whatever it holds (Common/SingleLineText).</summary>
    private sealed record Line
    {
        public Line(string text, string? url = null) => (Text, Url) = (SingleLineText.Flatten(text), url is null ? null : SingleLineText.Flatten(url));

        public string Text { get; }
        public string? Url { get; }
    }

    public EmailMessage Compose(BookingNotificationKind kind, IReadOnlyList<BookingMailItem> bookings, BookingRecipient recipient, string? message) =>
        CultureSwitch.In(recipient.Culture, () => Write(kind, bookings, recipient, message));

    private EmailMessage Write(BookingNotificationKind kind, IReadOnlyList<BookingMailItem> items, BookingRecipient recipient, string? message)
    {
        var first = items[0];
        var paragraphs = new List<List<Line>>
        {
            new() { new(l["Mail.Greeting", recipient.Name].Value) },
            new() { new(l[$"Mail.{kind}.Intro", first.OrganisationName, first.Booking.Purpose].Value) },
        };
        if (!string.IsNullOrWhiteSpace(message))
        {
            paragraphs.Add([new(l[$"Mail.{kind}.Message"].Value), .. message.Trim().Split('\n').Select(x => new Line(x.TrimEnd('\r')))]);
        }
        foreach (var item in items)
        {
            paragraphs.Add(Details(kind, item));
        }
        if (kind == BookingNotificationKind.Suggested && first.Booking.SuggestedStartsAt is { } s && first.Booking.SuggestedEndsAt is { } e)
        {
            paragraphs.Add([new(l["Mail.Suggested.Time", BookingText.When(s, e)].Value)]);
        }
        if (kind is BookingNotificationKind.Approved or BookingNotificationKind.Moved)
        {
            paragraphs.Add(Practical(first.Venue));
        }
        paragraphs.Add([new(l[items.Count > 1 ? "Mail.Links" : "Mail.Link"].Value, site.Value.Link(BookingPaths.Booking(first.Booking.Id)))]);
        paragraphs.Add([.. l["Mail.Signature"].Value.Split('\n').Select(x => new Line(x))]);
        var subject = SingleLineText.Flatten(l[$"Mail.{kind}.Subject", first.Booking.Purpose, BookingText.Date(first.Booking.StartsAt)].Value);
        return new EmailMessage(recipient.Email, subject, Text(paragraphs), Html(paragraphs), Attachments(kind, items));
    }

    /// <summary>What, where, when, and the door code with its hours.</summary>
    private List<Line> Details(BookingNotificationKind kind, BookingMailItem item)
    {
        var b = item.Booking;
        var lines = new List<Line>
        {
            new(l["Mail.What", b.Purpose].Value),
            new(l["Mail.Where", $"{item.Space.Name}, {item.Venue.Name}, {item.Venue.StreetAddress}, {item.Venue.PostalCode} {item.Venue.City}"].Value),
            new(l["Mail.When", BookingText.When(b.StartsAt, b.EndsAt)].Value),
        };
        if (kind is BookingNotificationKind.Approved or BookingNotificationKind.Moved && item.DoorCode is { } code)
        {
            lines.Add(new(l["Mail.DoorCode", code.Code, BookingText.When(code.ValidFrom, code.ValidUntil)].Value));
        }
        return lines;
    }

    /// <summary>The venue's practical information for approved borrowers: the door, whom to call, what to tidy.</summary>
    private List<Line> Practical(Core.Venue.Venue venue)
    {
        var lines = new List<Line> { new(l["Mail.Practical"].Value) };
        foreach (var (key, text) in new[] { ("Mail.Access", venue.AccessInstructions), ("Mail.Contact", venue.ContactPerson), ("Mail.Tidying", venue.TidyingInstructions) })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                lines.Add(new(l[key, text.Trim()].Value));
            }
        }
        return lines;
    }

    /// <summary>An .ics with every booking of the mail; one that removes it when staff cancelled.</summary>
    private List<EmailAttachment> Attachments(BookingNotificationKind kind, IReadOnlyList<BookingMailItem> items)
    {
        if (kind is not (BookingNotificationKind.Approved or BookingNotificationKind.Moved or BookingNotificationKind.CancelledByStaff))
        {
            return [];
        }
        var cancel = kind == BookingNotificationKind.CancelledByStaff;
        var entries = items.Select(i => new BookingCalendarEntry(i.Booking.Id, i.Booking.Purpose, i.Booking.StartsAt, i.Booking.EndsAt, i.Booking.Sequence,
            EventCalendarLocation(i), i.DoorCode is { } c && !cancel ? l["Mail.DoorCode", c.Code, BookingText.When(c.ValidFrom, c.ValidUntil)].Value : "",
            site.Value.Link(BookingPaths.Booking(i.Booking.Id)))).ToList();
        var ics = BookingCalendar.File(entries, time.GetUtcNow().UtcDateTime, email.Value.From, cancel);
        return [new("booking-" + items[0].Booking.Id + ".ics", cancel ? EventCalendar.CancelContentType : EventCalendar.PublishContentType, EventCalendar.Bytes(ics))];
    }

    private static string EventCalendarLocation(BookingMailItem i) =>
        $"{i.Space.Name}, {i.Venue.Name}, {i.Venue.StreetAddress}, {i.Venue.PostalCode} {i.Venue.City}";

    private static string Text(List<List<Line>> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(p => string.Join("\n", p.Select(line => line.Url is null ? line.Text : line.Text + " " + line.Url))));

    /// <summary>The same paragraphs as HTML; every value is encoded, and only our own links become anchors.</summary>
    private static string Html(List<List<Line>> paragraphs)
    {
        var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{Encode(lang)}\"><head><meta charset=\"utf-8\"></head><body>");
        foreach (var p in paragraphs)
        {
            html.Append("<p>");
            html.AppendJoin("<br>", p.Select(line => line.Url is { } url
                ? $"{Encode(line.Text)} <a href=\"{Encode(url)}\">{Encode(url)}</a>"
                : Encode(line.Text)));
            html.Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Encode(string s) => HtmlEncoder.Default.Encode(s);
}
