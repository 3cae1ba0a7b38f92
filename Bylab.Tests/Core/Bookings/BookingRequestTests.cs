using Bylab.Core.Bookings;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Bookings;

/// <summary>An organisation asks for the venue: every rule of a request is held on the server, and nothing is stored when one is broken.</summary>
public sealed class BookingRequestTests : IAsyncLifetime
{
    private CoreHarness _h = null!;
    private string _member = "", _staff = "";
    private int _organisation;
    private Space _meeting = null!;

    public async Task InitializeAsync()
    {
        _h = await CoreHarness.CreateAsync();
        _member = (await _h.Users.CreateAsync("Sara Ungdom")).Id;
        _staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        _organisation = await _h.Bookings.OrganisationAsync("Ungdomsrådet", quotaHours: 12, _member);
        _meeting = await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private BookingInput Tuesday(int hour = 18, double hours = 2, int weeks = 2) =>
        TestBookings.Input(_organisation, _meeting.Id, _h.Bookings.Date(DayOfWeek.Tuesday, weeks), hour, hours);

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "end-before-start", nameof(BookingInput.EndsAt), BookingErrors.EndBeforeStart },
        { "zero-length", nameof(BookingInput.EndsAt), BookingErrors.EndBeforeStart },
        { "twenty-four-hours", nameof(BookingInput.EndsAt), BookingErrors.TooLongBooking },
        { "too-short", nameof(BookingInput.EndsAt), BookingErrors.TooShort },
        { "before-opening", nameof(BookingInput.StartsAt), BookingErrors.OutsideHours },
        { "after-closing", nameof(BookingInput.EndsAt), BookingErrors.OutsideHours },
        { "sunday", nameof(BookingInput.StartsAt), BookingErrors.ClosedDay },
        { "christmas-day", nameof(BookingInput.StartsAt), BookingErrors.ClosedDay },
        { "staff-seminar", nameof(BookingInput.StartsAt), BookingErrors.ClosedDay },
        { "in-the-past", nameof(BookingInput.StartsAt), BookingErrors.InThePast },
        { "too-soon", nameof(BookingInput.StartsAt), BookingErrors.TooSoon },
        { "too-far-ahead", nameof(BookingInput.StartsAt), BookingErrors.TooFarAhead },
        { "over-capacity", nameof(BookingInput.ExpectedPeople), BookingErrors.OverCapacity },
        { "no-people", nameof(BookingInput.ExpectedPeople), BookingErrors.OutOfRange },
        { "over-quota", nameof(BookingInput.OrganisationId), BookingErrors.OverQuota },
        { "another-organisation", nameof(BookingInput.OrganisationId), BookingErrors.NotMember },
        { "unknown-organisation", nameof(BookingInput.OrganisationId), BookingErrors.UnknownOrganisation },
        { "unknown-space", nameof(BookingInput.SpaceId), BookingErrors.UnknownSpace },
        { "missing-equipment", nameof(BookingInput.Equipment), BookingErrors.EquipmentMissing },
        { "no-purpose", nameof(BookingInput.Purpose), BookingErrors.Required },
        { "long-purpose", nameof(BookingInput.Purpose), BookingErrors.TooLong },
        { "one-date-series", nameof(BookingInput.Occurrences), BookingErrors.OutOfRange },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ARequestThatBreaksARuleIsRefusedOnItsFieldAndNothingIsStored(string name, string field, string code)
    {
        var valid = Tuesday();
        var input = name switch
        {
            "end-before-start" => valid with { EndsAt = valid.StartsAt.AddHours(-1) },
            "zero-length" => valid with { EndsAt = valid.StartsAt },
            "twenty-four-hours" => valid with { StartsAt = TestBookings.Oslo(_h.Bookings.Date(DayOfWeek.Tuesday), 8), EndsAt = TestBookings.Oslo(_h.Bookings.Date(DayOfWeek.Wednesday), 8) },
            "too-short" => valid with { EndsAt = valid.StartsAt.AddMinutes(20) },
            "before-opening" => Tuesday(hour: 7),
            "after-closing" => Tuesday(hour: 21),
            "sunday" => TestBookings.Input(_organisation, _meeting.Id, _h.Bookings.Date(DayOfWeek.Sunday), 12),
            // 25 December 2026 is a Friday; Friday is lent 08–18.
            "christmas-day" => TestBookings.Input(_organisation, _meeting.Id, new DateOnly(2026, 12, 25), 10),
            "staff-seminar" => TestBookings.Input(_organisation, _meeting.Id, _h.Bookings.Date(DayOfWeek.Thursday, 3), 10),
            "in-the-past" => TestBookings.Input(_organisation, _meeting.Id, new DateOnly(2026, 11, 23), 9),
            // Monday 13:00 now; the meeting room wants 24 hours' notice.
            "too-soon" => TestBookings.Input(_organisation, _meeting.Id, new DateOnly(2026, 11, 24), 10),
            "too-far-ahead" => TestBookings.Input(_organisation, _meeting.Id, _h.Bookings.Date(DayOfWeek.Tuesday, 20), 10),
            "over-capacity" => valid with { ExpectedPeople = _meeting.Capacity + 1 },
            "no-people" => valid with { ExpectedPeople = 0 },
            "over-quota" => TestBookings.Input(_organisation, _meeting.Id, _h.Bookings.Date(DayOfWeek.Wednesday, 1), 9, hours: 5),
            "another-organisation" => valid with { OrganisationId = await _h.Bookings.OrganisationAsync("Dark Arkitekter") },
            "unknown-organisation" => valid with { OrganisationId = 9999 },
            "unknown-space" => valid with { SpaceId = 9999 },
            "missing-equipment" => valid with { Equipment = SpaceEquipment.Kitchen },
            "no-purpose" => valid with { Purpose = "   " },
            "long-purpose" => valid with { Purpose = new string('a', Booking.PurposeMaxLength + 1) },
            "one-date-series" => valid with { Repeat = RepeatInterval.Weekly, Occurrences = 1 },
            _ => throw new ArgumentException(name),
        };
        if (name == "staff-seminar")
        {
            var date = _h.Bookings.Date(DayOfWeek.Thursday, 3);
            Assert.Equal(VenueAdminOutcome.Saved, (await _h.WithAsync((VenueAdminService s) =>
                s.AddClosureAsync(_meeting.VenueId, ClosureKind.OneOff, date, date, "Fagdag for de ansatte", _staff))).Outcome);
        }
        if (name == "over-quota")
        {
            // 12 hours a month: 8 already asked for the day before, in the same month; 5 more is too many.
            var asked = input.StartsAt.AddDays(-1);
            await _h.Bookings.AddAsync(_organisation, _meeting, asked, asked.AddHours(8), status: BookingStatus.Pending);
        }
        var before = await _h.WithDbAsync(db => db.Bookings.CountAsync());

        var result = await _h.WithAsync((BookingRequestService s) => s.RequestAsync(input, _member));

        Assert.Equal(BookingOutcome.InvalidInput, result.Outcome);
        Assert.Contains(result.Problems!, p => p.Field == field && p.Code == code);
        Assert.Equal(before, await _h.WithDbAsync(db => db.Bookings.CountAsync()));
        Assert.DoesNotContain(await _h.AuditAsync(), a => a.Action.StartsWith("booking."));
    }

