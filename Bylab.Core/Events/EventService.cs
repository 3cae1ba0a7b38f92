using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

public enum EventSaveOutcome { Saved, InvalidInput, VenueTaken, NotFound, NotEditable }

public sealed record EventSaveResult(
    EventSaveOutcome Outcome,
    int? EventId = null,
    IReadOnlyList<EventInputError>? Errors = null,
    IReadOnlyList<VenueConflict>? Conflicts = null);

/// <summary>
/// Staff and organisers create and edit events (publishing and cancelling: <see cref="EventStatusService"/>;
/// copying: <see cref="EventCopyService"/>). An event in a venue takes the venue's slot (<see cref="VenueCalendar"/>)
/// and cannot overlap another use of it.
/// </summary>
/// <remarks>
/// Every write that checks the venue calendar or counts places runs in one transaction that takes SQLite's
/// write lock before it reads (Microsoft.Data.Sqlite starts BeginTransaction as BEGIN IMMEDIATE): two
/// overlapping events cannot both be saved, and a capacity change cannot cross a sign-up. Access (who may
/// manage which event) is the web layer's job; these methods assume the caller may act.
/// </remarks>
public sealed class EventService(
    BylabDbContext db, TimeProvider time, AuditLog audit, VenueCalendar venues, EventPlaces places, EventNotificationQueue mail)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The stored event (not tracked), for the edit form and access checks.</summary>
    public Task<Event?> FindAsync(int id, CancellationToken ct = default) =>
        db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>A draft owned by <paramref name="actorId"/>, with a slug made from the title.</summary>
    public async Task<EventSaveResult> CreateAsync(EventInput input, string actorId, CancellationToken ct = default)
    {
        var now = Now;
        var clean = input.Clean();
        var errors = await GuardAsync(clean, now, existing: null, placesTaken: 0, ct);
        if (errors.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.InvalidInput, Errors: errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var conflicts = await ConflictsAsync(clean, eventId: null, ct);
        if (conflicts.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.VenueTaken, Conflicts: conflicts);
        }
        var ev = new Event
        {
            Slug = await EventSlugs.UniqueAsync(db, clean.Title, ct),
            OwnerId = actorId,
            Status = EventStatus.Draft,
            CreatedAt = now,
        };
        clean.ApplyTo(ev);
        db.Events.Add(ev);
        await db.SaveChangesAsync(ct);
        audit.Add(await audit.ActorAsync(actorId, ct), EventAuditActions.EventCreated, "event", ev.Id, $"{ev.Title}; {ev.StartsAt:O}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new EventSaveResult(EventSaveOutcome.Saved, ev.Id);
    }

    /// <summary>
    /// Saves the form over the event. Not for a cancelled or ended event. When a published event changes time
    /// or place, calendars are told (<see cref="Event.Sequence"/> + 1) and so is everyone confirmed or waitlisted
    /// (<see cref="EventNotificationKind.EventChanged"/>). Raised capacity moves the waitlist up at once; capacity
    /// below the places already taken is refused (<see cref="EventInputErrors.CapacityBelowTaken"/>).
    /// The slug stays, so links already sent keep working.
    /// </summary>
    public async Task<EventSaveResult> UpdateAsync(int id, EventInput input, string actorId, CancellationToken ct = default)
    {
        var now = Now;
        var clean = input.Clean();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null)
        {
            return new EventSaveResult(EventSaveOutcome.NotFound);
        }
        if (!ev.IsEditableAt(now))
        {
            return new EventSaveResult(EventSaveOutcome.NotEditable, ev.Id);
        }
        var errors = await GuardAsync(clean, now, ev, await places.TakenAsync(ev.Id, ct), ct);
        if (errors.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.InvalidInput, ev.Id, errors);
        }
        var conflicts = await ConflictsAsync(clean, ev.Id, ct);
        if (conflicts.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.VenueTaken, ev.Id, Conflicts: conflicts);
        }

        var capacityRaised = clean.Capacity > ev.Capacity;
        var edit = ev.Edit(clean, now);
        if (edit.IsNews)
        {
            mail.AddRange(await db.Registrations.Where(r => r.EventId == ev.Id
                    && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
                .OrderBy(r => r.Id).ToListAsync(ct), EventNotificationKind.EventChanged, now);
        }
        audit.Add(await audit.ActorAsync(actorId, ct), EventAuditActions.EventUpdated, "event", ev.Id,
            edit.ChangedFields.Count == 0 ? ev.Title : $"{ev.Title}; {string.Join(", ", edit.ChangedFields)}");
        await db.SaveChangesAsync(ct);
        if (capacityRaised)
        {
            await places.PromoteAsync(ev, now, ct);
        }
        await tx.CommitAsync(ct);
        return new EventSaveResult(EventSaveOutcome.Saved, ev.Id);
    }

    private Task<IReadOnlyList<VenueConflict>> ConflictsAsync(EventInput input, int? eventId, CancellationToken ct) =>
        input is { LocationKind: EventLocationKind.Venue, VenueId: { } venueId }
            ? venues.ConflictsAsync(venueId, input.StartsAt, input.EndsAt, eventId is { } id ? EventVenueOccupants.Self(id) : null, ct)
            : Task.FromResult<IReadOnlyList<VenueConflict>>([]);

    /// <summary>
    /// <see cref="EventRules"/>, then what only Core can check: the theme and the venue exist, the venue holds that
    /// many, capacity is not below the places taken, the start is not in the past, and no time is beyond
    /// <see cref="Event.IsSensibleTime"/>.
    /// </summary>
    /// <param name="existing">The stored event when updating (tracked, not yet changed).</param>
    /// <param name="placesTaken">Places held now; capacity may not go below them.</param>
    private async Task<List<EventInputError>> GuardAsync(EventInput i, DateTime now, Event? existing, int placesTaken, CancellationToken ct)
    {
        var errors = EventRules.Check(i).ToList();
        void Add(string field, string code) => errors.Add(new EventInputError(field, code));

        // Within Event's bounds (the form asks the same): a year like 9999 would break calendar files and mails.
        foreach (var (field, value) in new (string, DateTime?)[]
        {
            (nameof(EventInput.StartsAt), i.StartsAt), (nameof(EventInput.EndsAt), i.EndsAt),
            (nameof(EventInput.RegistrationOpensAt), i.RegistrationOpensAt), (nameof(EventInput.RegistrationClosesAt), i.RegistrationClosesAt),
        })
        {
            if (value is { } t && !Event.IsSensibleTime(t, now))
            {
                Add(field, EventInputErrors.TimeOutOfRange);
            }
        }
        if (i.ThemeId is { } themeId && !await db.Themes.AnyAsync(t => t.Id == themeId, ct))
        {
            Add(nameof(EventInput.ThemeId), EventInputErrors.UnknownTheme);
        }
        // A new event cannot start in the past; an existing one that already started may still be corrected,
        // but not moved to another past time.
        if (i.StartsAt < now && (existing is null || existing.StartsAt != i.StartsAt))
        {
            Add(nameof(EventInput.StartsAt), EventInputErrors.InThePast);
        }
        Venue.Venue? venue = null;
        if (i is { LocationKind: EventLocationKind.Venue, VenueId: { } venueId }
            && (venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, ct)) is null)
        {
            Add(nameof(EventInput.VenueId), EventInputErrors.UnknownVenue);
        }
        if (errors.Any(e => e.Field == nameof(EventInput.Capacity)))
        {
            return errors;
        }
        if (venue is not null && i.Capacity > venue.Capacity)
        {
            Add(nameof(EventInput.Capacity), EventInputErrors.CapacityOverVenue);
        }
        else if (i.Capacity < placesTaken)
        {
            Add(nameof(EventInput.Capacity), EventInputErrors.CapacityBelowTaken);
        }
        return errors;
    }
}
