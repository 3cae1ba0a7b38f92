using Bylab.Core.Auditing;
using Bylab.Core.Bookings;
using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

public enum EventSaveOutcome { Saved, InvalidInput, VenueTaken, NotFound, NotEditable }

/// <param name="RoomProblem">A rule of the venue's booking the event broke (lending hours, notice, quota, a booking that does not cover it).</param>
/// <param name="Room">Where the event's room stands: held through an approved booking, requested, or none.</param>
public sealed record EventSaveResult(
    EventSaveOutcome Outcome,
    int? EventId = null,
    IReadOnlyList<EventInputError>? Errors = null,
    IReadOnlyList<VenueConflict>? Conflicts = null,
    BookingProblem? RoomProblem = null,
    EventRoomState Room = EventRoomState.NotInVenue);

/// <summary>
/// Staff and organisers create and edit events (publishing and cancelling: <see cref="EventStatusService"/>;
/// copying: <see cref="EventCopyService"/>). An event in a venue takes its slot through a booking
/// (<see cref="EventRooms"/>): staff's own events are approved at once, an organiser's event asks for one.
/// </summary>
/// <remarks>
/// Every write that checks the venue calendar or counts places runs in one transaction that takes SQLite's
/// write lock before it reads (Microsoft.Data.Sqlite starts BeginTransaction as BEGIN IMMEDIATE): two
/// overlapping events cannot both be saved, and a capacity change cannot cross a sign-up. Access (who may
/// manage which event) is the web layer's job; which organisation an actor may run events for is checked here.
/// </remarks>
public sealed class EventService(
    BylabDbContext db, TimeProvider time, AuditLog audit, EventRooms rooms, EventPlaces places, EventNotificationQueue mail)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The stored event (not tracked), for the edit form and access checks.</summary>
    public Task<Event?> FindAsync(int id, CancellationToken ct = default) =>
        db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>A draft owned by the actor, with a slug made from the title; in the venue with the room <paramref name="room"/> says (its own booking by default).</summary>
    public async Task<EventSaveResult> CreateAsync(EventInput input, EventActor actor, EventRoom? room = null, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (clean, organiserName, errors) = await GuardAsync(input.Clean(), now, existing: null, placesTaken: 0, actor, ct);
        if (errors.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.InvalidInput, Errors: errors);
        }
        var ev = new Event
        {
            Slug = await EventSlugs.UniqueAsync(db, clean.Title, ct),
            OwnerId = actor.UserId,
            Status = EventStatus.Draft,
            CreatedAt = now,
        };
        clean.ApplyTo(ev);
        ev.OrganiserName = organiserName;
        db.Events.Add(ev);
        var (refused, state) = await rooms.TakeAsync(ev, actor, room ?? EventRoom.Own, wasPublished: false, ct);
        if (refused is not null)
        {
            return Refusal(refused, null);
        }
        await db.SaveChangesAsync(ct);
        audit.Add(await audit.ActorAsync(actor.UserId, ct), EventAuditActions.EventCreated, "event", ev.Id, $"{ev.Title}; {ev.StartsAt:O}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new EventSaveResult(EventSaveOutcome.Saved, ev.Id, Room: state);
    }

    /// <summary>
    /// Saves the form over the event. Not for a cancelled or ended event. When a published event changes time
    /// or place, calendars are told (<see cref="Event.Sequence"/> + 1) and so is everyone confirmed or waitlisted
    /// (<see cref="EventNotificationKind.EventChanged"/>). Raised capacity moves the waitlist up at once; capacity
    /// below the places already taken is refused (<see cref="EventInputErrors.CapacityBelowTaken"/>).
    /// The slug stays, so links already sent keep working. The room follows <paramref name="room"/> (default: its own booking).
    /// </summary>
    public async Task<EventSaveResult> UpdateAsync(int id, EventInput input, EventActor actor, EventRoom? room = null, CancellationToken ct = default)
    {
        var now = Now;
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
        var (clean, organiserName, errors) = await GuardAsync(input.Clean(), now, ev, await places.TakenAsync(ev.Id, ct), actor, ct);
        if (errors.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.InvalidInput, ev.Id, errors);
        }

        var capacityRaised = clean.Capacity > ev.Capacity;
        var edit = ev.Edit(clean, now);
        ev.OrganiserName = organiserName;
        var (refused, state) = await rooms.TakeAsync(ev, actor, room ?? EventRoom.Own, ev.IsPublished, ct);
        if (refused is not null)
        {
            return Refusal(refused, ev.Id);
        }
        if (edit.IsNews)
        {
            mail.AddRange(await db.Registrations.Where(r => r.EventId == ev.Id
                    && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
                .OrderBy(r => r.Id).ToListAsync(ct), EventNotificationKind.EventChanged, now);
        }
        audit.Add(await audit.ActorAsync(actor.UserId, ct), EventAuditActions.EventUpdated, "event", ev.Id,
            edit.ChangedFields.Count == 0 ? ev.Title : $"{ev.Title}; {string.Join(", ", edit.ChangedFields)}");
        await db.SaveChangesAsync(ct);
        if (capacityRaised)
        {
            await places.PromoteAsync(ev, now, ct);
        }
        await tx.CommitAsync(ct);
        return new EventSaveResult(EventSaveOutcome.Saved, ev.Id, Room: state);
    }

    private static EventSaveResult Refusal(EventSlotResult refused, int? eventId) => refused.Outcome == EventSlotOutcome.Taken
        ? new EventSaveResult(EventSaveOutcome.VenueTaken, eventId, Conflicts: refused.Conflicts ?? [])
        : new EventSaveResult(EventSaveOutcome.InvalidInput, eventId, Errors: [], RoomProblem: refused.Problem);

    /// <summary>
    /// <see cref="EventRules"/>, then what only Core can check: the theme, the organisation (and that the actor may act
    /// for it), the venue and its space exist, the space holds that many, capacity is not below the places taken, the
    /// start is not in the past, and no time is beyond <see cref="Event.IsSensibleTime"/>. Returns the input with the
    /// space filled in (the whole venue when none was chosen) and the organiser's name as the event shows it.
    /// </summary>
    private async Task<(EventInput Clean, string OrganiserName, List<EventInputError> Errors)> GuardAsync(EventInput i, DateTime now, Event? existing,
        int placesTaken, EventActor actor, CancellationToken ct)
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
        var organiserName = "";
        if (i.OrganisationId is { } organisationId)
        {
            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
            if (organisation is null || (!organisation.IsActive && existing?.OrganisationId != organisationId))
            {
                Add(nameof(EventInput.OrganisationId), EventInputErrors.UnknownOrganisation);
            }
            else if (!actor.ManagesAll && !await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == actor.UserId, ct))
            {
                Add(nameof(EventInput.OrganisationId), EventInputErrors.NotMember);
            }
            else
            {
                organiserName = organisation.Name;
            }
        }
        var (clean, space) = await SpaceAsync(i, errors, ct);
        if (errors.Any(e => e.Field == nameof(EventInput.Capacity)))
        {
            return (clean, organiserName, errors);
        }
        if (space is not null && i.Capacity > space.Capacity)
        {
            Add(nameof(EventInput.Capacity), EventInputErrors.CapacityOverVenue);
        }
        else if (i.Capacity < placesTaken)
        {
            Add(nameof(EventInput.Capacity), EventInputErrors.CapacityBelowTaken);
        }
        return (clean, organiserName, errors);
    }

    /// <summary>The venue and its space: the one chosen (it must be in that venue), or the venue's outermost space.</summary>
    private async Task<(EventInput, Venue.Space?)> SpaceAsync(EventInput i, List<EventInputError> errors, CancellationToken ct)
    {
        if (i is not { LocationKind: EventLocationKind.Venue, VenueId: { } venueId })
        {
            return (i, null);
        }
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, ct))
        {
            errors.Add(new EventInputError(nameof(EventInput.VenueId), EventInputErrors.UnknownVenue));
            return (i, null);
        }
        var space = await db.Spaces.AsNoTracking()
            .Where(s => s.VenueId == venueId && (i.SpaceId == null ? s.ParentId == null : s.Id == i.SpaceId))
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (space is null)
        {
            errors.Add(new EventInputError(nameof(EventInput.SpaceId), EventInputErrors.UnknownSpace));
            return (i, null);
        }
        return (i with { SpaceId = space.Id }, space);
    }
}
