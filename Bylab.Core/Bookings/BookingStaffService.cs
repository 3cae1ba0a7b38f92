using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Bookings;

/// <summary>Staff hold the venue for the municipality's own use: a space, a time (UTC, across the night if need be) and what for.</summary>
public sealed record BlockInput(int SpaceId, DateTime StartsAt, DateTime EndsAt, string Purpose, bool IsPublic);

/// <summary>
/// Staff block time for the municipality, and move or cancel a booking (the organisation is told why). Staff may
/// open the venue outside its lending hours and on closed days, so only the clock and what else holds the space
/// stop them. Each change takes the write lock first (BEGIN IMMEDIATE); the trigger refuses an overlap all the same.
/// </summary>
public sealed class BookingStaffService(
    BylabDbContext db, TimeProvider time, AuditLog audit, BookingChecks checks, IDoorLock doors, BookingNotificationQueue mail,
    IBookingDependents dependents, IOptions<BookingOptions> options)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>An approved booking in the name of Hamar kommune.</summary>
    public async Task<BookingResult> BlockAsync(BlockInput input, string staffId, CancellationToken ct = default)
    {
        var now = Now;
        var clean = input with { Purpose = input.Purpose?.Trim() ?? "" };
        var problems = TimeAndPurpose(clean.StartsAt, clean.EndsAt, clean.Purpose, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var space = await checks.SpaceAsync(clean.SpaceId, ct);
        if (space is null)
        {
            problems.Add(new(nameof(BlockInput.SpaceId), BookingErrors.UnknownSpace));
        }
        if (problems.Count > 0)
        {
            return BookingResult.Invalid(problems);
        }
        var conflicts = await checks.ConflictsAsync(space!, clean.StartsAt, clean.EndsAt, null, ct);
        if (conflicts.Count > 0)
        {
            return new BookingResult(BookingOutcome.Taken, Conflicts: conflicts);
        }
        var municipality = await db.Organisations.Where(o => o.IsMunicipality).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var booking = new Booking
        {
            Kind = BookingKind.Block, Status = BookingStatus.Pending, OrganisationId = municipality, RequestedById = staffId,
            Purpose = clean.Purpose, ExpectedPeople = 1, IsPublic = clean.IsPublic, CreatedAt = now,
        };
        booking.Place(space!, clean.StartsAt, clean.EndsAt);
        booking.Approve(staffId, now);
        db.Bookings.Add(booking);
        if (!await BookingSaving.TrySaveAsync(db, ct))
        {
            return new BookingResult(BookingOutcome.Taken, Conflicts: await checks.ConflictsAsync(space!, clean.StartsAt, clean.EndsAt, null, ct));
        }
        await doors.IssueAsync(booking, ct);
        audit.Add(await audit.ActorAsync(staffId, ct), BookingAuditActions.Blocked, "booking", booking.Id, $"{space!.Name}; {booking.StartsAt:O}; {booking.Purpose}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, [booking.Id]);
    }

    /// <summary>Moves an approved booking (to another space or time); its door code moves with it and the organisation is told why.</summary>
    public async Task<BookingResult> MoveAsync(int bookingId, int spaceId, DateTime startsAt, DateTime endsAt, string reason, string staffId,
        CancellationToken ct = default)
    {
        var now = Now;
        var problems = TimeAndPurpose(startsAt, endsAt, null, now);
        if (BookingRules.Reason.Check(reason) is { } code)
        {
            problems.Add(new(BookingRules.Reason.Field, code));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return BookingResult.NotFound;
        }
        if (booking.Status != BookingStatus.Approved || booking.EndsAt <= now)
        {
            return BookingResult.NotAllowed;
        }
        var space = await checks.SpaceAsync(spaceId, ct);
        if (space is null)
        {
            problems.Add(new(nameof(BlockInput.SpaceId), BookingErrors.UnknownSpace));
        }
        if (problems.Count > 0)
        {
            return BookingResult.Invalid(problems);
        }
        if (await dependents.DependentAsync(bookingId, ct) is { } title)
        {
            return new BookingResult(BookingOutcome.HasDependent, [bookingId], Dependent: title);
        }
        var conflicts = await checks.ConflictsAsync(space!, startsAt, endsAt, new VenueOccupantRef(VenueOccupantKinds.Booking, bookingId), ct);
        if (conflicts.Count > 0)
        {
            return new BookingResult(BookingOutcome.Taken, [bookingId], Conflicts: conflicts);
        }
        var from = $"{booking.SpaceId}; {booking.StartsAt:O}";
        booking.Move(space!, startsAt, endsAt, now);
        if (!await BookingSaving.TrySaveAsync(db, ct))
        {
            return new BookingResult(BookingOutcome.Taken, [bookingId],
                Conflicts: await checks.ConflictsAsync(space!, startsAt, endsAt, new VenueOccupantRef(VenueOccupantKinds.Booking, bookingId), ct));
        }
        await doors.IssueAsync(booking, ct);
        mail.Add(booking, BookingNotificationKind.Moved, now, reason.Trim());
        audit.Add(await audit.ActorAsync(staffId, ct), BookingAuditActions.Moved, "booking", bookingId, $"{from} → {space!.Id}; {startsAt:O}; {reason.Trim()}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, [bookingId], booking.SeriesId);
    }

    /// <summary>Cancels a pending or approved booking that has not ended; the code stops, the organisation is told why (never late: staff did it).</summary>
    public async Task<BookingResult> CancelAsync(int bookingId, string reason, string staffId, CancellationToken ct = default)
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
        if (booking.Status is not (BookingStatus.Pending or BookingStatus.Approved) || booking.EndsAt <= now)
        {
            return BookingResult.NotAllowed;
        }
        if (await dependents.DependentAsync(bookingId, ct) is { } title)
        {
            return new BookingResult(BookingOutcome.HasDependent, [bookingId], Dependent: title);
        }
        booking.Cancel(staffId, reason, byStaff: true, now, options.Value.LateWindow);
        await doors.RevokeAsync(bookingId, now, ct);
        if (booking.Kind != BookingKind.Block)
        {
            mail.Add(booking, BookingNotificationKind.CancelledByStaff, now, booking.CancellationReason);
        }
        audit.Add(await audit.ActorAsync(staffId, ct), BookingAuditActions.CancelledByStaff, "booking", bookingId, booking.CancellationReason);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, [bookingId], booking.SeriesId);
    }

    private static List<BookingProblem> TimeAndPurpose(DateTime startsAt, DateTime endsAt, string? purpose, DateTime now)
    {
        var problems = new List<BookingProblem>();
        if (purpose is not null && BookingRules.Purpose.Check(purpose) is { } code)
        {
            problems.Add(new(nameof(BlockInput.Purpose), code));
        }
        if (endsAt <= startsAt)
        {
            problems.Add(new(nameof(BlockInput.EndsAt), BookingErrors.EndBeforeStart));
        }
        else if (startsAt < now)
        {
            problems.Add(new(nameof(BlockInput.StartsAt), BookingErrors.InThePast));
        }
        else if (endsAt - startsAt > TimeSpan.FromMinutes(Space.MaxLengthMinutes * 7))
        {
            problems.Add(new(nameof(BlockInput.EndsAt), BookingErrors.TooLongBooking, [Space.MaxLengthMinutes * 7]));
        }
        return problems;
    }
}
