using Bylab.Core.Data;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Venue;

/// <summary>One use in the calendar as one viewer may see it: its title, or null for «opptatt».</summary>
public sealed record AgendaItem(VenueConflict Use, string? Label, string? SpaceName);

/// <summary>A free stretch of a day: a use of the space may start at <paramref name="From"/> and end by <paramref name="Until"/> (buffers counted).</summary>
public sealed record FreeTime(DateTime From, DateTime Until);

/// <summary>One Oslo date: open or closed, what holds the space, and what is free within the lending hours.</summary>
public sealed record AgendaDay(VenueDay Day, IReadOnlyList<AgendaItem> Items, IReadOnlyList<FreeTime> Free);

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
        var agenda = days.Select(day =>
        {
            var dayStart = OsloTime.ToUtc(day.Date.ToDateTime(TimeOnly.MinValue)) ?? day.Date.ToDateTime(TimeOnly.MinValue);
            var dayEnd = OsloTime.ToUtc(day.Date.AddDays(1).ToDateTime(TimeOnly.MinValue)) ?? day.Date.AddDays(1).ToDateTime(TimeOnly.MinValue);
            var items = uses.Where(u => u.StartsAt < dayEnd && u.EndsAt > dayStart)
                .Select(u => new AgendaItem(u, u.LabelFor(viewer), u.SpaceId is { } s && names.TryGetValue(s, out var n) ? n : null))
                .ToList();
            return new AgendaDay(day, items, FreeWithin(day, uses, space, now));
        }).ToList();
        return new VenueAgendaModel(venue, spaces, space, first, last, agenda);
    }

    /// <summary>
    /// The day's lending hours less what holds the space: a new use (with the space's own setup and cleaning) fits in
    /// each stretch returned. Stretches shorter than the space's shortest booking, and time already past, are left out.
    /// </summary>
    public static IReadOnlyList<FreeTime> FreeWithin(VenueDay day, IEnumerable<VenueConflict> uses, Space space, DateTime now)
    {
        if (day.Utc is not { } hours || hours.Until <= now)
        {
            return [];
        }
        // Time already past is not offered; from the next quarter of an hour (the request form is filled in from these times).
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var next = new DateTime((now.Ticks + quarter - 1) / quarter * quarter, DateTimeKind.Utc);
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
