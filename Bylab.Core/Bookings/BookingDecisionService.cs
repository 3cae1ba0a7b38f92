using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Bookings;

/// <summary>What staff see before deciding on a request: what it would collide with, the day, and the organisation's quota.</summary>
/// <param name="Problems">The rules an organisation's request is held to that this one breaks now (closed day, outside hours …): staff may still approve.</param>
public sealed record BookingAssessment(Booking Booking, IReadOnlyList<VenueConflict> Conflicts, IReadOnlyList<BookingProblem> Problems,
    IReadOnlyList<QuotaUse>? Quota);

/// <summary>
/// Staff decide on requests: approve (the booking then holds the space, gets a door code and the organisation an
/// e-mail), reject with a reason, or suggest another time. A series is approved whole – every date that is still free;
/// the dates that collide are listed and stay pending – or date by date. Each decision takes the write lock first
/// (BEGIN IMMEDIATE) and the database's trigger refuses an overlap whatever gets past the check.
/// </summary>
public sealed class BookingDecisionService(
    BylabDbContext db, TimeProvider time, AuditLog audit, BookingChecks checks, IDoorLock doors, BookingNotificationQueue mail)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The request with everything it would collide with now; null when it does not exist.</summary>
    public async Task<BookingAssessment?> AssessAsync(int bookingId, CancellationToken ct = default)
    {
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Space).ThenInclude(s => s!.Venue).Include(b => b.Organisation)
            .Include(b => b.Series).SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return null;
        }
        var self = new VenueOccupantRef(VenueOccupantKinds.Booking, bookingId);
        var conflicts = booking.Status is BookingStatus.Pending or BookingStatus.Approved
            ? await checks.ConflictsAsync(booking.Space!, booking.StartsAt, booking.EndsAt, self, ct) : [];
        var problems = booking.Status == BookingStatus.Pending
            ? await checks.TimeProblemsAsync(booking.Space!, booking.StartsAt, booking.EndsAt, Now, asStaff: false, ct) : [];
        var quota = booking.Kind == BookingKind.Block ? null
            : await checks.QuotaAsync(booking.Organisation!, booking.Status == BookingStatus.Pending ? [(booking.StartsAt, booking.EndsAt)] : [], [bookingId], ct);
        return new BookingAssessment(booking, conflicts, problems, quota);
    }

    /// <summary>Approves one request: it holds the space from now on. Refused (<see cref="BookingOutcome.Taken"/>, still pending) when something holds it then.</summary>
    public async Task<BookingResult> ApproveAsync(int bookingId, string staffId, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Bookings.Include(b => b.Space).SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return BookingResult.NotFound;
        }
        if (!booking.IsDecidableAt(now))
        {
            return BookingResult.NotAllowed;
        }
        var result = await ApproveTrackedAsync(booking, staffId, now, ct);
        if (result.Outcome == BookingOutcome.Done)
        {
            await tx.CommitAsync(ct);
        }
        return result;
    }

    /// <summary>
    /// Approves a tracked pending booking inside the caller's write transaction – with its door code, the organisation's
    /// mail and the audit entry, as every approval has (an event published by staff on a request goes this way too).
    /// </summary>
    public async Task<BookingResult> ApproveTrackedAsync(Booking booking, string staffId, DateTime now, CancellationToken ct)
    {
        var space = booking.Space ?? await db.Spaces.SingleAsync(s => s.Id == booking.SpaceId, ct);
        // Held with the space's buffers as they are now, so the trigger compares what the check does.
        booking.Place(space, booking.StartsAt, booking.EndsAt);
        var self = new VenueOccupantRef(VenueOccupantKinds.Booking, booking.Id);
        var conflicts = await checks.ConflictsAsync(space, booking.StartsAt, booking.EndsAt, self, ct);
        if (conflicts.Count > 0)
        {
            return new BookingResult(BookingOutcome.Taken, [booking.Id], Conflicts: conflicts);
        }
        booking.Approve(staffId, now);
        if (await BookingSaving.SaveOrConflictsAsync(db, checks, space, booking.StartsAt, booking.EndsAt, self, ct) is { } refused)
        {
            return new BookingResult(BookingOutcome.Taken, [booking.Id], Conflicts: refused);
        }
        await doors.IssueAsync(booking, ct);
        mail.Add(booking, BookingNotificationKind.Approved, now);
        audit.Add(await audit.ActorAsync(staffId, ct), BookingAuditActions.Approved, "booking", booking.Id, $"{booking.StartsAt:O}");
        await db.SaveChangesAsync(ct);
        return new BookingResult(BookingOutcome.Done, [booking.Id], booking.SeriesId);
    }

    /// <summary>Approves every pending date of the series that is free; the colliding dates are returned and stay pending.</summary>
    public async Task<SeriesDecision> ApproveSeriesAsync(int seriesId, string staffId, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.Bookings.Where(b => b.SeriesId == seriesId && b.Status == BookingStatus.Pending && b.StartsAt > now)
            .OrderBy(b => b.StartsAt).Select(b => b.Id).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return new SeriesDecision(await db.BookingSeries.AnyAsync(s => s.Id == seriesId, ct) ? BookingOutcome.NotAllowed : BookingOutcome.NotFound, [], []);
        }
        var actor = await audit.ActorAsync(staffId, ct);
        var (approved, colliding) = (new List<int>(), new List<DateProblem>());
        foreach (var id in pending)
        {
            // Loaded date by date: a date the trigger refuses clears the unit of work, and the next date starts afresh.
            var booking = await db.Bookings.Include(b => b.Space).SingleAsync(b => b.Id == id, ct);
            booking.Place(booking.Space!, booking.StartsAt, booking.EndsAt);
            var self = new VenueOccupantRef(VenueOccupantKinds.Booking, id);
            var conflicts = await checks.ConflictsAsync(booking.Space!, booking.StartsAt, booking.EndsAt, self, ct);
            var refused = conflicts.Count > 0 ? conflicts : null;
            if (refused is null)
            {
                booking.Approve(staffId, now);
                // Saved one by one inside the transaction: the next date's check sees this one, and so does the trigger;
                // a date the trigger refuses is listed as colliding with what holds the space then.
                refused = await BookingSaving.SaveOrConflictsAsync(db, checks, booking.Space!, booking.StartsAt, booking.EndsAt, self, ct);
            }
            if (refused is not null)
            {
                colliding.Add(new DateProblem(DateOnly.FromDateTime(OsloTime.ToOslo(booking.StartsAt)), booking.StartsAt, booking.EndsAt, [], refused));
                continue;
            }
            await doors.IssueAsync(booking, ct);
            mail.Add(booking, BookingNotificationKind.Approved, now);
            audit.Add(actor, BookingAuditActions.Approved, "booking", booking.Id, $"{booking.StartsAt:O}; series {seriesId}");
            await db.SaveChangesAsync(ct);
            approved.Add(booking.Id);
        }
        await tx.CommitAsync(ct);
        return new SeriesDecision(BookingOutcome.Done, approved, colliding);
    }

    /// <summary>Says no, with a reason the organisation is told.</summary>
    public async Task<BookingResult> RejectAsync(int bookingId, string reason, string staffId, CancellationToken ct = default)
    {
        if (BookingRules.Reason.Check(reason) is { } code)
        {
            return BookingResult.Invalid([new BookingProblem(BookingRules.Reason.Field, code)]);
        }
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return BookingResult.NotFound;
        }
        if (booking.Status != BookingStatus.Pending)
        {
            return BookingResult.NotAllowed;
        }
        booking.Reject(reason, staffId, now);
        mail.Add(booking, BookingNotificationKind.Rejected, now, booking.RejectionReason);
        audit.Add(await audit.ActorAsync(staffId, ct), BookingAuditActions.Rejected, "booking", bookingId, booking.RejectionReason);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, [bookingId], booking.SeriesId);
    }

    /// <summary>Offers another time (free now, in the future); the request stays pending until the organisation accepts it or withdraws.</summary>
    public async Task<BookingResult> SuggestAsync(int bookingId, DateTime startsAt, DateTime endsAt, string? message, string staffId,
        CancellationToken ct = default)
    {
        var now = Now;
        var problems = new List<BookingProblem>();
        if (endsAt <= startsAt)
        {
            problems.Add(new(nameof(BookingInput.EndsAt), BookingErrors.EndBeforeStart));
        }
        else if (startsAt < now)
        {
            problems.Add(new(nameof(BookingInput.StartsAt), BookingErrors.InThePast));
        }
        if (BookingRules.Message.Check(message) is { } code)
        {
            problems.Add(new(BookingRules.Message.Field, code));
        }
        if (problems.Count > 0)
        {
            return BookingResult.Invalid(problems);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Bookings.Include(b => b.Space).SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return BookingResult.NotFound;
        }
        if (!booking.IsDecidableAt(now))
        {
            return BookingResult.NotAllowed;
        }
        var conflicts = await checks.ConflictsAsync(booking.Space!, startsAt, endsAt, new VenueOccupantRef(VenueOccupantKinds.Booking, bookingId), ct);
        if (conflicts.Count > 0)
        {
            return new BookingResult(BookingOutcome.Taken, [bookingId], Conflicts: conflicts);
        }
        booking.Suggest(startsAt, endsAt, message, staffId, now);
        mail.Add(booking, BookingNotificationKind.Suggested, now, booking.SuggestionMessage);
        audit.Add(await audit.ActorAsync(staffId, ct), BookingAuditActions.Suggested, "booking", bookingId, $"{startsAt:O}–{endsAt:O}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, [bookingId], booking.SeriesId);
    }
}
