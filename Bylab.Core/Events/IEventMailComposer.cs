using Bylab.Core.Email;

namespace Bylab.Core.Events;

/// <summary>
/// Writes the e-mail for one <see cref="EventNotification"/> in the participant's language
/// (<see cref="Registration.Culture"/>). Implemented by the web layer, which owns the texts and the URLs.
/// </summary>
public interface IEventMailComposer
{
    /// <param name="waitlistPosition">1-based position, for <see cref="EventNotificationKind.Waitlisted"/>.</param>
    EmailMessage Compose(EventNotificationKind kind, Event ev, Registration registration, int? waitlistPosition);
}
