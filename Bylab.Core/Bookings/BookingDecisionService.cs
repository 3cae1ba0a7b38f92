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
        // Held with the space's buffers as they are now, so the trigger compares what the check does.
        booking.Place(booking.Space!, booking.StartsAt, booking.EndsAt);
        var conflicts = await checks.ConflictsAsync(booking.Space!, booking.StartsAt, booking.EndsAt, new VenueOccupantRef(VenueOccupantKinds.Booking, bookingId), ct);
        if (conflicts.Count > 0)
        {
            return new BookingResult(BookingOutcome.Taken, [bookingId], Conflicts: conflicts);
        }
        booking.Approve(staffId, now);
        if (!await BookingSaving.TrySaveAsync(db, ct))
        {
            // Past the check, refused by the trigger: say what holds the space, as the check would have.
            return new BookingResult(BookingOutcome.Taken, [bookingId], Conflicts: await checks.ConflictsAsync(booking.Space!, booking.StartsAt,
                booking.EndsAt, new VenueOccupantRef(VenueOccupantKinds.Booking, bookingId), ct));
        }
        await doors.IssueAsync(booking, ct);
        mail.Add(booking, BookingNotificationKind.Approved, now);
        audit.Add(await audit.ActorAsync(staffId, ct), BookingAuditActions.Approved, "booking", bookingId, $"{booking.StartsAt:O}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, [bookingId], booking.SeriesId);
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
            if (conflicts.Count == 0)
            {
                booking.Approve(staffId, now);
            }
            // Saved one by one inside the transaction: the next date's check sees this one, and so does the trigger.
            if (conflicts.Count > 0 || !await BookingSaving.TrySaveAsync(db, ct))
            {
                // Past the check, refused by the trigger: the date is listed as colliding with what holds the space then.
                conflicts = conflicts.Count > 0 ? conflicts : await checks.ConflictsAsync(booking.Space!, booking.StartsAt, booking.EndsAt, self, ct);
                colliding.Add(new DateProblem(DateOnly.FromDateTime(OsloTime.ToOslo(booking.StartsAt)), booking.StartsAt, booking.EndsAt, [], conflicts));
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
