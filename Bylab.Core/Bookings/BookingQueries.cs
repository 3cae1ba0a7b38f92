using Bylab.Core.Data;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Bookings;

/// <summary>A booking in a list: the organisation's own requests, or staff's queue.</summary>
public sealed record BookingListItem(int Id, BookingKind Kind, BookingStatus Status, string Purpose, string OrganisationName, int OrganisationId,
    string SpaceName, DateTime StartsAt, DateTime EndsAt, int? SeriesId, bool HasSuggestion, bool IsLateCancellation, DateTime CreatedAt);

/// <summary>A request in staff's queue with what it would collide with now: other uses, the venue's days, the organisation's quota.</summary>
/// <param name="Problems">Its dates fall on a closed day or outside the lending hours (set since it was sent).</param>
/// <param name="OverQuota">The months in which approving it would take the organisation over its quota.</param>
public sealed record QueueItem(BookingListItem Booking, IReadOnlyList<VenueConflict> Conflicts, int SeriesPending,
    IReadOnlyList<BookingProblem> Problems, IReadOnlyList<QuotaUse> OverQuota);

/// <summary>Everything the booking's page shows: the booking with its space, venue, organisation and series, the door code, and the event held in it.</summary>
public sealed record BookingDetails(Booking Booking, DoorCodeView? DoorCode, string? EventTitle, IReadOnlyList<BookingListItem> SeriesDates);

/// <summary>Read side of bookings.</summary>
public sealed class BookingQueries(BylabDbContext db, TimeProvider time, IDoorLock doors, IBookingDependents dependents, BookingChecks checks)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private IQueryable<BookingListItem> Items(IQueryable<Booking> bookings) => bookings.Select(b => new BookingListItem(
        b.Id, b.Kind, b.Status, b.Purpose, b.Organisation!.Name, b.OrganisationId, b.Space!.Name, b.StartsAt, b.EndsAt, b.SeriesId,
        b.Status == BookingStatus.Pending && b.SuggestedStartsAt != null, b.IsLateCancellation, b.CreatedAt));

    /// <summary>
    /// The bookings of the organisations <paramref name="userId"/> acts for: upcoming first, then the past
    /// <paramref name="pastDays"/> days. Staff's blocks are left out: they are the municipality's, not its members'.
    /// </summary>
    public async Task<(List<BookingListItem> Upcoming, List<BookingListItem> Past)> MineAsync(string userId, int pastDays = 90, CancellationToken ct = default)
    {
        var now = Now;
        var since = now.AddDays(-pastDays);
        var mine = db.Bookings.AsNoTracking()
            .Where(b => db.OrganisationMembers.Any(m => m.UserId == userId && m.OrganisationId == b.OrganisationId)
                && b.Kind != BookingKind.Block && b.EndsAt > since);
        var upcoming = await Items(mine.Where(b => b.EndsAt > now).OrderBy(b => b.StartsAt)).Take(200).ToListAsync(ct);
        var past = await Items(mine.Where(b => b.EndsAt <= now).OrderByDescending(b => b.StartsAt)).Take(100).ToListAsync(ct);
        return (upcoming, past);
    }

    /// <summary>The booking with all its page needs; null when it does not exist.</summary>
    public async Task<BookingDetails?> DetailsAsync(int id, CancellationToken ct = default)
    {
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Space!).ThenInclude(s => s.Venue).Include(b => b.Organisation)
            .Include(b => b.Series).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null)
        {
            return null;
        }
        var code = booking.Status == BookingStatus.Approved ? await doors.ForBookingAsync(id, ct) : null;
        var series = booking.SeriesId is { } seriesId
            ? await Items(db.Bookings.AsNoTracking().Where(b => b.SeriesId == seriesId).OrderBy(b => b.StartsAt)).ToListAsync(ct)
            : [];
        return new BookingDetails(booking, code, await dependents.DependentAsync(id, ct), series);
    }

    /// <summary>The organisation a booking is for (for access checks before anything else is read).</summary>
    public Task<int?> OrganisationOfAsync(int id, CancellationToken ct = default) =>
        db.Bookings.Where(b => b.Id == id).Select(b => (int?)b.OrganisationId).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Pending requests that can still be decided, oldest request first; a series is one item (its first pending date),
    /// each with what it would collide with now.
    /// </summary>
    public async Task<List<QueueItem>> QueueAsync(int max = 50, CancellationToken ct = default)
    {
        var now = Now;
        var pending = await Items(db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Pending && b.StartsAt > now)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.StartsAt)).Take(500).ToListAsync(ct);
        var spaces = await db.Spaces.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var spaceOf = await db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Pending && b.StartsAt > now)
            .Select(b => new { b.Id, b.SpaceId }).ToDictionaryAsync(b => b.Id, b => b.SpaceId, ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var queue = new List<QueueItem>();
        foreach (var group in pending.GroupBy(b => b.SeriesId is { } s ? -s : b.Id).Take(max))
        {
            var dates = group.ToList();
            var (conflicts, problems) = (new List<VenueConflict>(), new List<BookingProblem>());
            foreach (var date in dates)
            {
                var space = spaces[spaceOf[date.Id]];
                conflicts.AddRange(await checks.ConflictsAsync(space, date.StartsAt, date.EndsAt, new VenueOccupantRef(VenueOccupantKinds.Booking, date.Id), ct));
                // The venue's days as they are now; the notice the request gave was checked when it was sent.
                problems.AddRange((await checks.TimeProblemsAsync(space, date.StartsAt, date.EndsAt, now, asStaff: false, ct))
                    .Where(p => p.Code is BookingErrors.ClosedDay or BookingErrors.OutsideHours));
            }
            var quota = dates[0].Kind == BookingKind.Block ? null : await checks.QuotaAsync(organisations[dates[0].OrganisationId],
                dates.Select(d => (d.StartsAt, d.EndsAt)).ToList(), dates.Select(d => d.Id).ToList(), ct);
            queue.Add(new QueueItem(dates[0], conflicts.DistinctBy(c => c.Ref).ToList(), dates.Count, problems,
                quota?.Where(q => q.IsExceeded).ToList() ?? []));
        }
        return queue;
    }

    /// <summary>Every booking of the series, soonest first.</summary>
    public Task<List<BookingListItem>> SeriesAsync(int seriesId, CancellationToken ct = default) =>
        Items(db.Bookings.AsNoTracking().Where(b => b.SeriesId == seriesId).OrderBy(b => b.StartsAt)).ToListAsync(ct);

    /// <summary>Approved and pending bookings from now on, soonest first, optionally of one organisation (staff's list).</summary>
    public Task<List<BookingListItem>> UpcomingAsync(int? organisationId, int max = 100, CancellationToken ct = default)
    {
        var now = Now;
        return Items(db.Bookings.AsNoTracking().Where(b => b.EndsAt > now
                && (b.Status == BookingStatus.Approved || b.Status == BookingStatus.Pending)
                && (organisationId == null || b.OrganisationId == organisationId))
            .OrderBy(b => b.StartsAt)).Take(max).ToListAsync(ct);
    }
}
