using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Ical.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Bookings;

/// <summary>What the municipality accounts for (hours booked and used, utilisation, cancellations) and the venue's calendar feeds.</summary>
public sealed class BookingAccountsTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync(start: new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<Booking> SetAsync(Booking b, BookingStatus status, bool late = false, bool byStaff = false) =>
        _h.WithDbAsync(async db =>
        {
            await db.Bookings.Where(x => x.Id == b.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, status)
                .SetProperty(x => x.IsLateCancellation, late).SetProperty(x => x.ChangedByStaff, byStaff));
            return b;
        });

    [Fact]
    public async Task StatisticsCountHoursBookedAndUsedUtilisationAndCancellationsPerOrganisationSpaceAndMonth()
    {
        var courban = await _h.Bookings.OrganisationAsync("Co Urban");
        var ks = await _h.Bookings.OrganisationAsync("KS");
        var (meeting, whole) = (await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom), await _h.Bookings.SpaceAsync(TestBookings.Whole));
        DateTime Jan(int day, int hour, int minute = 0) => TestEvents.Oslo(2027, 1, day, hour, minute);
        await _h.Bookings.AddAsync(courban, meeting, Jan(5, 9), Jan(5, 11));                      // held, and over by the 20th
        await _h.Bookings.AddAsync(courban, meeting, Jan(26, 18), Jan(26, 21));                   // held, still ahead
        await SetAsync(await _h.Bookings.AddAsync(courban, meeting, Jan(13, 10), Jan(13, 11)), BookingStatus.Cancelled, late: true);
        await SetAsync(await _h.Bookings.AddAsync(courban, meeting, Jan(28, 10), Jan(28, 12)), BookingStatus.Cancelled);
        await SetAsync(await _h.Bookings.AddAsync(courban, meeting, Jan(14, 10), Jan(14, 12)), BookingStatus.Cancelled, byStaff: true);
        await _h.Bookings.AddAsync(courban, meeting, Jan(19, 10), Jan(19, 12), status: BookingStatus.Pending);
        await _h.Bookings.AddAsync(ks, whole, Jan(7, 9), Jan(7, 15, 30), "KS nettverkssamling");
        await _h.Bookings.AddAsync(ks, whole, TestEvents.Oslo(2027, 2, 2, 9), TestEvents.Oslo(2027, 2, 2, 12));
        _h.Clock.SetUtcNow(new DateTime(2027, 1, 20, 12, 0, 0, DateTimeKind.Utc));

        var report = await _h.WithAsync((BookingStatistics s) => s.ForYearAsync(2027));

        // January 2027 is lent 294 hours (Mon–Thu 14, Fri 10, Sat 6; New Year's Day closed).
        var january = report.ByMonth[0];
        Assert.Equal((12.5, 8.5, 294.0, 4.3), (january.BookedHours, january.UsedHours, january.OpenHours, january.UtilisationPercent));
        Assert.Equal((3, 2, 1), (january.Bookings, january.Cancellations, january.LateCancellations));
        var co = report.ByOrganisation.Single(o => o.Key.StartsWith("Co Urban"));
        Assert.Equal((6.0, 2.0, 2, 2, 1), (co.BookedHours, co.UsedHours, co.Bookings, co.Cancellations, co.LateCancellations));
        Assert.Equal(9.5, report.ByOrganisation.Single(o => o.Key.StartsWith("KS")).BookedHours);
        Assert.Equal([(TestBookings.Whole, 9.5), (TestBookings.MeetingRoom, 6.0)], report.BySpace.Select(s => (s.Key, s.BookedHours)));
        Assert.Equal(15.5, report.Total.BookedHours);
        Assert.Contains(report.Rows, r => r.Month == 2 && r.Organisation.StartsWith("KS") && r.Figures.BookedHours == 3);
    }

    [Fact]
    public async Task AWithdrawnRequestIsNoCancellationAndTwoRoomsBookedAtOnceAreOneHourOfTheVenue()
    {
        var courban = await _h.Bookings.OrganisationAsync("Co Urban");
        var ks = await _h.Bookings.OrganisationAsync("KS");
        var (meeting, workshop) = (await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom), await _h.Bookings.SpaceAsync(TestBookings.Workshop));
        DateTime Jan(int day, int hour) => TestEvents.Oslo(2027, 1, day, hour);
        // Withdrawn while pending: it never held the room.
        await SetAsync(await _h.Bookings.AddAsync(courban, meeting, Jan(12, 10), Jan(12, 12), status: BookingStatus.Pending), BookingStatus.Cancelled);
        // Two rooms side by side, 10–14 and 12–16: the venue is in use 10–16.
        await _h.Bookings.AddAsync(courban, meeting, Jan(13, 10), Jan(13, 14));
        await _h.Bookings.AddAsync(ks, workshop, Jan(13, 12), Jan(13, 16));
        _h.Clock.SetUtcNow(new DateTime(2027, 1, 20, 12, 0, 0, DateTimeKind.Utc));

        var report = await _h.WithAsync((BookingStatistics s) => s.ForYearAsync(2027));

        var january = report.ByMonth[0];
        Assert.Equal((6.0, 6.0, 0), (january.BookedHours, january.UsedHours, january.Cancellations));
        Assert.Equal((6.0, 0), (report.Total.BookedHours, report.Total.Cancellations));
        Assert.Equal((4.0, 0), report.ByOrganisation.Where(o => o.Key.StartsWith("Co Urban")).Select(o => (o.BookedHours, o.Cancellations)).Single());
        Assert.Equal([(TestBookings.MeetingRoom, 4.0), (TestBookings.Workshop, 4.0)], report.BySpace.Select(s => (s.Key, s.BookedHours)));
    }

    [Fact]
    public async Task ThePublicFeedListsWhatIsOpenToThePublicAndTheStaffFeedEverythingUntilItIsRevoked()
    {
        var ks = await _h.Bookings.OrganisationAsync("KS");
        var whole = await _h.Bookings.SpaceAsync(TestBookings.Whole);
        var open = await _h.Bookings.AddAsync(ks, whole, TestEvents.Oslo(2027, 1, 12, 18), TestEvents.Oslo(2027, 1, 12, 20), "Åpent møte om Hamar stasjon", isPublic: true);
        await _h.Bookings.AddAsync(ks, whole, TestEvents.Oslo(2027, 1, 13, 9), TestEvents.Oslo(2027, 1, 13, 11), "Internt styremøte");
        await _h.Bookings.AddAsync(ks, whole, TestEvents.Oslo(2027, 1, 14, 9), TestEvents.Oslo(2027, 1, 14, 11), "Venter på svar", status: BookingStatus.Pending);
        var staffUser = await _h.Users.CreateAsync("Sindre Bylab-ansatt", roles: [Roles.Staff]);

        var publicFeed = await _h.WithAsync((BookingFeeds f) => f.BookingsAsync(publicOnly: true));
        var staffFeed = await _h.WithAsync((BookingFeeds f) => f.BookingsAsync(publicOnly: false));
        Assert.Equal(["Åpent møte om Hamar stasjon"], publicFeed.Select(b => b.Title));
        Assert.Equal(["Åpent møte om Hamar stasjon", "Internt styremøte"], staffFeed.Select(b => b.Title));

        // As a calendar app reads it: Oslo time, one UID per booking.
        var ics = BookingCalendar.Feed("Bylab Hamar", publicFeed.Select(b => new BookingCalendarEntry(b.Id, b.Title, b.StartsAt, b.EndsAt, b.Sequence,
            $"{b.SpaceName}, Bylab Hamar", b.OrganisationName, "http://localhost/lokalet/kalender")).ToList(), _h.Now);
        var item = Assert.Single(Calendar.Load(ics)!.Events);
        Assert.Equal((BookingCalendar.Uid(open.Id), "Europe/Oslo", 18), (item.Uid, item.DtStart!.TzId, item.DtStart.Hour));

        var token = await _h.WithAsync((BookingFeeds f) => f.CreateTokenAsync(staffUser.Id));
        Assert.True(await _h.WithAsync((BookingFeeds f) => f.IsValidAsync(token)));
        Assert.False(await _h.WithAsync((BookingFeeds f) => f.IsValidAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'))));
        Assert.Equal(1, await _h.WithAsync((BookingFeeds f) => f.RevokeAsync(staffUser.Id)));
        Assert.False(await _h.WithAsync((BookingFeeds f) => f.IsValidAsync(token)));

        // A person who is no longer staff loses the feed with the role.
        var second = await _h.WithAsync((BookingFeeds f) => f.CreateTokenAsync(staffUser.Id));
        await _h.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByIdAsync(staffUser.Id))!, Roles.Staff)).Succeeded);
        });
        Assert.False(await _h.WithAsync((BookingFeeds f) => f.IsValidAsync(second)));
        Assert.Empty(await _h.WithDbAsync(db => db.StaffFeedTokens.Where(t => t.TokenHash.Contains(token)).ToListAsync()));
    }
}
