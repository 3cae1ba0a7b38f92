namespace Bylab.Core.Events;

/// <summary>Audit codes for what staff and organisers do with events; the web layer translates them ("Audit." + code).</summary>
public static class EventAuditActions
{
    public const string EventCreated = "event.created";
    public const string EventUpdated = "event.updated";
    public const string EventPublished = "event.published";
    public const string EventCancelled = "event.cancelled";
    public const string EventCopied = "event.copied";
}
