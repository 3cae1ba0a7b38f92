using Bylab.Core.Data;
using Bylab.Core.Email;

namespace Bylab.Core.Bookings;

public enum BookingNotificationKind
{
    /// <summary>Approved: the .ics, the practical information and the door code.</summary>
    Approved,
    Rejected,
    /// <summary>Staff suggest another time.</summary>
    Suggested,
    /// <summary>Staff moved an approved booking: the new time, the reason, an updated .ics and code.</summary>
    Moved,
    /// <summary>Staff cancelled it: the reason, and an .ics that removes it.</summary>
    CancelledByStaff,
}

/// <summary>
/// An e-mail a booking change owes the organisation, written in the change's own transaction and sent after it
/// (by the request that made the change, or by the background service), at least once.
/// </summary>
public class BookingNotification
{
    public int Id { get; set; }
    public int BookingId { get; set; }
    public Booking? Booking { get; set; }
    public BookingNotificationKind Kind { get; set; }
    /// <summary>Staff's reason or message at the time (moved, cancelled).</summary>
    public string? Message { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>
    /// The addresses that have taken the mail, one per line: a notification has two recipients (the requester and the
    /// organisation's contact), and a retry after the second failed must not send the first again.
    /// </summary>
    public string? SentTo { get; set; }
    public int Attempts { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Writes the e-mail about one or more bookings of one request (a series approved at once is one mail). The web layer owns texts and links.</summary>
public interface IBookingMailComposer
{
    /// <param name="recipient">The address, the name and the language (nb, nn, en) of the person the mail is for.</param>
    EmailMessage Compose(BookingNotificationKind kind, IReadOnlyList<BookingMailItem> bookings, BookingRecipient recipient, string? message);
}

public sealed record BookingRecipient(string Email, string Name, string Culture);

/// <summary>A booking as the mail tells it: where, when, the code and the venue's practical information.</summary>
public sealed record BookingMailItem(Booking Booking, Venue.Venue Venue, Venue.Space Space, string OrganisationName, DoorCodeView? DoorCode);

/// <summary>Where the services queue booking e-mails: rows in the caller's unit of work, sent after the request.</summary>
public sealed class BookingNotificationQueue(BylabDbContext db)
{
    private bool _added;

    /// <summary>Something was queued in this scope (a request): the web layer sends it before the response.</summary>
    public bool HasNewMail => _added;

    public void Add(Booking booking, BookingNotificationKind kind, DateTime now, string? message = null)
    {
        db.BookingNotifications.Add(booking.Id == 0
            ? new BookingNotification { Booking = booking, Kind = kind, CreatedAt = now, Message = message }
            : new BookingNotification { BookingId = booking.Id, Kind = kind, CreatedAt = now, Message = message });
        _added = true;
    }
}
