using System.Globalization;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Organisations;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Bookings;

/// <summary>
/// Organisations ask for the venue, change a request while it waits, withdraw it or cancel an approved booking, and
/// accept another time staff suggested. Every write takes SQLite's write lock first (BEGIN IMMEDIATE), so what was
/// checked is what is saved. Who may act for which organisation is checked again here (the web layer checks first).
/// </summary>
public sealed class BookingRequestService(
    BylabDbContext db, TimeProvider time, AuditLog audit, BookingChecks checks, IDoorLock doors, BookingNotificationQueue mail,
    IBookingDependents dependents, IOptions<BookingOptions> options)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A pending request, or a pending series (one booking per date). A single date that breaks a rule or collides with
    /// an approved use is refused; a series with such dates comes back listing them (<see cref="BookingOutcome.DateProblems"/>)
    /// unless <paramref name="leaveOutProblemDates"/>, when those dates are left out and recorded on the series.
    /// </summary>
    public async Task<BookingResult> RequestAsync(BookingInput input, string userId, bool leaveOutProblemDates = false, bool actsForAll = false,
        CancellationToken ct = default)
    {
        var now = Now;
        var clean = input.Clean();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (organisation, space, problems) = await GuardAsync(clean, userId, actsForAll, ct);
        if (problems.Count > 0)
        {
            return BookingResult.Invalid(problems);
        }
        var dates = await AssessDatesAsync(clean, space!, now, ignore: null, ct);
        var bad = dates.Where(d => d.Problems.Count > 0 || d.Conflicts.Count > 0).ToList();
        if (clean.Repeat == RepeatInterval.None && bad is [var only])
        {
            return only.Problems.Count > 0
                ? BookingResult.Invalid(only.Problems)
                : new BookingResult(BookingOutcome.Taken, Conflicts: only.Conflicts);
        }
        if (bad.Count > 0 && (!leaveOutProblemDates || bad.Count == dates.Count))
        {
            return new BookingResult(BookingOutcome.DateProblems, Dates: dates.Where(bad.Contains).ToList());
        }
        var good = dates.Except(bad).Select(d => (d.StartsAt!.Value, d.EndsAt!.Value)).ToList();
        if (BookingChecks.QuotaProblem(await checks.QuotaAsync(organisation!, good, [], ct)) is { } quota)
        {
            return BookingResult.Invalid([quota]);
        }

        var series = clean.Repeat == RepeatInterval.None ? null : new BookingSeries
        {
            Interval = clean.Repeat,
            Occurrences = clean.Occurrences,
            SkippedDates = bad.Count == 0 ? null : string.Join(",", bad.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            CreatedAt = now,
        };
        var bookings = good.Select(g => NewRequest(clean, space!, g.Item1, g.Item2, userId, series, now)).ToList();
        db.Bookings.AddRange(bookings);
        await db.SaveChangesAsync(ct);
        var actor = await audit.ActorAsync(userId, ct);
        foreach (var b in bookings)
        {
            audit.Add(actor, BookingAuditActions.Requested, "booking", b.Id, $"{organisation!.Name}; {space!.Name}; {b.StartsAt:O}; {b.Purpose}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, bookings.Select(b => b.Id).ToList(), series?.Id);
    }

    /// <summary>Saves the form over a pending request (one date; a series' other dates keep theirs). Staff's suggestion, if any, is dropped.</summary>
    public async Task<BookingResult> UpdateAsync(int bookingId, BookingInput input, string userId, bool actsForAll = false, CancellationToken ct = default)
    {
        var now = Now;
        var clean = input.Clean() with { Repeat = RepeatInterval.None, Occurrences = 1 };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || !await MayActAsync(userId, booking.OrganisationId, actsForAll, ct))
        {
            return BookingResult.NotFound;
        }
        if (!booking.IsEditableAt(now) || booking.Kind != BookingKind.Request)
        {
            return BookingResult.NotAllowed;
        }
        var (organisation, space, problems) = await GuardAsync(clean, userId, actsForAll, ct);
        if (problems.Count > 0)
        {
            return BookingResult.Invalid(problems);
        }
        var date = (await AssessDatesAsync(clean, space!, now, new VenueOccupantRef(VenueOccupantKinds.Booking, bookingId), ct)).Single();
        if (date.Problems.Count > 0)
        {
            return BookingResult.Invalid(date.Problems);
        }
        if (date.Conflicts.Count > 0)
        {
            return new BookingResult(BookingOutcome.Taken, Conflicts: date.Conflicts);
        }
        if (BookingChecks.QuotaProblem(await checks.QuotaAsync(organisation!, [(clean.StartsAt, clean.EndsAt)], [bookingId], ct)) is { } quota)
        {
            return BookingResult.Invalid([quota]);
        }
        Apply(booking, clean, space!);
        booking.ClearSuggestion();
        booking.UpdatedAt = now;
        audit.Add(await audit.ActorAsync(userId, ct), BookingAuditActions.Changed, "booking", booking.Id, $"{space!.Name}; {booking.StartsAt:O}; {booking.Purpose}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, [booking.Id], booking.SeriesId);
    }

    /// <summary>
    /// Withdraws a request or cancels an approved booking until it starts; an approved one cancelled within
    /// <see cref="BookingOptions.LateCancellationHours"/> of its start is recorded as late. Its door code stops working.
    /// </summary>
    public async Task<BookingResult> CancelAsync(int bookingId, string userId, bool actsForAll = false, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || !await MayActAsync(userId, booking.OrganisationId, actsForAll, ct))
        {
            return BookingResult.NotFound;
        }
        // Staff's blocks are in the municipality's name, but only staff cancel them (BookingStaffService), not its members.
        if (booking.Kind == BookingKind.Block || !booking.CanBeCancelledAt(now))
        {
            return BookingResult.NotAllowed;
        }
        if (await dependents.DependentAsync(bookingId, ct) is { } title)
        {
            return new BookingResult(BookingOutcome.HasDependent, [bookingId], Dependent: title);
        }
        var wasApproved = booking.Status == BookingStatus.Approved;
        booking.Cancel(userId, null, byStaff: false, now, options.Value.LateWindow);
        await doors.RevokeAsync(bookingId, now, ct);
        audit.Add(await audit.ActorAsync(userId, ct), wasApproved ? BookingAuditActions.Cancelled : BookingAuditActions.Withdrawn, "booking", bookingId,
            booking.IsLateCancellation ? $"{booking.StartsAt:O}; late" : $"{booking.StartsAt:O}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, [bookingId], booking.SeriesId);
    }

    /// <summary>Takes the time staff suggested: the booking moves there and is approved, if nothing took that time meanwhile.</summary>
    public async Task<BookingResult> AcceptSuggestionAsync(int bookingId, string userId, bool actsForAll = false, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var booking = await db.Bookings.Include(b => b.Space).SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || !await MayActAsync(userId, booking.OrganisationId, actsForAll, ct))
        {
            return BookingResult.NotFound;
        }
        if (!booking.HasSuggestion || booking.SuggestedStartsAt <= now)
        {
            return BookingResult.NotAllowed;
        }
        var (start, end) = (booking.SuggestedStartsAt!.Value, booking.SuggestedEndsAt!.Value);
        // Lending hours, notice and length are not checked again on purpose: the time is staff's own offer, and staff may
        // place a booking at any hour (as they may approve one outside the rules). The quota is the organisation's own
        // limit, and its other requests may have changed since staff suggested, so accepting counts against it like asking.
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == booking.OrganisationId, ct);
        if (BookingChecks.QuotaProblem(await checks.QuotaAsync(organisation, [(start, end)], [bookingId], ct)) is { } quota)
        {
            return BookingResult.Invalid([quota]);
        }
        var conflicts = await checks.ConflictsAsync(booking.Space!, start, end, new VenueOccupantRef(VenueOccupantKinds.Booking, bookingId), ct);
        if (conflicts.Count > 0)
        {
            return new BookingResult(BookingOutcome.Taken, Conflicts: conflicts);
        }
        booking.Place(booking.Space!, start, end);
        booking.Approve(booking.DecidedById, now);
        if (!await BookingSaving.TrySaveAsync(db, ct))
        {
            return new BookingResult(BookingOutcome.Taken, Conflicts: await checks.ConflictsAsync(booking.Space!, start, end,
                new VenueOccupantRef(VenueOccupantKinds.Booking, bookingId), ct));
        }
        await doors.IssueAsync(booking, ct);
        mail.Add(booking, BookingNotificationKind.Approved, now);
        audit.Add(await audit.ActorAsync(userId, ct), BookingAuditActions.SuggestionAccepted, "booking", bookingId, $"{start:O}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingResult(BookingOutcome.Done, [bookingId], booking.SeriesId);
    }

    /// <summary>The organisation (active, and the person acts for it), the space (active) and the rules that need no date.</summary>
    private async Task<(Organisation?, Space?, List<BookingProblem>)> GuardAsync(BookingInput input, string userId, bool actsForAll, CancellationToken ct)
    {
        var problems = BookingRules.Check(input).Select(BookingProblem.From).ToList();
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.OrganisationId && o.IsActive, ct);
        if (organisation is null)
        {
            problems.Add(new(nameof(BookingInput.OrganisationId), BookingErrors.UnknownOrganisation));
        }
        else if (!await MayActAsync(userId, organisation.Id, actsForAll, ct))
        {
            problems.Add(new(nameof(BookingInput.OrganisationId), BookingErrors.NotMember));
        }
        var space = await checks.SpaceAsync(input.SpaceId, ct);
        if (space is null || !space.IsActive)
        {
            problems.Add(new(nameof(BookingInput.SpaceId), BookingErrors.UnknownSpace));
            space = null;
        }
        else
        {
            problems.AddRange(BookingChecks.SpaceProblems(input, space));
        }
        return (organisation, space, problems);
    }

    /// <summary>Each date of the request with the rules it breaks and the approved uses it collides with.</summary>
    private async Task<List<DateProblem>> AssessDatesAsync(BookingInput input, Space space, DateTime now, VenueOccupantRef? ignore, CancellationToken ct)
    {
        var list = new List<DateProblem>();
        foreach (var (date, start, end) in BookingRules.Dates(input))
        {
            if (start is not { } s || end is not { } e)
            {
                list.Add(new DateProblem(date, start, end, [new(nameof(BookingInput.StartsAt), BookingErrors.TimeDoesNotExist,
                    [(start is null ? Time.OsloTime.ToOslo(input.StartsAt) : Time.OsloTime.ToOslo(input.EndsAt)).ToString("HH:mm", CultureInfo.InvariantCulture)], Date: date)], []));
                continue;
            }
            var problems = (await checks.TimeProblemsAsync(space, s, e, now, asStaff: false, ct)).Select(p => p with { Date = date }).ToList();
            var conflicts = problems.Count == 0 ? await checks.ConflictsAsync(space, s, e, ignore, ct) : [];
            list.Add(new DateProblem(date, s, e, problems, conflicts));
        }
        return list;
    }

    /// <summary>A member acts for their organisation; staff (<paramref name="actsForAll"/>, signed in with two factors, as the web layer decides) for every one.</summary>
    private async Task<bool> MayActAsync(string userId, int organisationId, bool actsForAll, CancellationToken ct) =>
        actsForAll || await db.OrganisationMembers.AnyAsync(m => m.UserId == userId && m.OrganisationId == organisationId, ct);

    private static Booking NewRequest(BookingInput input, Space space, DateTime start, DateTime end, string userId, BookingSeries? series, DateTime now)
    {
        var booking = new Booking { Kind = BookingKind.Request, Status = BookingStatus.Pending, RequestedById = userId, Series = series, CreatedAt = now };
        Apply(booking, input, space);
        booking.Place(space, start, end);
        return booking;
    }

    private static void Apply(Booking booking, BookingInput input, Space space)
    {
        booking.OrganisationId = input.OrganisationId;
        booking.Purpose = input.Purpose;
        booking.Notes = input.Notes;
        booking.ExpectedPeople = input.ExpectedPeople;
        booking.Equipment = input.Equipment;
        booking.IsPublic = input.IsPublic;
        booking.Place(space, input.StartsAt, input.EndsAt);
    }
}

/// <summary>Saving a change that may meet the database's overlap trigger.</summary>
public static class BookingSaving
{
    /// <summary>Saves; false (and the change detached) when the trigger refused an overlapping approved booking.</summary>
    public static async Task<bool> TrySaveAsync(BylabDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsOverlap(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static bool IsOverlap(Exception e) =>
        (e.InnerException?.Message ?? e.Message).Contains(Booking.OverlapError, StringComparison.Ordinal);
}
