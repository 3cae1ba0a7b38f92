using Bylab.Core.Bookings;
using Bylab.Core.Events;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Bookings;

/// <summary>
/// Rules of lending the venue at their edges: one date of a series approved on its own, the summer closing, the quota
/// counted per Europe/Oslo month and shown at approval, and a public feed that names nothing private.
/// </summary>
public sealed class BookingRulesCoverageTests : IAsyncLifetime
{
    private CoreHarness _h = null!;
    private string _member = "", _staff = "";
    private int _organisation;
    private Space _meeting = null!, _whole = null!;

    // Monday 3 May 2027: July and the turn of May and June are within how far ahead the meeting room may be asked for.
    public async Task InitializeAsync()
    {
        _h = await CoreHarness.CreateAsync(start: new DateTime(2027, 5, 3, 9, 0, 0, DateTimeKind.Utc));
        _member = (await _h.Users.CreateAsync("Una Ungdom", email: TestData.UniqueEmail("ungdom"))).Id;
        _staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        _organisation = await _h.Bookings.OrganisationAsync("Ungdomsrådet", quotaHours: 4, memberIds: _member);
        (_meeting, _whole) = (await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom), await _h.Bookings.SpaceAsync(TestBookings.Whole));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<BookingResult> TryRequestAsync(DateOnly date, int hour = 18, double hours = 2) =>
        _h.WithAsync((BookingRequestService s) => s.RequestAsync(TestBookings.Input(_organisation, _meeting.Id, date, hour, hours), _member));

