using Bylab.Core.Data;

namespace Bylab.Core.Events;

/// <summary>
/// Where every service queues the e-mails a change owes participants: the rows go into the caller's unit of work
/// (saved in the change's own transaction), and the queue remembers which events got new mail in this scope.
/// The web layer sends exactly those right after the request (see <see cref="EventNotificationDispatcher.DeliverForEventAsync"/>);
/// the background service sends whatever is left.
/// </summary>
public sealed class EventNotificationQueue(BylabDbContext db)
{
    private readonly HashSet<int> _events = [];

    /// <summary>Events that got new mail in this scope (a request), in no particular order.</summary>
    public IReadOnlyCollection<int> EventsWithNewMail => _events;

    public void Add(Registration registration, EventNotificationKind kind, DateTime now)
    {
        // A sign-up saved in the same unit of work has no id yet: the navigation lets EF fill it in.
        db.EventNotifications.Add(registration.Id == 0
            ? new EventNotification { Registration = registration, Kind = kind, CreatedAt = now }
            : new EventNotification { RegistrationId = registration.Id, Kind = kind, CreatedAt = now });
        _events.Add(registration.EventId);
    }

    public void AddRange(IEnumerable<Registration> registrations, EventNotificationKind kind, DateTime now)
    {
        foreach (var registration in registrations)
        {
            Add(registration, kind, now);
        }
    }
}
