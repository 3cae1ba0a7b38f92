using Bylab.Core.Data;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Venue;

/// <summary>One use in the calendar as one viewer may see it: its title, or null for «opptatt».</summary>
public sealed record AgendaItem(VenueConflict Use, string? Label, string? SpaceName);

/// <summary>A free stretch of a day: a use of the space may start at <paramref name="From"/> and end by <paramref name="Until"/> (buffers counted).</summary>
public sealed record FreeTime(DateTime From, DateTime Until);

/// <summary>One Oslo date: open or closed, what holds the space, and what is free within the lending hours.</summary>
/// <param name="IsPast">The day is over: nothing can be asked for it, and the views say nothing about free time.</param>
public sealed record AgendaDay(VenueDay Day, IReadOnlyList<AgendaItem> Items, IReadOnlyList<FreeTime> Free, bool IsPast = false);

/// <summary>The calendar of a venue's space over some dates, as one viewer sees it.</summary>
/// <param name="Space">The space looked at: what holds it, or a space containing it or inside it, is shown.</param>
public sealed record VenueAgendaModel(Venue Venue, IReadOnlyList<Space> Spaces, Space Space, DateOnly First, DateOnly Last, IReadOnlyList<AgendaDay> Days);

/// <summary>
/// The venue calendar's pages: for a space and a range of dates, what holds the space (titles only where the viewer
/// may see them, <see cref="VenueConflict.LabelFor(VenueViewer)"/>), the closed days, and the free time within the
/// lending hours. The week and month views render this.
/// </summary>
public sealed class VenueAgenda(BylabDbContext db, VenueCalendar calendar, VenueSchedule schedule, TimeProvider time)
{
    /// <summary>Null when the venue (or the space in it) does not exist. No space chosen = the outermost (the whole venue).</summary>
    public async Task<VenueAgendaModel?> RangeAsync(string venueSlug, int? spaceId, DateOnly first, DateOnly last, VenueViewer viewer,
        CancellationToken ct = default)
    {
        var venue = await db.Venues.AsNoTracking().Include(v => v.LendingHours).Include(v => v.OpeningHours)
            .SingleOrDefaultAsync(v => v.Slug == venueSlug, ct);
        if (venue is null)
        {
            return null;
        }
        var spaces = await db.Spaces.AsNoTracking().Where(s => s.VenueId == venue.Id && s.IsActive)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);
        var space = spaceId is { } id ? spaces.FirstOrDefault(s => s.Id == id) : spaces.FirstOrDefault(s => s.ParentId == null) ?? spaces.FirstOrDefault();
        if (space is null)
        {
            return null;
        }
        var from = OsloTime.ToUtc(first.ToDateTime(TimeOnly.MinValue)) ?? first.ToDateTime(TimeOnly.MinValue);
        var until = OsloTime.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue)) ?? last.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var uses = await calendar.ConflictsAsync(new VenueSlot(venue.Id, space.Id, from, until), null, ct);
        var days = await schedule.DaysAsync(venue.Id, first, last, ct);
        var names = spaces.ToDictionary(s => s.Id, s => s.Name);
        var now = time.GetUtcNow().UtcDateTime;
        // What the viewer could ask for: staff may use any time from now; anyone else only what a request may ask
        // (the space's notice and how far ahead), so the free time offered is time a request will not be refused for.
        var (earliest, latest) = viewer.SeesAll ? (now, DateTime.MaxValue)
            : (now.AddHours(space.MinNoticeHours), now.AddDays(space.MaxDaysAhead));
        var agenda = days.Select(day =>
        {
            var dayStart = OsloTime.ToUtc(day.Date.ToDateTime(TimeOnly.MinValue)) ?? day.Date.ToDateTime(TimeOnly.MinValue);
            var dayEnd = OsloTime.ToUtc(day.Date.AddDays(1).ToDateTime(TimeOnly.MinValue)) ?? day.Date.AddDays(1).ToDateTime(TimeOnly.MinValue);
            var items = uses.Where(u => u.StartsAt < dayEnd && u.EndsAt > dayStart)
                .Select(u => new AgendaItem(u, u.LabelFor(viewer), u.SpaceId is { } s && names.TryGetValue(s, out var n) ? n : null))
                .ToList();
            return new AgendaDay(day, items, FreeWithin(day, uses, space, earliest, latest), IsPast: dayEnd <= now);
        }).ToList();
        return new VenueAgendaModel(venue, spaces, space, first, last, agenda);
    }

    /// <summary>
    /// The day's lending hours less what holds the space: a new use (with the space's own setup and cleaning) fits in
    /// each stretch returned. Stretches shorter than the space's shortest booking, time before <paramref name="earliest"/>
    /// and days that start after <paramref name="latest"/> are left out.
    /// </summary>
    public static IReadOnlyList<FreeTime> FreeWithin(VenueDay day, IEnumerable<VenueConflict> uses, Space space, DateTime earliest,
        DateTime latest)
    {
        if (day.Utc is not { } hours || hours.Until <= earliest || hours.From > latest)
        {
            return [];
        }
        // From the next quarter of an hour after the earliest (the request form is filled in from these times).
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var next = new DateTime((earliest.Ticks + quarter - 1) / quarter * quarter, DateTimeKind.Utc);
        var open = (From: hours.From < next ? next : hours.From, hours.Until);
        var busy = uses.Select(u => (From: u.HeldFrom.AddMinutes(-space.CleanupMinutes), Until: u.HeldUntil.AddMinutes(space.SetupMinutes)))
            .Where(b => b.From < open.Until && b.Until > open.From)
            .OrderBy(b => b.From).ToList();
        var free = new List<FreeTime>();
        var cursor = open.From;
        foreach (var (from, until) in busy)
        {
            if (from > cursor)
            {
                free.Add(new FreeTime(cursor, from));
            }
            if (until > cursor)
            {
                cursor = until;
            }
        }
        if (cursor < open.Until)
        {
            free.Add(new FreeTime(cursor, open.Until));
        }
        return free.Where(f => (f.Until - f.From).TotalMinutes >= space.MinMinutes).ToList();
    }
}
