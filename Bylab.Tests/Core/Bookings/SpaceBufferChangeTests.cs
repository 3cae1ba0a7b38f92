using Bylab.Core.Bookings;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Bookings;

/// <summary>
/// Staff change a space's setup or cleaning time: what holds the space from then on is held with the new buffers, so
/// the database's trigger and the services' check agree; a change that would put approved bookings on top of each
/// other is refused. A date of a series the database refuses is listed, never lost.
/// </summary>
public sealed class SpaceBufferChangeTests : IAsyncLifetime
{
    private CoreHarness _h = null!;
    private string _member = "", _staff = "";
    private int _organisation, _venue;

    public async Task InitializeAsync()
    {
        _h = await CoreHarness.CreateAsync();
        _member = (await _h.Users.CreateAsync("Una Ungdomsråd", email: TestData.UniqueEmail("ungdomsraadet"))).Id;
        _staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        _organisation = await _h.Bookings.OrganisationAsync("Ungdomsrådet", memberIds: _member);
        _venue = (await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom)).VenueId;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static SpaceInput Input(string name, int setup, int cleanup) =>
        new(name, null, null, 10, SpaceEquipment.None, setup, cleanup, 30, 720, 24, 120, true, 50);

    /// <summary>A space of its own (no other space contains it), so the test's bookings meet nothing else.</summary>
    private async Task<Space> NewSpaceAsync(string name, int setup, int cleanup)
    {
        var saved = await _h.WithAsync((VenueAdminService s) => s.SaveSpaceAsync(_venue, null, Input(name, setup, cleanup), _staff));
        Assert.Equal(VenueAdminOutcome.Saved, saved.Outcome);
        return await _h.WithDbAsync(db => db.Spaces.AsNoTracking().SingleAsync(s => s.Id == saved.Id));
    }

    private Task<VenueAdminResult> BuffersAsync(Space space, int setup, int cleanup) =>
        _h.WithAsync((VenueAdminService s) => s.SaveSpaceAsync(_venue, space.Id, Input(space.Name, setup, cleanup), _staff));

    [Fact]
    public async Task ABufferThatWouldPutApprovedBookingsOnTopOfEachOtherIsRefusedAndOneThatFitsMovesTheHeldTimesAndTheDoorCode()
    {
        var space = await NewSpaceAsync("Lydstudioet", 0, 0);
        var date = _h.Bookings.Date(DayOfWeek.Tuesday);
        var first = await _h.Bookings.AddAsync(_organisation, space, TestBookings.Oslo(date, 10), TestBookings.Oslo(date, 12));
        var second = await _h.Bookings.AddAsync(_organisation, space, TestBookings.Oslo(date, 12, 30), TestBookings.Oslo(date, 14), status: BookingStatus.Pending);
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(second.Id, _staff))).Outcome);

        // 45 minutes of cleaning would hold the first until 12:45, past the second's start at 12:30.
        var refused = await BuffersAsync(space, 0, 45);

        Assert.Equal(VenueAdminOutcome.InvalidInput, refused.Outcome);
        var error = Assert.Single(refused.Errors!);
        Assert.Equal((nameof(SpaceInput.CleanupMinutes), SpaceRules.BuffersWouldOverlap), (error.Field, error.Code));
        Assert.Equal(0, (await _h.WithDbAsync(db => db.Spaces.SingleAsync(s => s.Id == space.Id))).CleanupMinutes);
        Assert.Equal((first.StartsAt, first.EndsAt), ((await _h.Bookings.StoredAsync(first.Id)).BlockStartsAt, (await _h.Bookings.StoredAsync(first.Id)).BlockEndsAt));

        // 15 minutes to set up fits: both are held with it, and the second's door opens 15 minutes early.
        Assert.Equal(VenueAdminOutcome.Saved, (await BuffersAsync(space, 15, 0)).Outcome);

        var (a, b) = (await _h.Bookings.StoredAsync(first.Id), await _h.Bookings.StoredAsync(second.Id));
        Assert.Equal((a.StartsAt.AddMinutes(-15), a.EndsAt), (a.BlockStartsAt, a.BlockEndsAt));
        Assert.Equal((b.StartsAt.AddMinutes(-15), b.EndsAt), (b.BlockStartsAt, b.BlockEndsAt));
        var code = (await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(second.Id, default)))!;
        Assert.Equal(b.StartsAt.AddMinutes(-15), code.ValidFrom);
    }

    [Fact]
    public async Task AfterABufferIsShortenedARequestThatNowFitsIsApproved()
    {
        var space = await NewSpaceAsync("Podkaststudioet", 30, 30);
        var date = _h.Bookings.Date(DayOfWeek.Wednesday);
        var held = await _h.Bookings.AddAsync(_organisation, space, TestBookings.Oslo(date, 10), TestBookings.Oslo(date, 12));
        var waiting = await _h.Bookings.AddAsync(_organisation, space, TestBookings.Oslo(date, 12, 30), TestBookings.Oslo(date, 14), status: BookingStatus.Pending);
        Assert.Equal(BookingOutcome.Taken, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(waiting.Id, _staff))).Outcome);

        Assert.Equal(VenueAdminOutcome.Saved, (await BuffersAsync(space, 0, 0)).Outcome);

        var assessment = (await _h.WithAsync((BookingDecisionService s) => s.AssessAsync(waiting.Id)))!;
        Assert.Empty(assessment.Conflicts);
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(waiting.Id, _staff))).Outcome);
        var stored = await _h.Bookings.StoredAsync(held.Id);
        Assert.Equal((stored.StartsAt, stored.EndsAt), (stored.BlockStartsAt, stored.BlockEndsAt));
    }

    [Fact]
    public async Task ADateOfASeriesTheDatabaseRefusesIsListedAsCollidingAndTheOtherDatesAreApproved()
    {
        var meeting = await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom);
        var first = _h.Bookings.Date(DayOfWeek.Monday, weeks: 3);
        var ids = await _h.Bookings.RequestAsync(TestBookings.Input(_organisation, meeting.Id, first, 18, repeat: RepeatInterval.Weekly, occurrences: 3), _member);
        var seriesId = (await _h.Bookings.StoredAsync(ids[0])).SeriesId!.Value;
        // The database refuses the second date as it would a write from a second instance that got there first.
#pragma warning disable EF1002 // DDL cannot take parameters; the id is the test's own number and the message a constant.
        await _h.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"""
            CREATE TRIGGER TR_Test_RefuseOne BEFORE UPDATE OF Status ON Bookings WHEN NEW.Id = {ids[1]} AND NEW.Status = 'Approved'
            BEGIN SELECT RAISE(ABORT, '{Booking.OverlapError}'); END;
            """));
#pragma warning restore EF1002

        var decision = await _h.WithAsync((BookingDecisionService s) => s.ApproveSeriesAsync(seriesId, _staff));

        await _h.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER TR_Test_RefuseOne"));
        Assert.Equal(BookingOutcome.Done, decision.Outcome);
        Assert.Equal([ids[0], ids[2]], decision.Approved);
        Assert.Equal(first.AddDays(7), Assert.Single(decision.Colliding).Date);
        Assert.Equal([BookingStatus.Approved, BookingStatus.Pending, BookingStatus.Approved],
            [(await _h.Bookings.StoredAsync(ids[0])).Status, (await _h.Bookings.StoredAsync(ids[1])).Status, (await _h.Bookings.StoredAsync(ids[2])).Status]);
        Assert.NotNull(await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(ids[2], default)));
    }
}
