using Bylab.Core.Bookings;
using Bylab.Core.Data;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Bookings;

/// <summary>
/// No two approved bookings – an event's included, events hold their slot through one – overlap in the same space or
/// in spaces that contain one another, buffers counted: the database refuses it (BookingTriggers), whoever writes.
/// </summary>
public sealed class BookingOverlapRuleTests : IAsyncLifetime
{
    private CoreHarness _h = null!;
    private int _organisation;
    private Space _meeting = null!, _whole = null!, _workshop = null!;

    public async Task InitializeAsync()
    {
        _h = await CoreHarness.CreateAsync();
        _organisation = await _h.Bookings.OrganisationAsync("Dark Arkitekter");
        (_meeting, _whole, _workshop) = (await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom), await _h.Bookings.SpaceAsync(TestBookings.Whole),
            await _h.Bookings.SpaceAsync(TestBookings.Workshop));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>A hand-written row, as a bug, a script or a second instance might write it (held times as given).</summary>
    private Task<int> InsertAsync(Space space, DateTime start, DateTime end, string status = "Approved", int? setup = null, int? cleanup = null) =>
        _h.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Bookings (SpaceId, OrganisationId, Kind, Status, StartsAt, EndsAt, BlockStartsAt, BlockEndsAt, Purpose, ExpectedPeople,
                Equipment, IsPublic, IsLateCancellation, ChangedByStaff, Sequence, CreatedAt)
            VALUES ({0}, {1}, 'Request', {2}, {3}, {4}, {5}, {6}, 'Skrevet for hånd', 4, 0, 0, 0, 0, 0, {7})
            """, space.Id, _organisation, status, Text(start), Text(end), Text(start.AddMinutes(-(setup ?? space.SetupMinutes))),
            Text(end.AddMinutes(cleanup ?? space.CleanupMinutes)), Text(_h.Now)));

    private static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> ApprovedCountAsync() => _h.WithDbAsync(db => db.Bookings.CountAsync(b => b.Status == BookingStatus.Approved));

    private static async Task AssertRefusedAsync(Func<Task> write)
    {
        var e = await Assert.ThrowsAsync<SqliteException>(write);
        Assert.Contains(Booking.OverlapError, e.Message);
    }

    [Fact]
    public async Task TheDatabaseRefusesAnOverlappingApprovedBookingWrittenWithRawSql()
    {
        var day = _h.Bookings.Date(DayOfWeek.Tuesday);
        // Møterommet 18–20, held 17:45–20:15 (15 minutes to set up and to clean).
        await _h.Bookings.AddAsync(_organisation, _meeting, TestBookings.Oslo(day, 18), TestBookings.Oslo(day, 20));
        var approved = await ApprovedCountAsync();

        // The same room an hour later; the whole venue, which contains it; a start inside the other's cleaning time.
        await AssertRefusedAsync(() => InsertAsync(_meeting, TestBookings.Oslo(day, 19), TestBookings.Oslo(day, 21)));
        await AssertRefusedAsync(() => InsertAsync(_whole, TestBookings.Oslo(day, 12), TestBookings.Oslo(day, 18)));
        await AssertRefusedAsync(() => InsertAsync(_meeting, TestBookings.Oslo(day, 20), TestBookings.Oslo(day, 21)));
        Assert.Equal(approved, await ApprovedCountAsync());

        // A request holds nothing; approving it by hand is refused all the same.
        Assert.Equal(1, await InsertAsync(_meeting, TestBookings.Oslo(day, 19), TestBookings.Oslo(day, 21), status: "Pending"));
        var pending = await _h.WithDbAsync(db => db.Bookings.Where(b => b.Status == BookingStatus.Pending).Select(b => b.Id).SingleAsync());
        await AssertRefusedAsync(() => _h.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Bookings SET Status = 'Approved' WHERE Id = {0}", pending)));

        // The workshop area is beside the meeting room, not in it; and held times that only touch do not overlap.
        Assert.Equal(1, await InsertAsync(_workshop, TestBookings.Oslo(day, 18), TestBookings.Oslo(day, 20)));
        Assert.Equal(1, await InsertAsync(_meeting, TestBookings.Oslo(day, 20, 30), TestBookings.Oslo(day, 21, 30)));
        Assert.Equal(approved + 2, await ApprovedCountAsync());
    }

    [Fact]
    public async Task MovingAnApprovedBookingOntoAnotherIsRefusedAndAFreedSlotCanBeTakenAgain()
    {
        var day = _h.Bookings.Date(DayOfWeek.Wednesday);
        var first = await _h.Bookings.AddAsync(_organisation, _meeting, TestBookings.Oslo(day, 9), TestBookings.Oslo(day, 11));
        var second = await _h.Bookings.AddAsync(_organisation, _meeting, TestBookings.Oslo(day, 13), TestBookings.Oslo(day, 15));

        await AssertRefusedAsync(() => _h.WithDbAsync(db => db.Bookings.Where(b => b.Id == second.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.BlockStartsAt, first.BlockStartsAt).SetProperty(b => b.StartsAt, first.StartsAt))));

        // Cancelled, it holds nothing: the same slot is approved again.
        await _h.WithDbAsync(db => db.Bookings.Where(b => b.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled)));
        Assert.Equal(1, await InsertAsync(_meeting, TestBookings.Oslo(day, 9), TestBookings.Oslo(day, 11)));
    }

    [Fact]
    public async Task TwentyConcurrentApprovalsOfOverlappingRequestsLetExactlyOneWin()
    {
        var staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        var day = _h.Bookings.Date(DayOfWeek.Thursday);
        // Twenty requests for the same evening, five minutes apart, in the meeting room and (every fourth) the whole venue.
        var requests = new List<Booking>();
        for (var n = 0; n < 20; n++)
        {
            var start = TestBookings.Oslo(day, 17).AddMinutes(5 * n);
            requests.Add(await _h.Bookings.AddAsync(_organisation, n % 4 == 3 ? _whole : _meeting, start, start.AddHours(2), $"Kveldsmøte {n}",
                status: BookingStatus.Pending));
        }

        var results = await Task.WhenAll(requests.Select(r => Task.Run(() => _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(r.Id, staff)))));

        var winner = Assert.Single(results, r => r.Outcome == BookingOutcome.Done);
        var losers = results.Where(r => r != winner).ToList();
        Assert.Equal(19, losers.Count);
        Assert.All(losers, r =>
        {
            // A clear answer: taken, by what (the winner), and the request is left as it was.
            Assert.Equal(BookingOutcome.Taken, r.Outcome);
            Assert.Equal(winner.BookingId, Assert.Single(r.Conflicts!).Id);
        });
        var stored = await _h.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.OrganisationId == _organisation).ToListAsync());
        Assert.Equal(winner.BookingId, Assert.Single(stored, b => b.Status == BookingStatus.Approved).Id);
        Assert.Equal(19, stored.Count(b => b.Status == BookingStatus.Pending && b.DecidedAt == null));
        Assert.Equal(winner.BookingId, Assert.Single(await _h.WithDbAsync(db => db.DoorCodes.ToListAsync())).BookingId);
        Assert.Equal(winner.BookingId, Assert.Single(await _h.WithDbAsync(db => db.BookingNotifications.ToListAsync())).BookingId);
    }

    [Fact]
    public async Task TwentyConcurrentWritesThatBypassTheServicesStillLeaveOneApprovedBooking()
    {
        var day = _h.Bookings.Date(DayOfWeek.Monday, weeks: 3);
        var ids = new List<int>();
        for (var n = 0; n < 20; n++)
        {
            var start = TestBookings.Oslo(day, 10).AddMinutes(10 * n);
            ids.Add((await _h.Bookings.AddAsync(_organisation, n % 2 == 0 ? _meeting : _whole, start, start.AddHours(3), status: BookingStatus.Pending)).Id);
        }

        // Each on a connection of its own, no check in code, no transaction: only the trigger stands in the way.
        var outcomes = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            try
            {
                await _h.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Bookings SET Status = 'Approved' WHERE Id = {0}", id));
                return true;
            }
            catch (SqliteException e) when (e.Message.Contains(Booking.OverlapError))
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
        Assert.Equal(1, await ApprovedCountAsync());
    }

    [Fact]
    public async Task AnEventAndABookingNeverOverlapBecauseTheEventHoldsItsSlotThroughABooking()
    {
        var staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        var day = _h.Bookings.Date(DayOfWeek.Tuesday, weeks: 3);
        var input = _h.Events.Input("Åpent møte om Stortorget", TestBookings.Oslo(day, 18));
        var eventId = await _h.Events.CreatePublishedAsync(input with { SpaceId = _whole.Id }, staff);
        var held = (await _h.Events.StoredAsync(eventId)).BookingId!.Value;
        Assert.Equal(BookingStatus.Approved, (await _h.Bookings.StoredAsync(held)).Status);

        // Written past every service, a booking of the meeting room inside the event's time is refused.
        await AssertRefusedAsync(() => InsertAsync(_meeting, TestBookings.Oslo(day, 19), TestBookings.Oslo(day, 20)));
        // Through the service: the request is told what holds the room – the event, under its public title.
        var request = await _h.Bookings.AddAsync(_organisation, _meeting, TestBookings.Oslo(day, 19), TestBookings.Oslo(day, 20), status: BookingStatus.Pending);
        var result = await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(request.Id, staff));
        Assert.Equal(BookingOutcome.Taken, result.Outcome);
        var conflict = Assert.Single(result.Conflicts!);
        Assert.Equal((VenueOccupantKinds.Event, eventId, "Åpent møte om Stortorget", true), (conflict.Kind, conflict.Id, conflict.Title, conflict.IsPublic));
    }
}
