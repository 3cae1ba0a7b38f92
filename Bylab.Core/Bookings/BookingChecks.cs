using System.Globalization;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Organisations;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Bookings;

/// <summary>
/// A broken rule of a request, on the field it is about, with what the message needs to say (language-free values:
/// numbers, clock times, the closure). <paramref name="Date"/> names the date of a series it concerns.
/// </summary>
public sealed record BookingProblem(string Field, string Code, IReadOnlyList<object>? Args = null, DayClosed? Closed = null, DateOnly? Date = null)
{
    public static BookingProblem From(FieldError e) => new(e.Field, e.Code);
}

/// <summary>Hours an organisation has asked for in an Oslo month (pending and approved requests), against its quota.</summary>
public sealed record QuotaUse(int Year, int Month, int QuotaHours, double UsedHours, double AddedHours)
{
    public bool IsExceeded => UsedHours + AddedHours > QuotaHours + 1e-9;
}

/// <summary>
/// What only Core can check of a booking: the space's limits, the days and hours the venue is lent, how far ahead,
/// the organisation's quota and what else holds the space. Requests (organisations) get all of it; staff, who may
/// open the venue at any time, get the clock and the collisions, and see the rest as information.
/// </summary>
public sealed class BookingChecks(BylabDbContext db, VenueSchedule schedule, VenueCalendar calendar)
{
    public Task<Space?> SpaceAsync(int spaceId, CancellationToken ct) =>
        db.Spaces.AsNoTracking().Include(s => s.Venue).SingleOrDefaultAsync(s => s.Id == spaceId, ct);

    /// <summary>The rules of one date's times for an organisation's request (<paramref name="asStaff"/>: only the past and the length's sign).</summary>
    public async Task<List<BookingProblem>> TimeProblemsAsync(Space space, DateTime startsAt, DateTime endsAt, DateTime now, bool asStaff,
        CancellationToken ct)
    {
        var problems = new List<BookingProblem>();
        const string start = nameof(BookingInput.StartsAt), end = nameof(BookingInput.EndsAt);
        if (endsAt <= startsAt)
        {
            return problems; // BookingRules says so already.
        }
        if (startsAt < now)
        {
            problems.Add(new(start, BookingErrors.InThePast));
            return problems;
        }
        if (asStaff)
        {
            return problems;
        }
        var minutes = (endsAt - startsAt).TotalMinutes;
        if (minutes < space.MinMinutes)
        {
            problems.Add(new(end, BookingErrors.TooShort, [space.MinMinutes]));
        }
        else if (minutes > space.MaxMinutes)
        {
            problems.Add(new(end, BookingErrors.TooLongBooking, [space.MaxMinutes]));
        }
        if (startsAt - now < TimeSpan.FromHours(space.MinNoticeHours))
        {
            problems.Add(new(start, BookingErrors.TooSoon, [space.MinNoticeHours]));
        }
        else if (startsAt - now > TimeSpan.FromDays(space.MaxDaysAhead))
        {
            problems.Add(new(start, BookingErrors.TooFarAhead, [space.MaxDaysAhead]));
        }
        var day = await schedule.DayAsync(space.VenueId, DateOnly.FromDateTime(OsloTime.ToOslo(startsAt)), ct);
        if (day.Closed is { } closed)
        {
            problems.Add(new(start, BookingErrors.ClosedDay, Closed: closed, Date: day.Date));
        }
        else if (day.Utc is not { } open)
        {
            problems.Add(new(start, BookingErrors.ClosedDay, Closed: new DayClosed(null, null, null), Date: day.Date));
        }
        else if (startsAt < open.From || endsAt > open.Until)
        {
            problems.Add(new(startsAt < open.From ? start : end, BookingErrors.OutsideHours, [Clock(day.Opens!.Value), Clock(day.Closes!.Value)]));
        }
        return problems;
    }

    /// <summary>Approved bookings and events that hold the space (or one containing it, or inside it) in the held interval.</summary>
    public Task<IReadOnlyList<VenueConflict>> ConflictsAsync(Space space, DateTime startsAt, DateTime endsAt, VenueOccupantRef? ignore, CancellationToken ct)
    {
        var (from, until) = space.Blocked(startsAt, endsAt);
        return calendar.ConflictsAsync(new VenueSlot(space.VenueId, space.Id, from, until), ignore, ct);
    }

    /// <summary>
    /// The organisation's use of its quota in each Oslo month the added dates fall in; null when it has no quota.
    /// Pending and approved requests count; <paramref name="ignore"/> (a request being changed) does not.
    /// </summary>
    public async Task<IReadOnlyList<QuotaUse>?> QuotaAsync(Organisation organisation, IReadOnlyCollection<(DateTime StartsAt, DateTime EndsAt)> added,
        IReadOnlyCollection<int> ignore, CancellationToken ct)
    {
        if (organisation.MonthlyQuotaHours is not { } quota)
        {
            return null;
        }
        var months = added.Select(a => Month(a.StartsAt)).Distinct().ToList();
        var uses = new List<QuotaUse>();
        foreach (var (year, month) in months)
        {
            var first = OsloTime.ToUtc(new DateTime(year, month, 1))!.Value;
            var next = OsloTime.ToUtc(new DateTime(year, month, 1).AddMonths(1))!.Value;
            var held = await db.Bookings.AsNoTracking()
                .Where(b => b.OrganisationId == organisation.Id && b.Kind != BookingKind.Block
                    && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)
                    && b.StartsAt >= first && b.StartsAt < next && !ignore.Contains(b.Id))
                .Select(b => new { b.StartsAt, b.EndsAt }).ToListAsync(ct);
            uses.Add(new QuotaUse(year, month, quota, held.Sum(b => (b.EndsAt - b.StartsAt).TotalHours),
                added.Where(a => Month(a.StartsAt) == (year, month)).Sum(a => (a.EndsAt - a.StartsAt).TotalHours)));
        }
        return uses;
    }

    /// <summary>The quota as a problem on the organisation field: the first month it would be exceeded.</summary>
    public static BookingProblem? QuotaProblem(IReadOnlyList<QuotaUse>? uses) =>
        uses?.FirstOrDefault(u => u.IsExceeded) is { } over
            ? new BookingProblem(nameof(BookingInput.OrganisationId), BookingErrors.OverQuota,
                [over.QuotaHours, Math.Round(over.UsedHours, 1), over.Year, over.Month])
            : null;

    /// <summary>What the request asks of its space: no more people than it holds, no equipment it lacks.</summary>
    public static IEnumerable<BookingProblem> SpaceProblems(BookingInput input, Space space)
    {
        if (input.ExpectedPeople > space.Capacity)
        {
            yield return new(nameof(BookingInput.ExpectedPeople), BookingErrors.OverCapacity, [space.Capacity, space.Name]);
        }
        if ((input.Equipment & ~space.Equipment) is var missing and not SpaceEquipment.None)
        {
            yield return new(nameof(BookingInput.Equipment), BookingErrors.EquipmentMissing, [missing]);
        }
    }

    private static (int, int) Month(DateTime utc)
    {
        var oslo = OsloTime.ToOslo(utc);
        return (oslo.Year, oslo.Month);
    }

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