    [Fact]
    public async Task AClosedDaySaysWhyItIsClosed()
    {
        var result = await _h.WithAsync((BookingRequestService s) => s.RequestAsync(
            TestBookings.Input(_organisation, _meeting.Id, new DateOnly(2026, 12, 25), 10), _member));

        var problem = Assert.Single(result.Problems!);
        Assert.Equal((NorwegianHolidays.ChristmasDay, new DateOnly(2026, 12, 25)), (problem.Closed!.HolidayKey, problem.Date));
    }

    [Fact]
    public async Task ARequestHoldsNothingUntilStaffApproveIt()
    {
        var input = Tuesday();
        var first = Assert.Single(await _h.Bookings.RequestAsync(input, _member));
        // Another organisation may ask for the same time: only an approved booking holds the room.
        var other = await _h.Bookings.OrganisationAsync("Co Urban", memberIds: _member);
        var second = Assert.Single(await _h.Bookings.RequestAsync(input with { OrganisationId = other }, _member));

        var stored = await _h.Bookings.StoredAsync(first);
        Assert.Equal((BookingStatus.Pending, BookingKind.Request, _member), (stored.Status, stored.Kind, stored.RequestedById));
        Assert.Equal((input.StartsAt.AddMinutes(-15), input.EndsAt.AddMinutes(15)), (stored.BlockStartsAt, stored.BlockEndsAt));
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(first, _staff))).Outcome);

        var refused = await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(second, _staff));
        Assert.Equal(BookingOutcome.Taken, refused.Outcome);
        Assert.Equal(first, Assert.Single(refused.Conflicts!).Id);
        Assert.Equal(BookingStatus.Pending, (await _h.Bookings.StoredAsync(second)).Status);
    }

    [Fact]
    public async Task AFortnightlySeriesListsTheDateThatCollidesWithAnEventAndCanLeaveItOut()
    {
        var first = _h.Bookings.Date(DayOfWeek.Wednesday);
        var eventId = await _h.Events.CreatePublishedAsync(_h.Events.Input("Åpent møte om sykkelveier", TestBookings.Oslo(first.AddDays(28), 17)), _staff);
        var input = TestBookings.Input(_organisation, _meeting.Id, first, 18, repeat: RepeatInterval.Fortnightly, occurrences: 4) with { Purpose = "Ungdomsrådets møte" };

        var listed = await _h.WithAsync((BookingRequestService s) => s.RequestAsync(input, _member));

        Assert.Equal(BookingOutcome.DateProblems, listed.Outcome);
        var date = Assert.Single(listed.Dates!);
        Assert.Equal(first.AddDays(28), date.Date);
        Assert.Equal((VenueOccupantKinds.Event, eventId), (Assert.Single(date.Conflicts).Kind, date.Conflicts[0].Id));
        Assert.Equal(0, await _h.WithDbAsync(db => db.Bookings.CountAsync(b => b.OrganisationId == _organisation)));

        var ids = await _h.Bookings.RequestAsync(input, _member, leaveOutProblemDates: true);

        Assert.Equal(3, ids.Count);
        var stored = await _h.WithDbAsync(db => db.Bookings.AsNoTracking().Include(b => b.Series).Where(b => ids.Contains(b.Id)).OrderBy(b => b.StartsAt).ToListAsync());
        Assert.Equal([first, first.AddDays(14), first.AddDays(42)], stored.Select(b => DateOnly.FromDateTime(Bylab.Core.Time.OsloTime.ToOslo(b.StartsAt))));
        Assert.All(stored, b => Assert.Equal(18, Bylab.Core.Time.OsloTime.ToOslo(b.StartsAt).Hour));
        var series = stored[0].Series!;
        Assert.Equal((RepeatInterval.Fortnightly, 4), (series.Interval, series.Occurrences));
        Assert.Equal([first.AddDays(28)], series.Skipped);
    }

    [Fact]
    public async Task AWeeklySeriesKeepsItsOsloTimeAcrossTheChangeToWinterTime()
    {
        // From September into November 2027: the clocks go back on 31 October, the meetings stay at 18:00.
        _h.Clock.SetUtcNow(new DateTime(2027, 9, 1, 10, 0, 0, DateTimeKind.Utc));
        var first = new DateOnly(2027, 10, 19);
        var ids = await _h.Bookings.RequestAsync(TestBookings.Input(_organisation, _meeting.Id, first, 18, hours: 1, repeat: RepeatInterval.Weekly, occurrences: 3), _member);

        var starts = await _h.WithDbAsync(db => db.Bookings.Where(b => ids.Contains(b.Id)).OrderBy(b => b.StartsAt).Select(b => b.StartsAt).ToListAsync());
        Assert.Equal([new DateTime(2027, 10, 19, 16, 0, 0), new DateTime(2027, 10, 26, 16, 0, 0), new DateTime(2027, 11, 2, 17, 0, 0)], starts);
    }

    [Fact]
    public async Task TheHourThatDoesNotExistInOsloCannotBeAskedFor()
    {
        // Staff open the venue on the last Sunday of March 2027 (spring forward) for a series that would start at 02:30.
        var input = new BookingInput(_organisation, _meeting.Id, new DateTime(2027, 3, 21, 1, 30, 0, DateTimeKind.Utc),
            new DateTime(2027, 3, 21, 3, 0, 0, DateTimeKind.Utc), "Nattkafé", null, 5, SpaceEquipment.None, false, RepeatInterval.Weekly, 2);

        var dates = BookingRules.Dates(input);

        Assert.Equal(new DateOnly(2027, 3, 28), dates[1].Date);
        Assert.Null(dates[1].StartsAt);
        Assert.NotNull(dates[0].StartsAt);
    }

    [Fact]
    public async Task APendingRequestCanBeChangedAndAnApprovedOneCannot()
    {
        var id = Assert.Single(await _h.Bookings.RequestAsync(Tuesday(), _member));
        var changed = Tuesday(hour: 10) with { Purpose = "Styremøte, flyttet", ExpectedPeople = 12 };

        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingRequestService s) => s.UpdateAsync(id, changed, _member))).Outcome);
        var stored = await _h.Bookings.StoredAsync(id);
        Assert.Equal((changed.StartsAt, "Styremøte, flyttet", 12), (stored.StartsAt, stored.Purpose, stored.ExpectedPeople));

        // Someone of another organisation cannot touch it; after approval nobody can change it this way.
        var stranger = (await _h.Users.CreateAsync("Ola Fremmed")).Id;
        Assert.Equal(BookingOutcome.NotFound, (await _h.WithAsync((BookingRequestService s) => s.UpdateAsync(id, changed, stranger))).Outcome);
        await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(id, _staff));
        Assert.Equal(BookingOutcome.NotAllowed, (await _h.WithAsync((BookingRequestService s) => s.UpdateAsync(id, Tuesday(hour: 12), _member))).Outcome);
        Assert.Equal(changed.StartsAt, (await _h.Bookings.StoredAsync(id)).StartsAt);
    }

    [Fact]
    public async Task CancellingCloseToTheStartIsAllowedButRecordedAsLateAndTheCodeStops()
    {
        var input = Tuesday(weeks: 1);
        var early = Assert.Single(await _h.Bookings.RequestAsync(input, _member));
        var late = Assert.Single(await _h.Bookings.RequestAsync(input with { StartsAt = input.StartsAt.AddDays(1), EndsAt = input.EndsAt.AddDays(1) }, _member));
        await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(early, _staff));
        await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(late, _staff));
        var code = (await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(late, default)))!;

        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingRequestService s) => s.CancelAsync(early, _member))).Outcome);
        _h.Clock.SetUtcNow(input.StartsAt.AddDays(1).AddHours(-20));
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingRequestService s) => s.CancelAsync(late, _member))).Outcome);

        Assert.False((await _h.Bookings.StoredAsync(early)).IsLateCancellation);
        var stored = await _h.Bookings.StoredAsync(late);
        Assert.Equal((BookingStatus.Cancelled, true, false), (stored.Status, stored.IsLateCancellation, stored.ChangedByStaff));
        Assert.False((await _h.WithAsync((IDoorLock d) => d.CheckAsync(_meeting.VenueId, code.Code, stored.StartsAt, default))).Valid);
        Assert.Equal([BookingAuditActions.Cancelled, BookingAuditActions.Cancelled],
            (await _h.AuditAsync()).Where(a => a.Action.StartsWith("booking.cancelled")).Select(a => a.Action));

        // Once it has started it is too late to cancel.
        var running = Assert.Single(await _h.Bookings.RequestAsync(Tuesday(weeks: 2), _member));
        _h.Clock.SetUtcNow(Tuesday(weeks: 2).StartsAt.AddMinutes(5));
        Assert.Equal(BookingOutcome.NotAllowed, (await _h.WithAsync((BookingRequestService s) => s.CancelAsync(running, _member))).Outcome);
    }

    [Fact]
    public async Task TheOrganisationTakesTheTimeStaffSuggested()
    {
        var id = Assert.Single(await _h.Bookings.RequestAsync(Tuesday(), _member));
        var other = Tuesday(hour: 12);

        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) =>
            s.SuggestAsync(id, other.StartsAt, other.EndsAt, "Kvelden er opptatt; passer midt på dagen?", _staff))).Outcome);
        Assert.True((await _h.Bookings.StoredAsync(id)).HasSuggestion);

        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingRequestService s) => s.AcceptSuggestionAsync(id, _member))).Outcome);

        var stored = await _h.Bookings.StoredAsync(id);
        Assert.Equal((BookingStatus.Approved, other.StartsAt, other.EndsAt, false), (stored.Status, stored.StartsAt, stored.EndsAt, stored.HasSuggestion));
        Assert.NotNull(await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(id, default)));
    }

    [Fact]
    public async Task TakingTheSuggestedTimeCountsAgainstTheQuotaAndIsRefusedOverIt()
    {
        var id = Assert.Single(await _h.Bookings.RequestAsync(Tuesday(), _member));
        var other = Tuesday(hour: 12, hours: 4);
        var (fillFrom, fillUntil) = (Tuesday(hour: 8).StartsAt, Tuesday(hour: 8).StartsAt.AddHours(9));
        await _h.Bookings.AddAsync(_organisation, await _h.Bookings.SpaceAsync(TestBookings.Workshop), fillFrom, fillUntil); // 9 of the 12 hours
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) =>
            s.SuggestAsync(id, other.StartsAt, other.EndsAt, "Passer fire timer midt på dagen?", _staff))).Outcome);

        var result = await _h.WithAsync((BookingRequestService s) => s.AcceptSuggestionAsync(id, _member));

        Assert.Equal(BookingOutcome.InvalidInput, result.Outcome);
        Assert.Equal((nameof(BookingInput.OrganisationId), BookingErrors.OverQuota), result.Problems!.Select(p => (p.Field, p.Code)).Single());
        var stored = await _h.Bookings.StoredAsync(id);
        Assert.Equal((BookingStatus.Pending, true), (stored.Status, stored.HasSuggestion));
    }
}
