using System.Text;
using System.Text.Encodings.Web;
using Bylab.Core.Common;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Bylab.Core.Time;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Events;

/// <summary>
/// The e-mails to participants, in the language they signed up in: the text, a simple HTML twin of it, and – when they
/// hold a place – the event as an .ics file and their check-in QR code. Links are absolute (<see cref="SiteOptions.PublicUrl"/>):
/// these mails are often written by the background service, where there is no request.
/// </summary>
public sealed class EventMails(
    IStringLocalizer<EventsResource> l,
    IOptions<SiteOptions> site,
    IOptions<EventOptions> events,
    IOptions<EmailOptions> email,
    TimeProvider time) : IEventMailComposer
{
    /// <summary>
    /// One line of the mail: text, optionally followed by a link. The text is flattened to one line whatever the
    /// names and titles in it hold, so a stored value can never add lines (or links) of its own to the mail.
    /// </summary>
    private sealed record Line
    {
        public Line(string text, string? url = null) => (Text, Url) = (SingleLineText.Flatten(text), url is null ? null : SingleLineText.Flatten(url));

        public string Text { get; }
        public string? Url { get; }
    }

    public EmailMessage Compose(EventNotificationKind kind, Event ev, Registration registration, int? waitlistPosition) =>
        CultureSwitch.In(registration.Culture, () => Write(kind, ev, registration, waitlistPosition));

    private EmailMessage Write(EventNotificationKind kind, Event ev, Registration r, int? position)
    {
        var s = site.Value;
        var personalLink = s.Link("/pamelding/" + r.ManageToken);
        var eventLink = s.Link("/arrangementer/" + ev.Slug);
        var holdsPlace = r.Status == RegistrationStatus.Confirmed && !ev.IsCancelled;
        var withTicket = holdsPlace && kind is EventNotificationKind.Confirmed or EventNotificationKind.Promoted
            or EventNotificationKind.Reminder or EventNotificationKind.EventChanged;
        var location = EventCalendar.LocationText(ev, l["Mail.Online"].Value);

        var paragraphs = new List<List<Line>> { new() { new(l["Mail.Greeting", r.Name].Value) } };
        paragraphs.Add(Intro(kind, ev, r, position));
        if (kind == EventNotificationKind.EventCancelled && !string.IsNullOrWhiteSpace(ev.CancellationMessage))
        {
            paragraphs.Add([new(l["Mail.EventCancelled.Message"].Value), .. ev.CancellationMessage.Trim().Split('\n').Select(x => new Line(x.TrimEnd('\r')))]);
        }
        paragraphs.Add(Details(kind, ev, r, location, holdsPlace, withTicket));
        paragraphs.Add(kind switch
        {
            EventNotificationKind.ConfirmEmail => [new(l["Mail.ConfirmEmail.Link"].Value, personalLink)],
            EventNotificationKind.Cancelled or EventNotificationKind.EventCancelled => [new(l["Mail.EventPage"].Value, eventLink)],
            _ => [new(l["Mail.PersonalLink"].Value, personalLink)],
        });
        if (kind == EventNotificationKind.ConfirmEmail)
        {
            paragraphs.Add([new(l["Mail.ConfirmEmail.Expiry", events.Value.UnconfirmedExpiryHours].Value)]);
        }
        paragraphs.Add([.. l["Mail.Signature"].Value.Split('\n').Select(x => new Line(x))]);

        return new EmailMessage(r.Email, Subject(kind, ev), Text(paragraphs), Html(paragraphs),
            Attachments(kind, ev, r, eventLink, location, withTicket));
    }

    /// <summary>What, when, where, how many and the check-in code.</summary>
    private List<Line> Details(EventNotificationKind kind, Event ev, Registration r, string location, bool holdsPlace, bool withTicket)
    {
        var details = new List<Line> { new(ev.Title), new(l["Mail.When", When(ev)].Value) };
        if (location.Length > 0)
        {
            details.Add(new(l["Mail.Where", location].Value));
        }
        if (holdsPlace && ev.LocationKind == EventLocationKind.Online && !string.IsNullOrWhiteSpace(ev.OnlineUrl)
            && kind is EventNotificationKind.Confirmed or EventNotificationKind.Promoted or EventNotificationKind.Reminder)
        {
            details.Add(new(l["Mail.OnlineLink"].Value, ev.OnlineUrl));
        }
        if (holdsPlace && r.Companions > 0 && kind != EventNotificationKind.ConfirmEmail)
        {
            details.Add(new(l["Mail.Places", r.Places].Value));
        }
        if (withTicket)
        {
            details.Add(new(l["Mail.CheckInCode", r.CheckInCode].Value));
        }
        return details;
    }

    /// <summary>A ticket (.ics and QR code) for a place; an .ics that removes the event when the place is gone.</summary>
    private List<EmailAttachment> Attachments(EventNotificationKind kind, Event ev, Registration r, string eventLink, string location, bool withTicket)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (withTicket)
        {
            var entry = new CalendarEntry(ev, eventLink, location, ev.LocationKind == EventLocationKind.Online ? ev.OnlineUrl : null);
            return
            [
                new(ev.Slug + ".ics", EventCalendar.PublishContentType, EventCalendar.Bytes(EventCalendar.Single(entry, now, email.Value.From))),
                new("innsjekk-" + r.CheckInCode + ".png", "image/png", CheckInQr.Png(CheckInQr.Url(site.Value, r.CheckInCode))),
            ];
        }
        if (kind is EventNotificationKind.EventCancelled or EventNotificationKind.Cancelled)
        {
            // Removes the event from the calendar the earlier .ics put it in.
            var entry = new CalendarEntry(ev, eventLink, location);
            return [new(ev.Slug + ".ics", EventCalendar.CancelContentType, EventCalendar.Bytes(EventCalendar.Single(entry, now, email.Value.From, cancel: true)))];
        }
        return [];
    }

    private string Subject(EventNotificationKind kind, Event ev) => SingleLineText.Flatten(l[$"Mail.{kind}.Subject", ev.Title].Value);

    private List<Line> Intro(EventNotificationKind kind, Event ev, Registration r, int? position)
    {
        var intro = kind switch
        {
            EventNotificationKind.Waitlisted => l["Mail.Waitlisted.Intro", ev.Title, position ?? 1].Value,
            EventNotificationKind.Cancelled when r.CancelledBy == CancelledBy.Organiser => l["Mail.Cancelled.ByOrganiser", ev.Title].Value,
            _ => l[$"Mail.{kind}.Intro", ev.Title].Value,
        };
        var lines = new List<Line> { new(intro) };
        if (kind == EventNotificationKind.EventChanged && r.Status == RegistrationStatus.Waitlisted && position is { } p)
        {
            lines.Add(new(l["Mail.StillWaitlisted", p].Value));
        }
        return lines;
    }

    /// <summary>«23. november 2026 kl. 18:00–20:00», or both dates when it runs past midnight; Oslo time, as on the site.</summary>
    private static string When(Event ev)
    {
        var start = OsloTime.ToOslo(ev.StartsAt);
        var end = OsloTime.ToOslo(ev.EndsAt);
        return start.Date == end.Date
            ? Display.DateTime(ev.StartsAt) + "–" + Display.Clock(TimeOnly.FromDateTime(end))
            : Display.DateTime(ev.StartsAt) + " – " + Display.DateTime(ev.EndsAt);
    }

    private static string Text(List<List<Line>> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(p => string.Join("\n", p.Select(line => line.Url is null ? line.Text : line.Text + " " + line.Url))));

    /// <summary>The same paragraphs as HTML; every value is encoded, and only our own http(s) links become anchors.</summary>
    private static string Html(List<List<Line>> paragraphs)
    {
        var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{Encode(lang)}\"><head><meta charset=\"utf-8\"></head><body>");
        foreach (var p in paragraphs)
        {
            html.Append("<p>");
            html.AppendJoin("<br>", p.Select(line => line.Url is { } url && IsWebLink(url)
                ? $"{Encode(line.Text)} <a href=\"{Encode(url)}\">{Encode(url)}</a>"
                : Encode(line.Url is null ? line.Text : line.Text + " " + line.Url)));
            html.Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Encode(string s) => HtmlEncoder.Default.Encode(s);
}
