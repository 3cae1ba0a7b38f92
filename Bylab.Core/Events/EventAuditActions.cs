namespace Bylab.Core.Events;

/// <summary>Audit codes for what staff, organisers and the background service do with events; the web layer translates them ("Audit." + code).</summary>
public static class EventAuditActions
{
    public const string EventCreated = "event.created";
    public const string EventUpdated = "event.updated";
    public const string EventPublished = "event.published";
    public const string EventCancelled = "event.cancelled";
    public const string EventCopied = "event.copied";
    /// <summary>An organiser took a participant off the list.</summary>
    public const string RegistrationRemoved = "event.registration.removed";
    /// <summary>The background service deleted the participants of a past event (how many rows, in Details).</summary>
    public const string PersonalDataDeleted = "event.personal-data.deleted";
}
