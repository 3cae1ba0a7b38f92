namespace Bylab.Core.Events;

public enum EventNotificationKind
{
    /// <summary>To a guest: follow this link to confirm your sign-up.</summary>
    ConfirmEmail,
    /// <summary>You have a place: .ics, QR code, personal link.</summary>
    Confirmed,
    /// <summary>The event is full; you are number N on the waitlist.</summary>
    Waitlisted,
    /// <summary>A place freed up and is now yours: .ics, QR code.</summary>
    Promoted,
    /// <summary>Receipt for the participant's own cancellation.</summary>
    Cancelled,
    /// <summary>The organiser called the event off (with their message, and an .ics that cancels it).</summary>
    EventCancelled,
    /// <summary>Time or place changed: updated .ics.</summary>
    EventChanged,
    /// <summary>Before the event (<see cref="Event.ReminderHoursBefore"/>).</summary>
    Reminder,
}

/// <summary>
/// An e-mail owed to a participant, written in the same transaction as the change that causes it, so that
/// nothing is lost when the process stops. <see cref="EventNotificationDispatcher"/> composes and sends it,
/// then sets <see cref="SentAt"/>. A claim (<see cref="ClaimedUntil"/>) keeps two senders (the request and
/// the background service, or two instances) from sending the same row at once. A reminder is unique per
/// registration and <see cref="EventSequence"/> (partial unique index), so it is never queued twice for the same
/// time and place, and a new one goes out when the event moves after the first.
/// </summary>
public class EventNotification
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public EventNotificationKind Kind { get; set; }
    /// <summary>For a reminder: the event's <see cref="Event.Sequence"/> (its time and place) it reminds of.</summary>
    public int EventSequence { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