    private Task<BookingStatus[]> StatusesAsync(IEnumerable<int> ids) =>
        _h.WithDbAsync(async db => (await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.Id)).OrderBy(b => b.StartsAt).Select(b => b.Status).ToListAsync()).ToArray());

    [Fact]
    public async Task OneDateOfASeriesIsApprovedOnItsOwnAndTheOthersWaitForTheirOwnDecision()
    {
        await _h.WithDbAsync(db => db.Organisations.Where(o => o.Id == _organisation).ExecuteUpdateAsync(s => s.SetProperty(o => o.MonthlyQuotaHours, (int?)null)));
        var ids = await _h.Bookings.RequestAsync(TestBookings.Input(_organisation, _meeting.Id, new DateOnly(2027, 5, 19), 18, repeat: RepeatInterval.Weekly,
            occurrences: 3), _member);

        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(ids[1], _staff))).Outcome);

        Assert.Equal([BookingStatus.Pending, BookingStatus.Approved, BookingStatus.Pending], await StatusesAsync(ids));
        Assert.Null(await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(ids[0], default)));
        Assert.NotNull(await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(ids[1], default)));
        // The rest of the series is still decided whole: the date already approved is not approved twice.
        var seriesId = (await _h.Bookings.StoredAsync(ids[0])).SeriesId!.Value;
        var rest = await _h.WithAsync((BookingDecisionService s) => s.ApproveSeriesAsync(seriesId, _staff));
        Assert.Equal([ids[0], ids[2]], rest.Approved);
    }

    [Fact]
    public async Task TheSummerClosingClosesEveryDayOfItAndARequestInItIsRefusedOnTheDate()
    {
        var venue = (await _h.WithAsync((VenueAdminService s) => s.FindAsync(Bylab.Core.Venue.Venue.BylabSlug)))!;
        Assert.Equal(VenueAdminOutcome.Saved, (await _h.WithAsync((VenueAdminService s) =>
            s.AddClosureAsync(venue.Id, ClosureKind.Summer, new DateOnly(2027, 7, 5), new DateOnly(2027, 8, 6), "Sommerstengt", _staff))).Outcome);

        var refused = await TryRequestAsync(new DateOnly(2027, 7, 14));
        var days = await _h.WithAsync((VenueSchedule s) => s.DaysAsync(venue.Id, new DateOnly(2027, 7, 2), new DateOnly(2027, 8, 9)));

        Assert.Equal(BookingOutcome.InvalidInput, refused.Outcome);
        Assert.Contains(refused.Problems!, p => p.Code == BookingErrors.ClosedDay);
        Assert.Equal(0, await _h.WithDbAsync(db => db.Bookings.CountAsync(b => b.OrganisationId == _organisation)));
        var summer = days.Where(d => d.Date >= new DateOnly(2027, 7, 5) && d.Date <= new DateOnly(2027, 8, 6)).ToList();
        Assert.Equal(33, summer.Count);
        Assert.All(summer, d => Assert.Equal(ClosureKind.Summer, d.Closed?.Kind));
        Assert.True(days.Single(d => d.Date == new DateOnly(2027, 7, 2)).IsOpen);
        Assert.True(days.Single(d => d.Date == new DateOnly(2027, 8, 9)).IsOpen);
    }

    [Fact]
    public async Task TheQuotaCountsABookingInTheOsloMonthItStartsInNotTheUtcOne()
    {
        // 1 June 00:00–03:00 in Oslo is 31 May 22:00 UTC: three of June's four hours.
        await _h.Bookings.AddAsync(_organisation, _whole, TestEvents.Oslo(2027, 6, 1, 0), TestEvents.Oslo(2027, 6, 1, 3), "Nattvandring");

        var may = await TryRequestAsync(new DateOnly(2027, 5, 27));
        var june = await TryRequestAsync(new DateOnly(2027, 6, 3));

        Assert.Equal(BookingOutcome.Done, may.Outcome);
        Assert.Equal(BookingOutcome.InvalidInput, june.Outcome);
        var over = Assert.Single(june.Problems!);
        Assert.Equal((nameof(BookingInput.OrganisationId), BookingErrors.OverQuota), (over.Field, over.Code));
    }

    [Fact]
    public async Task StaffSeeAtApprovalThatTheQuotaWouldBeExceededAfterItWasLowered()
    {
        var first = Assert.Single((await TryRequestAsync(new DateOnly(2027, 5, 20))).BookingIds!);
        var second = Assert.Single((await TryRequestAsync(new DateOnly(2027, 5, 25))).BookingIds!);
        var within = (await _h.WithAsync((BookingDecisionService s) => s.AssessAsync(second)))!;
        Assert.False(Assert.Single(within.Quota!).IsExceeded);

        await _h.WithDbAsync(db => db.Organisations.Where(o => o.Id == _organisation).ExecuteUpdateAsync(s => s.SetProperty(o => o.MonthlyQuotaHours, 2)));
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(first, _staff))).Outcome);
        var assessment = (await _h.WithAsync((BookingDecisionService s) => s.AssessAsync(second)))!;

        var quota = Assert.Single(assessment.Quota!);
        Assert.Equal((2027, 5, 2, 2.0, 2.0, true), (quota.Year, quota.Month, quota.QuotaHours, quota.UsedHours, quota.AddedHours, quota.IsExceeded));
    }

    [Fact]
    public async Task ThePublicFeedNamesNeitherADraftEventNorAPrivateBookingAnEventIsHeldThrough()
    {
        var published = await _h.Events.CreatePublishedAsync(
            _h.Events.Input("Folkemøte om budsjettet", TestEvents.Oslo(2027, 5, 18, 18)) with { SpaceId = _whole.Id }, _staff);
        await _h.Events.CreateAsync(_h.Events.Input("Utkast: kommunens strategimøte", TestEvents.Oslo(2027, 5, 19, 18)) with { SpaceId = _whole.Id }, _staff);
        var held = await _h.Bookings.AddAsync(_organisation, _whole, TestEvents.Oslo(2027, 5, 20, 17), TestEvents.Oslo(2027, 5, 20, 21), "Intern planlegging");
        var draft = await _h.WithAsync((EventService s) => s.CreateAsync(
            _h.Events.Input("Hemmelig utkast fra Ungdomsrådet", TestEvents.Oslo(2027, 5, 20, 18)) with { OrganisationId = _organisation, SpaceId = _whole.Id },
            EventActor.Organiser(_member), EventRoom.Existing(held.Id)));
        Assert.Equal((EventSaveOutcome.Saved, EventRoomState.Held), (draft.Outcome, draft.Room));

        var publicFeed = await _h.WithAsync((BookingFeeds f) => f.BookingsAsync(publicOnly: true));
        var staffFeed = await _h.WithAsync((BookingFeeds f) => f.BookingsAsync(publicOnly: false));

        Assert.Equal(["Folkemøte om budsjettet"], publicFeed.Select(b => b.Title));
        Assert.Equal((await _h.Events.StoredAsync(published)).BookingId, Assert.Single(publicFeed).Id);
        Assert.Equal(3, staffFeed.Count);
    }

    [Fact]
    public async Task TheQueueShowsEachRequestsCollisionsInRelatedSpacesAndClosedDaysReadOnceForTheWholeQueue()
    {
        await _h.WithDbAsync(db => db.Organisations.Where(o => o.Id == _organisation).ExecuteUpdateAsync(s => s.SetProperty(o => o.MonthlyQuotaHours, (int?)null)));
        var venue = (await _h.WithAsync((VenueAdminService s) => s.FindAsync(Bylab.Core.Venue.Venue.BylabSlug)))!;
        var colliding = Assert.Single((await TryRequestAsync(new DateOnly(2027, 5, 19))).BookingIds!);
        var closed = Assert.Single((await TryRequestAsync(new DateOnly(2027, 5, 20))).BookingIds!);
        var clean = Assert.Single((await TryRequestAsync(new DateOnly(2027, 5, 18))).BookingIds!);
        // The whole venue contains the meeting room: staff's block there, with its cleaning time, reaches into the request's setup.
        var whole = await _h.Bookings.AddAsync(await _h.Bookings.MunicipalityIdAsync(), _whole, TestEvents.Oslo(2027, 5, 19, 12), TestEvents.Oslo(2027, 5, 19, 17, 50),
            "Kommunens seminar", kind: BookingKind.Block);
        Assert.Equal(VenueAdminOutcome.Saved, (await _h.WithAsync((VenueAdminService s) =>
            s.AddClosureAsync(venue.Id, ClosureKind.OneOff, new DateOnly(2027, 5, 20), new DateOnly(2027, 5, 20), "Vannlekkasje", _staff))).Outcome);

        var queue = (await _h.WithAsync((BookingQueries q) => q.QueueAsync())).ToDictionary(i => i.Booking.Id);

        Assert.Equal([whole.Id], queue[colliding].Conflicts.Select(c => c.Id));
        Assert.Empty(queue[colliding].Problems);
        Assert.Equal([BookingErrors.ClosedDay], queue[closed].Problems.Select(p => p.Code));
        Assert.Empty(queue[closed].Conflicts);
        Assert.Equal((0, 0), (queue[clean].Conflicts.Count, queue[clean].Problems.Count));
    }
}
