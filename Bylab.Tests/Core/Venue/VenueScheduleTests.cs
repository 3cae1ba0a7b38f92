using Bylab.Core.Bookings;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Venue;

/// <summary>The venue's days: public holidays computed (Easter moves), closures staff enter, lending hours; the calendar as each viewer may see it.</summary>
public sealed class VenueScheduleTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    public void EasterIsComputed(int year, int month, int day) => Assert.Equal(new DateOnly(year, month, day), NorwegianHolidays.Easter(year));

    [Fact]
    public void TheYearsPublicHolidaysMoveWithEaster()
    {
        var holidays = NorwegianHolidays.For(2027).ToDictionary(h => h.Key, h => h.Date);

        Assert.Equal(12, holidays.Count);
        Assert.Equal(new DateOnly(2027, 3, 25), holidays[NorwegianHolidays.MaundyThursday]);
        Assert.Equal(new DateOnly(2027, 3, 29), holidays[NorwegianHolidays.EasterMonday]);
        Assert.Equal(new DateOnly(2027, 5, 6), holidays[NorwegianHolidays.Ascension]);
        Assert.Equal(new DateOnly(2027, 5, 17), holidays[NorwegianHolidays.WhitMonday]);
        Assert.Equal(new DateOnly(2027, 12, 26), holidays[NorwegianHolidays.BoxingDay]);
        // 17 May and Whit Monday fall on the same day in 2027: the day is closed either way.
        Assert.NotNull(NorwegianHolidays.On(new DateOnly(2027, 5, 17)));
        Assert.Null(NorwegianHolidays.On(new DateOnly(2027, 12, 24)));
    }

    [Fact]
    public async Task StaffChangeTheHoursAndAddAClosedDayAndTheCalendarFollows()
    {
        var staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        var venue = (await _h.WithAsync((VenueAdminService s) => s.FindAsync(Bylab.Core.Venue.Venue.BylabSlug)))!;
        var monday = _h.Bookings.Date(DayOfWeek.Monday, 1);
        var viewer = VenueViewer.Anonymous;
        var before = (await _h.WithAsync((VenueAgenda a) => a.RangeAsync(venue.Slug, null, monday, monday.AddDays(6), viewer)))!;
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(22, 0)), (before.Days[0].Day.Opens!.Value, before.Days[0].Day.Closes!.Value));
        Assert.False(before.Days[6].Day.IsOpen);

        // Mondays 12–20 now, Sundays 12–16; Wednesday closed for a staff seminar.
        var input = VenueInput.From(venue);
        var hours = input.Hours.Select(h => h.Day switch
        {
            DayOfWeek.Monday => h with { LendOpens = new TimeOnly(12, 0), LendCloses = new TimeOnly(20, 0) },
            DayOfWeek.Sunday => h with { LendOpens = new TimeOnly(12, 0), LendCloses = new TimeOnly(16, 0) },
            _ => h,
        }).ToList();
        Assert.Equal(VenueAdminOutcome.Saved, (await _h.WithAsync((VenueAdminService s) => s.UpdateAsync(venue.Id, input with { Hours = hours }, staff))).Outcome);
        Assert.Equal(VenueAdminOutcome.Saved, (await _h.WithAsync((VenueAdminService s) =>
            s.AddClosureAsync(venue.Id, ClosureKind.OneOff, monday.AddDays(2), monday.AddDays(2), "Fagdag for de ansatte", staff))).Outcome);

        var after = (await _h.WithAsync((VenueAgenda a) => a.RangeAsync(venue.Slug, null, monday, monday.AddDays(6), viewer)))!;
        Assert.Equal((new TimeOnly(12, 0), new TimeOnly(20, 0)), (after.Days[0].Day.Opens!.Value, after.Days[0].Day.Closes!.Value));
        Assert.Equal("Fagdag for de ansatte", after.Days[2].Day.Closed!.Reason);
        Assert.Empty(after.Days[2].Free);
        Assert.True(after.Days[6].Day.IsOpen);
        Assert.Equal([(TestBookings.Oslo(monday, 12), TestBookings.Oslo(monday, 20))], after.Days[0].Free.Select(f => (f.From, f.Until)));
    }

    [Fact]
    public async Task ClosingHoursBeforeOpeningAndAClosureEndingBeforeItStartsAreRefused()
    {
        var staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        var venue = (await _h.WithAsync((VenueAdminService s) => s.FindAsync(Bylab.Core.Venue.Venue.BylabSlug)))!;
        var input = VenueInput.From(venue);
        var hours = input.Hours.Select(h => h.Day == DayOfWeek.Tuesday ? h with { LendOpens = new TimeOnly(18, 0), LendCloses = new TimeOnly(9, 0) } : h).ToList();

        var result = await _h.WithAsync((VenueAdminService s) => s.UpdateAsync(venue.Id, input with { Hours = hours, Name = "" }, staff));
        var closure = await _h.WithAsync((VenueAdminService s) => s.AddClosureAsync(venue.Id, ClosureKind.Summer, new DateOnly(2027, 8, 1), new DateOnly(2027, 7, 1), "Sommer", staff));

        Assert.Equal(VenueAdminOutcome.InvalidInput, result.Outcome);
        Assert.Contains(result.Errors!, e => e.Field == "Hours[1].LendCloses" && e.Code == VenueRules.ClosesBeforeOpens);
        Assert.Contains(result.Errors!, e => e.Field == nameof(VenueInput.Name));
        Assert.Equal((VenueAdminOutcome.InvalidInput, "LastDate"), (closure.Outcome, closure.Errors![0].Field));
        Assert.Equal(new TimeOnly(8, 0), (await _h.WithAsync((VenueAdminService s) => s.FindAsync(venue.Slug)))!.LendingHours.Single(h => h.Day == DayOfWeek.Tuesday).Opens);
    }

    [Fact]
    public async Task TheCalendarShowsTitlesOnlyOfPublicUsesAndOfTheViewersOwnOrganisation()
    {
        var member = (await _h.Users.CreateAsync("Ola Arkitekt")).Id;
        var dark = await _h.Bookings.OrganisationAsync("Dark Arkitekter", memberIds: member);
        var ks = await _h.Bookings.OrganisationAsync("KS");
        var (meeting, whole) = (await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom), await _h.Bookings.SpaceAsync(TestBookings.Whole));
        var date = _h.Bookings.Date(DayOfWeek.Tuesday);
        await _h.Bookings.AddAsync(dark, meeting, TestBookings.Oslo(date, 9), TestBookings.Oslo(date, 11), "Forberedelse til verkstedet");
        await _h.Bookings.AddAsync(ks, whole, TestBookings.Oslo(date, 13), TestBookings.Oslo(date, 15), "KS: internt strategimøte");
        await _h.Bookings.AddAsync(ks, whole, TestBookings.Oslo(date, 18), TestBookings.Oslo(date, 20), "KS: åpent nettverksmøte", isPublic: true);
        await _h.Bookings.AddAsync(ks, whole, TestBookings.Oslo(date, 20, 30), TestBookings.Oslo(date, 21, 30), "KS: venter", status: BookingStatus.Pending);

        async Task<List<string?>> LabelsAsync(VenueViewer viewer) =>
            (await _h.WithAsync((VenueAgenda a) => a.RangeAsync(Bylab.Core.Venue.Venue.BylabSlug, null, date, date, viewer)))!
                .Days.Single().Items.Select(i => i.Label).ToList();

        Assert.Equal([null, null, "KS: åpent nettverksmøte"], await LabelsAsync(VenueViewer.Anonymous));
        Assert.Equal(["Forberedelse til verkstedet", null, "KS: åpent nettverksmøte"], await LabelsAsync(new VenueViewer(member, false, new HashSet<int> { dark })));
        Assert.Equal(["Forberedelse til verkstedet", "KS: internt strategimøte", "KS: åpent nettverksmøte"], await LabelsAsync(new VenueViewer("staff", true, new HashSet<int>())));
    }

    [Fact]
    public async Task FreeTimeOfferedToAnOrganiserIsTimeARequestMayAskFor()
    {
        // Monday 13:00: the meeting room wants 24 hours' notice, the whole venue 72; staff may use the venue from now on.
        var tuesday = new DateOnly(2026, 11, 24);
        var organiser = new VenueViewer("organiser", false, new HashSet<int>());
        var staff = new VenueViewer("staff", true, new HashSet<int>());
        var meeting = await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom);

        async Task<List<(DateTime, DateTime)>> FreeAsync(int? space, DateOnly date, VenueViewer viewer) =>
            (await _h.WithAsync((VenueAgenda a) => a.RangeAsync(Bylab.Core.Venue.Venue.BylabSlug, space, date, date, viewer)))!
                .Days.Single().Free.Select(f => (f.From, f.Until)).ToList();

        Assert.Equal([(TestBookings.Oslo(tuesday, 13), TestBookings.Oslo(tuesday, 22))], await FreeAsync(meeting.Id, tuesday, organiser));
        Assert.Equal([(TestBookings.Oslo(tuesday, 8), TestBookings.Oslo(tuesday, 22))], await FreeAsync(meeting.Id, tuesday, staff));
        Assert.Empty(await FreeAsync(null, tuesday.AddDays(1), organiser));
        Assert.Equal([(TestBookings.Oslo(tuesday.AddDays(2), 13), TestBookings.Oslo(tuesday.AddDays(2), 22))], await FreeAsync(null, tuesday.AddDays(2), organiser));
        // Beyond how far ahead the room may be asked for (120 days) nothing is offered; the day before yesterday is over.
        Assert.Empty(await FreeAsync(meeting.Id, tuesday.AddDays(140), organiser));
        Assert.NotEmpty(await FreeAsync(meeting.Id, tuesday.AddDays(140), staff));
        var past = (await _h.WithAsync((VenueAgenda a) => a.RangeAsync(Bylab.Core.Venue.Venue.BylabSlug, null, tuesday.AddDays(-3), tuesday.AddDays(-3), staff)))!;
        Assert.True(past.Days.Single().IsPast);
    }

    [Fact]
    public async Task FreeTimeLeavesRoomForTheBuffersOfBothUses()
    {
        var organisation = await _h.Bookings.OrganisationAsync();
        var (meeting, workshop) = (await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom), await _h.Bookings.SpaceAsync(TestBookings.Workshop));
        var date = _h.Bookings.Date(DayOfWeek.Thursday);
        // The workshop area (30 minutes each side) 12–14: the whole venue, which contains it, is busy 11:00–14:30 plus its own 30 minutes.
        await _h.Bookings.AddAsync(organisation, workshop, TestBookings.Oslo(date, 12), TestBookings.Oslo(date, 14));

        var whole = (await _h.WithAsync((VenueAgenda a) => a.RangeAsync(Bylab.Core.Venue.Venue.BylabSlug, null, date, date, VenueViewer.Anonymous)))!.Days.Single();
        var room = (await _h.WithAsync((VenueAgenda a) => a.RangeAsync(Bylab.Core.Venue.Venue.BylabSlug, meeting.Id, date, date, VenueViewer.Anonymous)))!.Days.Single();

        Assert.Equal([(TestBookings.Oslo(date, 8), TestBookings.Oslo(date, 11)), (TestBookings.Oslo(date, 15), TestBookings.Oslo(date, 22))],
            whole.Free.Select(f => (f.From, f.Until)));
        // The meeting room is beside the workshop area: free all day.
        Assert.Equal([(TestBookings.Oslo(date, 8), TestBookings.Oslo(date, 22))], room.Free.Select(f => (f.From, f.Until)));
    }
}
