using Bylab.Core.Data;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Venue;

/// <summary>Why a day is closed: a public holiday (by key), or a closure staff entered (with their reason).</summary>
public sealed record DayClosed(string? HolidayKey, string? Reason, ClosureKind? Kind);

/// <summary>One Oslo date at the venue: the hours it may be borrowed, or why it is closed.</summary>
public sealed record VenueDay(DateOnly Date, TimeOnly? Opens, TimeOnly? Closes, DayClosed? Closed)
{
    /// <summary>Lent on this day at all: not closed, and the weekday has lending hours.</summary>
    public bool IsOpen => Closed is null && Opens is not null && Closes is not null;

    /// <summary>The day's lending hours as UTC instants (Oslo wall clock, summer time included); null when closed.</summary>
    public (DateTime From, DateTime Until)? Utc =>
        IsOpen ? (OsloTime.ToUtc(Date.ToDateTime(Opens!.Value)) ?? Date.ToDateTime(Opens!.Value), OsloTime.ToUtc(Date.ToDateTime(Closes!.Value)) ?? Date.ToDateTime(Closes!.Value))
        : null;

    /// <summary>Hours the venue may be lent on this day (the real length, so a summer-time change counts).</summary>
    public double OpenHours => Utc is { } u ? (u.Until - u.From).TotalHours : 0;
}

/// <summary>
/// The venue's days: weekday lending hours, the closures staff entered and the public holidays. The one place that
/// says whether the venue can be borrowed on a date; requests, the calendar and the statistics ask it.
/// </summary>
public sealed class VenueSchedule(BylabDbContext db)
{
    /// <summary>Every date from <paramref name="first"/> to <paramref name="last"/> (both included).</summary>
    public async Task<IReadOnlyList<VenueDay>> DaysAsync(int venueId, DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        var venue = await db.Venues.AsNoTracking().Where(v => v.Id == venueId)
            .Select(v => new { v.ClosedOnPublicHolidays, Hours = v.LendingHours.ToList() }).SingleOrDefaultAsync(ct);
        if (venue is null)
        {
            return [];
        }
        var closures = await db.VenueClosures.AsNoTracking()
            .Where(c => c.VenueId == venueId && c.FirstDate <= last && c.LastDate >= first).ToListAsync(ct);
        return Build(venue.Hours, closures, venue.ClosedOnPublicHolidays, first, last);
    }

    public async Task<VenueDay> DayAsync(int venueId, DateOnly date, CancellationToken ct = default) =>
        (await DaysAsync(venueId, date, date, ct)).SingleOrDefault() ?? new VenueDay(date, null, null, null);

    /// <summary>The days from what is stored; pure, so the rules can be tested without a database.</summary>
    public static IReadOnlyList<VenueDay> Build(IReadOnlyCollection<LendingHours> hours, IReadOnlyCollection<VenueClosure> closures,
        bool closedOnHolidays, DateOnly first, DateOnly last)
    {
        var days = new List<VenueDay>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var open = hours.FirstOrDefault(h => h.Day == date.DayOfWeek);
            DayClosed? closed = null;
            if (closedOnHolidays && NorwegianHolidays.On(date) is { } holiday)
            {
                closed = new DayClosed(holiday.Key, null, null);
            }
            else if (closures.Where(c => c.Covers(date)).OrderBy(c => c.FirstDate).FirstOrDefault() is { } closure)
            {
                closed = new DayClosed(null, closure.Reason, closure.Kind);
            }
            days.Add(new VenueDay(date, open?.Opens, open?.Closes, closed));
        }
        return days;
    }
}
