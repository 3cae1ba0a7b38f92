using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Venue;

namespace Bylab.Core.Events;

/// <summary>What staff or an organiser type into the event form; times are already UTC (the web layer converts from Oslo time and refuses times that do not exist).</summary>
public sealed record EventInput(
    string Title,
    string Summary,
    string DescriptionMarkdown,
    int? ThemeId,
    EventAudience Audience,
    DateTime StartsAt,
    DateTime EndsAt,
    EventLocationKind LocationKind,
    int? VenueId,
    string? PlaceName,
    string? PlaceAddress,
    string? OnlineUrl,
    string OrganiserName,
    int Capacity,
    DateTime? RegistrationOpensAt,
    DateTime? RegistrationClosesAt,
    int MaxCompanions,
    bool AskNeeds,
    string? Question,
    int? ReminderHoursBefore);

/// <summary>A rule the input broke: <paramref name="Field"/> is an <see cref="EventInput"/> property, <paramref name="Code"/> one of <see cref="EventInputErrors"/>.</summary>
public sealed record EventInputError(string Field, string Code);

public static class EventInputErrors
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string EndBeforeStart = "end-before-start";
    public const string OutOfRange = "out-of-range";
    public const string CapacityOverVenue = "capacity-over-venue";
    public const string CapacityBelowTaken = "capacity-below-taken";
    public const string UnknownTheme = "unknown-theme";
    public const string UnknownVenue = "unknown-venue";
    public const string InvalidUrl = "invalid-url";
    public const string RegistrationWindow = "registration-window";
    public const string InThePast = "in-the-past";
}

public enum EventSaveOutcome { Saved, InvalidInput, VenueTaken, NotFound, NotEditable }

/// <summary>Another use of the venue that overlaps the requested time.</summary>
/// <param name="Kind">"event" now; "booking" once venue booking exists.</param>
public sealed record VenueConflict(string Kind, int Id, string Title, DateTime StartsAt, DateTime EndsAt);

public sealed record EventSaveResult(
    EventSaveOutcome Outcome,
    int? EventId = null,
    IReadOnlyList<EventInputError>? Errors = null,
    IReadOnlyList<VenueConflict>? Conflicts = null);

public enum EventStateOutcome { Done, NotFound, AlreadyInState, NotAllowed, VenueTaken }

/// <summary>
/// Staff and organisers create, edit, publish, cancel and copy events. An event in a venue takes the venue's
/// slot (<see cref="Venue.VenueCalendar"/>) and cannot overlap another use of it.
/// </summary>
public sealed class EventService(BylabDbContext db, TimeProvider time, AuditLog audit, VenueCalendar venues)
{
    // Contract (implemented by the events-core work):
    // Task<Event?> FindAsync(int id, CancellationToken ct = default)                      for the edit form and access checks
    // Task<EventSaveResult> CreateAsync(EventInput input, string actorId, CancellationToken ct = default)
    //     A draft owned by actorId. Errors: see EventInputErrors; VenueTaken with Conflicts.
    // Task<EventSaveResult> UpdateAsync(int id, EventInput input, string actorId, CancellationToken ct = default)
    //     NotEditable when cancelled or ended. Time or place changed on a published event: Sequence + 1 and an
    //     EventChanged notification to every confirmed and waitlisted registration. Capacity raised: the waitlist
    //     moves up (RegistrationService.PromoteWaitingAsync). Capacity below the places taken: CapacityBelowTaken.
    // Task<EventStateOutcome> PublishAsync(int id, string actorId, CancellationToken ct = default)
    // Task<EventStateOutcome> CancelAsync(int id, string? message, string actorId, CancellationToken ct = default)
    //     Every live registration is cancelled (CancelledBy.EventCancelled); confirmed and waitlisted ones get EventCancelled.
    // Task<int?> CopyAsync(int id, string actorId, CancellationToken ct = default)
    //     A new draft with the same content and a new slug, owned by actorId, no registrations. Null when not found.
    // Every change is audited (EventAuditActions).
}
