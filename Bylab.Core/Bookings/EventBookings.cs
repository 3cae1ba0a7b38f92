using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Bookings;

/// <summary>An event's claim on a space: where, when, for whom, under what title.</summary>
public sealed record EventSlot(int SpaceId, int OrganisationId, DateTime StartsAt, DateTime EndsAt, string Title, int ExpectedPeople);

public enum EventSlotOutcome
{
    /// <summary>The event holds an approved booking that covers it.</summary>
    Held,
    /// <summary>The event has a pending request; it may be published once staff approve it.</summary>
    Requested,
    /// <summary>Something else holds the space then (<see cref="EventSlotResult.Conflicts"/>).</summary>
    Taken,
    /// <summary>A rule is broken (<see cref="EventSlotResult.Problem"/>).</summary>
    Invalid,
}

public sealed record EventSlotResult(EventSlotOutcome Outcome, int? BookingId = null, IReadOnlyList<VenueConflict>? Conflicts = null,
    BookingProblem? Problem = null);

/// <summary>
/// How an event in the venue gets its slot: through a booking. Staff's events get their own booking approved at once
/// (it moves with the event); an organiser's event asks for one (a pending request, held to every rule of a request)
/// or uses an approved booking of its organisation that covers it. Runs in the event service's transaction.
/// </summary>
public sealed class EventBookings(BylabDbContext db, TimeProvider time, AuditLog audit, BookingChecks checks, IDoorLock doors,
    IOptions<BookingOptions> options)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Staff: the event's own booking, approved; created, or moved with the event when <paramref name="current"/> is its own.</summary>
    public async Task<EventSlotResult> HoldAsync(EventSlot slot, int? current, string actorId, CancellationToken ct)
    {
        if (await checks.SpaceAsync(slot.SpaceId, ct) is not { } space)
        {
            return new EventSlotResult(EventSlotOutcome.Invalid, Problem: new("SpaceId", BookingErrors.UnknownSpace));
        }
        var own = await OwnAsync(current, ct);
        var conflicts = await checks.ConflictsAsync(space, slot.StartsAt, slot.EndsAt, own is null ? null : Ref(own.Id), ct);
        if (conflicts.Count > 0)
        {
            return new EventSlotResult(EventSlotOutcome.Taken, Conflicts: conflicts);
        }
        var booking = own ?? NewBooking(slot, actorId);
        Fill(booking, slot, space);
        booking.Approve(actorId, Now);
        if (!await BookingSaving.TrySaveAsync(db, ct))
        {
            return new EventSlotResult(EventSlotOutcome.Taken,
                Conflicts: await checks.ConflictsAsync(space, slot.StartsAt, slot.EndsAt, own is null ? null : Ref(own.Id), ct));
        }
        await doors.IssueAsync(booking, ct);
        if (own is null)
        {
            audit.Add(await audit.ActorAsync(actorId, ct), BookingAuditActions.Approved, "booking", booking.Id, $"event; {booking.StartsAt:O}; {booking.Purpose}");
        }
        return new EventSlotResult(EventSlotOutcome.Held, booking.Id);
    }

    /// <summary>
    /// An organiser: a pending request for the event's time, held to a request's rules (lending hours, closed days,
    /// notice, quota) – created, or the event's own pending request moved. Its own approved booking stays when the
    /// event still fits inside it.
    /// </summary>
    public async Task<EventSlotResult> RequestAsync(EventSlot slot, int? current, string actorId, CancellationToken ct)
    {
        if (await checks.SpaceAsync(slot.SpaceId, ct) is not { } space || !space.IsActive)
        {
            return new EventSlotResult(EventSlotOutcome.Invalid, Problem: new("SpaceId", BookingErrors.UnknownSpace));
        }
        var own = await OwnAsync(current, ct);
        if (own is { Status: BookingStatus.Approved } && own.SpaceId == slot.SpaceId && own.StartsAt <= slot.StartsAt && slot.EndsAt <= own.EndsAt)
        {
            return new EventSlotResult(EventSlotOutcome.Held, own.Id);
        }
        var problems = await checks.TimeProblemsAsync(space, slot.StartsAt, slot.EndsAt, Now, asStaff: false, ct);
        if (problems.Count > 0)
        {
            return new EventSlotResult(EventSlotOutcome.Invalid, Problem: problems[0]);
        }
        var conflicts = await checks.ConflictsAsync(space, slot.StartsAt, slot.EndsAt, own is null ? null : Ref(own.Id), ct);
        if (conflicts.Count > 0)
        {
            return new EventSlotResult(EventSlotOutcome.Taken, Conflicts: conflicts);
        }
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == slot.OrganisationId, ct);
        if (BookingChecks.QuotaProblem(await checks.QuotaAsync(organisation, [(slot.StartsAt, slot.EndsAt)], own is null ? [] : [own.Id], ct)) is { } quota)
        {
            return new EventSlotResult(EventSlotOutcome.Invalid, Problem: quota);
        }
        if (own is { Status: BookingStatus.Approved })
        {
            // The event left its approved slot: that booking is given back and a new time asked for.
            own.Cancel(actorId, null, byStaff: false, Now, options.Value.LateWindow);
            await doors.RevokeAsync(own.Id, Now, ct);
            own = null;
        }
        var booking = own ?? NewBooking(slot, actorId);
        Fill(booking, slot, space);
        await db.SaveChangesAsync(ct);
        if (own is null)
        {
            audit.Add(await audit.ActorAsync(actorId, ct), BookingAuditActions.Requested, "booking", booking.Id, $"event; {booking.StartsAt:O}; {booking.Purpose}");
        }
        return new EventSlotResult(EventSlotOutcome.Requested, booking.Id);
    }

    /// <summary>An existing booking of the organisation, approved or pending, that covers the event and carries no other live event.</summary>
    public async Task<EventSlotResult> UseAsync(int bookingId, EventSlot slot, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Space).SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || booking.OrganisationId != slot.OrganisationId || booking.Status is not (BookingStatus.Approved or BookingStatus.Pending))
        {
            return new EventSlotResult(EventSlotOutcome.Invalid, Problem: new("BookingChoice", BookingErrors.UnknownBooking));
        }
        if (booking.SpaceId != slot.SpaceId)
        {
            // The event would be announced in one space while its booking holds another: the space it names could be
            // someone else's at that time.
            return new EventSlotResult(EventSlotOutcome.Invalid, Problem: new("SpaceId", BookingErrors.OtherSpace, [booking.Space!.Name]));
        }
        if (booking.StartsAt > slot.StartsAt || slot.EndsAt > booking.EndsAt)
        {
            return new EventSlotResult(EventSlotOutcome.Invalid, Problem: new("StartsAt", BookingErrors.OutsideBooking, [booking.StartsAt, booking.EndsAt]));
        }
        return new EventSlotResult(booking.Status == BookingStatus.Approved ? EventSlotOutcome.Held : EventSlotOutcome.Requested, booking.Id);
    }

    /// <summary>
    /// The event no longer uses its booking: one made for it is cancelled (its code stops); a chosen request stays the
    /// organisation's. An organiser's cancellation close to the start counts as late in the statistics; staff's does not.
    /// </summary>
    public async Task ReleaseAsync(int bookingId, string actorId, bool byStaff, CancellationToken ct)
    {
        if (await OwnAsync(bookingId, ct) is { Status: BookingStatus.Pending or BookingStatus.Approved } own)
        {
            own.Cancel(actorId, null, byStaff, Now, options.Value.LateWindow);
            await doors.RevokeAsync(own.Id, Now, ct);
        }
    }

    /// <summary>The booking is approved and covers [start, end): an event in it may be published.</summary>
    public Task<bool> CoversAsync(int bookingId, DateTime startsAt, DateTime endsAt, CancellationToken ct) =>
        db.Bookings.AnyAsync(b => b.Id == bookingId && b.Status == BookingStatus.Approved && b.StartsAt <= startsAt && b.EndsAt >= endsAt, ct);

    /// <summary>Approved and pending bookings of the organisations (null = all) from now on, that an event could use.</summary>
    public Task<List<Booking>> UsableAsync(IReadOnlyCollection<int>? organisationIds, CancellationToken ct)
    {
        var now = Now;
        return db.Bookings.AsNoTracking().Include(b => b.Space).Include(b => b.Organisation)
            .Where(b => b.Kind != BookingKind.Event && b.EndsAt > now && (b.Status == BookingStatus.Approved || b.Status == BookingStatus.Pending)
                && (organisationIds == null || organisationIds.Contains(b.OrganisationId)))
            .OrderBy(b => b.StartsAt).Take(100).ToListAsync(ct);
    }

    private async Task<Booking?> OwnAsync(int? bookingId, CancellationToken ct) =>
        bookingId is { } id ? await db.Bookings.SingleOrDefaultAsync(b => b.Id == id && b.Kind == BookingKind.Event
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved), ct) : null;

    private Booking NewBooking(EventSlot slot, string actorId)
    {
        var booking = new Booking { Kind = BookingKind.Event, Status = BookingStatus.Pending, RequestedById = actorId, CreatedAt = Now };
        db.Bookings.Add(booking);
        return booking;
    }

    private void Fill(Booking booking, EventSlot slot, Space space)
    {
        if (booking.Status == BookingStatus.Approved && (booking.SpaceId != space.Id || booking.StartsAt != slot.StartsAt || booking.EndsAt != slot.EndsAt))
        {
            booking.Sequence++;
        }
        booking.OrganisationId = slot.OrganisationId;
        booking.Purpose = slot.Title.Length > Booking.PurposeMaxLength ? slot.Title[..Booking.PurposeMaxLength] : slot.Title;
        booking.ExpectedPeople = Math.Clamp(slot.ExpectedPeople, 1, Booking.MaxPeople);
        booking.Place(space, slot.StartsAt, slot.EndsAt);
        booking.UpdatedAt = booking.Id == 0 ? null : Now;
    }

    private static VenueOccupantRef Ref(int bookingId) => new(VenueOccupantKinds.Booking, bookingId);
}
