using Bylab.Core.Data;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Bookings;

/// <summary>Hours and cancellations of one group (a month, an organisation, a space, or one of each) against the venue's lending hours.</summary>
/// <param name="BookedHours">Approved bookings, and those cancelled late (they held the space until then); real lengths, so a summer-time night counts as it is. For a month and the year the hours any part of the venue was booked (rooms at once count once).</param>
/// <param name="UsedHours">Approved bookings that have taken place (ended, not cancelled).</param>
/// <param name="Cancellations">Approved bookings the organisation cancelled (a withdrawn request is none).</param>
/// <param name="OpenHours">The lending hours of the months in the group (closed days left out).</param>
public sealed record UsageFigures(string Key, double BookedHours, double UsedHours, double OpenHours, int Bookings, int Cancellations, int LateCancellations)
{
    /// <summary>Booked hours as a share of the lending hours, in percent.</summary>
    public double UtilisationPercent => OpenHours > 0 ? Math.Round(BookedHours / OpenHours * 100, 1) : 0;
}

/// <summary>The detail the CSV gives: one row per month, organisation and space.</summary>
public sealed record UsageRow(int Year, int Month, string Organisation, string Space, UsageFigures Figures);

public sealed record BookingStatisticsReport(int Year, IReadOnlyList<UsageFigures> ByMonth, IReadOnlyList<UsageFigures> ByOrganisation,
    IReadOnlyList<UsageFigures> BySpace, IReadOnlyList<UsageRow> Rows, UsageFigures Total);

/// <summary>
/// What the municipality lends, for its accounts: hours booked and used, utilisation of the lending hours, and
/// cancellations (late ones apart), per month, organisation and space, over a calendar year in Oslo time.
/// </summary>
public sealed class BookingStatistics(BylabDbContext db, VenueSchedule schedule, TimeProvider time)
{
    public async Task<BookingStatisticsReport> ForYearAsync(int year, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var from = OsloTime.ToUtc(new DateTime(year, 1, 1))!.Value;
        var until = OsloTime.ToUtc(new DateTime(year + 1, 1, 1))!.Value;
        var rows = await db.Bookings.AsNoTracking()
            // A withdrawn request never held the room: only a cancellation of something approved (DecidedAt is set by Approve
            // alone, a rejected request is never cancelled) is one.
            .Where(b => b.StartsAt >= from && b.StartsAt < until
                && (b.Status == BookingStatus.Approved || (b.Status == BookingStatus.Cancelled && b.DecidedAt != null)))
            .Select(b => new { b.Status, b.StartsAt, b.EndsAt, b.IsLateCancellation, b.ChangedByStaff, Organisation = b.Organisation!.Name, Space = b.Space!.Name, b.Space.VenueId })
            .ToListAsync(ct);
        var open = await OpenHoursByMonthAsync(year, ct);
        var facts = rows.Select(b => new Fact(
            OsloTime.ToOslo(b.StartsAt).Month, b.Organisation, b.Space, b.StartsAt, b.EndsAt,
            Booked: b.Status == BookingStatus.Approved || b.IsLateCancellation,
            Used: b.Status == BookingStatus.Approved && b.EndsAt <= now,
            Approved: b.Status == BookingStatus.Approved,
            Cancelled: b.Status == BookingStatus.Cancelled && !b.ChangedByStaff,
            Late: b.IsLateCancellation)).ToList();
        var yearOpen = open.Values.Sum();
        return new BookingStatisticsReport(
            year,
            Enumerable.Range(1, 12).Select(m => Figures(m.ToString("00"), facts.Where(f => f.Month == m), open.GetValueOrDefault(m), venueWide: true)).ToList(),
            facts.GroupBy(f => f.Organisation).OrderBy(g => g.Key).Select(g => Figures(g.Key, g, yearOpen)).ToList(),
            facts.GroupBy(f => f.Space).OrderBy(g => g.Key).Select(g => Figures(g.Key, g, yearOpen)).ToList(),
            facts.GroupBy(f => (f.Month, f.Organisation, f.Space)).OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Organisation).ThenBy(g => g.Key.Space)
                .Select(g => new UsageRow(year, g.Key.Month, g.Key.Organisation, g.Key.Space, Figures("", g, open.GetValueOrDefault(g.Key.Month)))).ToList(),
            Figures("", facts, yearOpen, venueWide: true));
    }

    private sealed record Fact(int Month, string Organisation, string Space, DateTime StartsAt, DateTime EndsAt, bool Booked, bool Used, bool Approved, bool Cancelled, bool Late);

    /// <param name="venueWide">
    /// The venue's own figures (a month, the year): hours when any part of the venue was booked, the union of the
    /// bookings, since two rooms booked at once are one hour of the venue's lending hours, not two, and utilisation
    /// could otherwise pass 100 %. An organisation's or a space's figures add up their bookings' hours.
    /// </param>
    private static UsageFigures Figures(string key, IEnumerable<Fact> facts, double openHours, bool venueWide = false)
    {
        var list = facts.ToList();
        double Hours(Func<Fact, bool> counts) => venueWide
            ? UnionHours(list.Where(counts).Select(f => (f.StartsAt, f.EndsAt)))
            : list.Where(counts).Sum(f => (f.EndsAt - f.StartsAt).TotalHours);
        return new UsageFigures(key, Math.Round(Hours(f => f.Booked), 2), Math.Round(Hours(f => f.Used), 2), Math.Round(openHours, 2),
            list.Count(f => f.Approved), list.Count(f => f.Cancelled), list.Count(f => f.Late));
    }

    /// <summary>The hours covered by at least one of the intervals (UTC, so real lengths).</summary>
    private static double UnionHours(IEnumerable<(DateTime Start, DateTime End)> intervals)
    {
        var total = TimeSpan.Zero;
        DateTime? runStart = null, runEnd = null;
        foreach (var (start, end) in intervals.OrderBy(i => i.Start))
        {
            if (runEnd is null || start > runEnd)
            {
                total += (runEnd - runStart) ?? TimeSpan.Zero;
                (runStart, runEnd) = (start, end);
            }
            else if (end > runEnd)
            {
                runEnd = end;
            }
        }
        return (total + ((runEnd - runStart) ?? TimeSpan.Zero)).TotalHours;
    }

    /// <summary>The Bylab's lending hours per month of the year, closed days left out.</summary>
    private async Task<Dictionary<int, double>> OpenHoursByMonthAsync(int year, CancellationToken ct)
    {
        var venueId = await db.Venues.Where(v => v.Slug == Venue.Venue.BylabSlug).Select(v => (int?)v.Id).SingleOrDefaultAsync(ct);
        if (venueId is null)
        {
            return [];
        }
        var days = await schedule.DaysAsync(venueId.Value, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
        return days.GroupBy(d => d.Date.Month).ToDictionary(g => g.Key, g => g.Sum(d => d.OpenHours));
    }
}
