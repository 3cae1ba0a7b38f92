using System.Collections.Concurrent;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Bylab.Core.Ideas;

namespace Bylab.Tests.Infrastructure;

/// <summary>Records every message; can fail before sending, or – like a crash after the mail server took it – after.</summary>
public sealed class RecordingSender : IEmailSender
{
    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    /// <summary>Fail the next this-many sends without sending.</summary>
    public int FailBefore { get; set; }

    /// <summary>Send, then fail the next this-many times (the mark "sent" is never written).</summary>
    public int FailAfter { get; set; }

    /// <summary>Fail the next send to this address, once, without sending (one recipient of several unreachable).</summary>
    public string? FailOnceTo { get; set; }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        if (FailOnceTo is { } to && string.Equals(message.To, to, StringComparison.OrdinalIgnoreCase))
        {
            FailOnceTo = null;
            throw new InvalidOperationException($"Recipient {to} refused for now");
        }
        if (FailBefore > 0)
        {
            FailBefore--;
            throw new InvalidOperationException("SMTP server not reachable");
        }
        Sent.Enqueue(message);
        if (FailAfter > 0)
        {
            FailAfter--;
            throw new InvalidOperationException("process died after sending");
        }
        return Task.CompletedTask;
    }

    public List<string> Subjects => Sent.Select(m => m.Subject).ToList();
}

/// <summary>
/// The Core harness's stand-in for the web layer's mail texts: writes "Kind registrationId position" as the subject,
/// so Core tests see what was composed. The real texts are tested over HTTP (Web/Events/EventMailTests).
/// </summary>
public sealed class SubjectComposer : IEventMailComposer
{
    public EmailMessage Compose(EventNotificationKind kind, Event ev, Registration registration, int? waitlistPosition) =>
        new(registration.Email, $"{kind} {registration.Id} {waitlistPosition}".TrimEnd(), ev.Title);
}

/// <summary>Core tests' booking mail: the kind, the booking ids and the door codes in the subject, staff's message as the body.</summary>
public sealed class BookingSubjectComposer : Bylab.Core.Bookings.IBookingMailComposer
{
    public EmailMessage Compose(Bylab.Core.Bookings.BookingNotificationKind kind, IReadOnlyList<Bylab.Core.Bookings.BookingMailItem> bookings,
        Bylab.Core.Bookings.BookingRecipient recipient, string? message) =>
        new(recipient.Email, $"{kind} {string.Join(",", bookings.Select(b => b.Booking.Id))} {string.Join(",", bookings.Select(b => b.DoorCode?.Code))}".TrimEnd(),
            message ?? "");
}

/// <summary>
/// The Core harness's stand-in for the comment digest's texts: one line per comment, «Reason CommentId Writer», and
/// «digest N» as the subject, so Core tests read what a digest holds. The real texts are tested over HTTP (Web/Profile/MyPageTests).
/// </summary>
public sealed class ListingDigestComposer : ICommentDigestComposer
{
    public EmailMessage Compose(CommentDigestMail mail) =>
        new(mail.Email, $"digest {mail.Items.Count}", string.Join("\n", mail.Items.Select(i => $"{i.Reason} {i.CommentId} {i.WriterName}")));
}

/// <summary>The statement of reasons as a line a test can read: kind, item, state, reason, automatic or not, and the language.</summary>
public sealed class ListingModerationComposer : Bylab.Core.Moderation.IModerationMailComposer
{
    public EmailMessage Compose(Bylab.Core.Moderation.ModerationMail mail) =>
        new(mail.Email, $"moderation {mail.State}", $"{mail.Kind} {mail.ItemId} {mail.State} {mail.Reason} automatic={mail.Automatic} culture={mail.Culture}");

    public EmailMessage Compose(Bylab.Core.Moderation.PostingBlockMail mail) =>
        new(mail.Email, mail.Blocked ? "blocked" : "unblocked", $"{mail.Reason} hidden={mail.ContentHidden} culture={mail.Culture}");

    public EmailMessage Compose(Bylab.Core.Moderation.ReviewAnswerMail mail) =>
        new(mail.Email, $"review {mail.Outcome}", $"{mail.Kind} {mail.ItemId} {mail.Answer} culture={mail.Culture}");
}

/// <summary>The moderators' digest as a line a test can read: the counts and the language.</summary>
public sealed class ListingModeratorDigestComposer : Bylab.Core.Moderation.IModeratorDigestComposer
{
    public EmailMessage Compose(Bylab.Core.Moderation.ModeratorDigestMail mail) =>
        new(mail.Email, "moderator digest", $"reports={mail.NewReports} held={mail.NewHeld} waiting={mail.ItemsWaiting} culture={mail.Culture}");
}
