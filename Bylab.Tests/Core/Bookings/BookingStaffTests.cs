using Bylab.Core.Bookings;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Bookings;

/// <summary>Staff decide on requests, approve a series, block time, move and cancel; the organisation is told, and the door code follows.</summary>
public sealed class BookingStaffTests : IAsyncLifetime
{
    private CoreHarness _h = null!;
    private string _member = "", _staff = "";
    private int _organisation;
    private Space _meeting = null!, _whole = null!;

    public async Task InitializeAsync()
    {
        _h = await CoreHarness.CreateAsync();
        _member = (await _h.Users.CreateAsync("Bjørn Bane", email: TestData.UniqueEmail("banenor"))).Id;
        _staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        _organisation = await _h.Bookings.OrganisationAsync("Bane NOR", memberIds: _member);
        (_meeting, _whole) = (await _h.Bookings.SpaceAsync(TestBookings.MeetingRoom), await _h.Bookings.SpaceAsync(TestBookings.Whole));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<int> RequestAsync(DateOnly date, int hour = 18, Space? space = null) =>
        Assert.Single(await _h.Bookings.RequestAsync(TestBookings.Input(_organisation, (space ?? _meeting).Id, date, hour, purpose: "Informasjonsmøte om dobbeltspor"), _member));

    private Task<DoorCheck> DoorAsync(string code, DateTime at) => _h.WithAsync((IDoorLock d) => d.CheckAsync(_meeting.VenueId, code, at, default));

    private async Task<List<string>> MailsAsync()
    {
        await _h.WithAsync((BookingNotificationDispatcher d) => d.DeliverPendingAsync());
        return _h.Mail.Sent.Select(m => m.Subject).ToList();
    }

    [Fact]
    public async Task AnApprovedBookingGetsADoorCodeValidFromItsSetupUntilItsEndAndTheOrganisationAMail()
    {
        var id = await RequestAsync(_h.Bookings.Date(DayOfWeek.Tuesday));
        Assert.Null(await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(id, default)));

        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(id, _staff))).Outcome);

        var booking = await _h.Bookings.StoredAsync(id);
        var code = (await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(id, default)))!;
        Assert.Matches("^[0-9]{6}$", code.Code);
        Assert.Equal((booking.StartsAt.AddMinutes(-15), booking.EndsAt), (code.ValidFrom, code.ValidUntil));
        Assert.False((await DoorAsync(code.Code, booking.StartsAt.AddMinutes(-16))).Valid);
        var opens = await DoorAsync(code.Code, booking.StartsAt.AddMinutes(-15));
        Assert.Equal((true, id), (opens.Valid, opens.BookingId));
        Assert.True((await DoorAsync($"{code.Code[..3]} {code.Code[3..]}", booking.EndsAt.AddSeconds(-1))).Valid);
        Assert.False((await DoorAsync(code.Code, booking.EndsAt)).Valid);

        // The requester and the organisation's contact each get the approval, with the code.
        var contact = await _h.WithDbAsync(db => db.Organisations.Where(o => o.Id == _organisation).Select(o => o.ContactEmail).SingleAsync());
        Assert.Equal([$"Approved {id} {code.Code}", $"Approved {id} {code.Code}"], await MailsAsync());
        Assert.Contains(_h.Mail.Sent, m => m.To == contact);
        var audit = (await _h.AuditAsync()).Last();
        Assert.Equal((BookingAuditActions.Approved, _staff), (audit.Action, audit.ActorId));
    }

    [Fact]
    public async Task StaffRejectWithAReasonTheOrganisationIsTold()
    {
        var id = await RequestAsync(_h.Bookings.Date(DayOfWeek.Wednesday));

        var refused = await _h.WithAsync((BookingDecisionService s) => s.RejectAsync(id, "  ", _staff));
        Assert.Equal(BookingOutcome.InvalidInput, refused.Outcome);
        Assert.Equal(("Reason", BookingErrors.Required), (refused.Problems![0].Field, refused.Problems[0].Code));
        Assert.Equal(BookingStatus.Pending, (await _h.Bookings.StoredAsync(id)).Status);

        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) =>
            s.RejectAsync(id, "Lokalet er reservert for valget den uken.", _staff))).Outcome);

        var stored = await _h.Bookings.StoredAsync(id);
        Assert.Equal((BookingStatus.Rejected, "Lokalet er reservert for valget den uken."), (stored.Status, stored.RejectionReason));
        Assert.Contains($"Rejected {id}", await MailsAsync());
        Assert.Contains(_h.Mail.Sent, m => m.TextBody == "Lokalet er reservert for valget den uken.");
        // Decided is decided: no second decision.
        Assert.Equal(BookingOutcome.NotAllowed, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(id, _staff))).Outcome);
    }

    [Fact]
    public async Task ASeriesIsApprovedWholeExceptTheDatesThatCollideWhichAreListedAndStayPending()
    {
        var first = _h.Bookings.Date(DayOfWeek.Monday);
        var ids = await _h.Bookings.RequestAsync(TestBookings.Input(_organisation, _meeting.Id, first, 18, repeat: RepeatInterval.Weekly, occurrences: 4), _member);
        var seriesId = (await _h.Bookings.StoredAsync(ids[0])).SeriesId!.Value;
        // Meanwhile the municipality blocks the whole venue on the third Monday.
        var blocked = await _h.WithAsync((BookingStaffService s) => s.BlockAsync(
            new BlockInput(_whole.Id, TestBookings.Oslo(first.AddDays(14), 17), TestBookings.Oslo(first.AddDays(14), 21), "Folkemøte om budsjettet", true), _staff));
        Assert.Equal(BookingOutcome.Done, blocked.Outcome);

        var decision = await _h.WithAsync((BookingDecisionService s) => s.ApproveSeriesAsync(seriesId, _staff));

        Assert.Equal(BookingOutcome.Done, decision.Outcome);
        Assert.Equal([ids[0], ids[1], ids[3]], decision.Approved);
        var colliding = Assert.Single(decision.Colliding);
        Assert.Equal(first.AddDays(14), colliding.Date);
        Assert.Equal(blocked.BookingId, Assert.Single(colliding.Conflicts).Id);
        Assert.Equal(BookingStatus.Pending, (await _h.Bookings.StoredAsync(ids[2])).Status);
        // The three dates go out in one mail (to the requester and to the contact).
        var mails = await MailsAsync();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.StartsWith($"Approved {ids[0]},{ids[1]},{ids[3]} ", m));

        // Date by date: the one left is rejected on its own.
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) => s.RejectAsync(ids[2], "Folkemøte den kvelden.", _staff))).Outcome);
    }

    [Fact]
    public async Task StaffSeeWhatARequestWouldCollideWithBeforeDeciding()
    {
        var date = _h.Bookings.Date(DayOfWeek.Thursday);
        var limited = await _h.Bookings.OrganisationAsync("Nordic Towns", quotaHours: 3, _member);
        var id = Assert.Single(await _h.Bookings.RequestAsync(TestBookings.Input(limited, _meeting.Id, date, 18, hours: 2), _member));
        await _h.Bookings.AddAsync(limited, _meeting, TestBookings.Oslo(date, 9), TestBookings.Oslo(date, 11), "Allerede godkjent");
        await _h.WithAsync((VenueAdminService s) => s.AddClosureAsync(_meeting.VenueId, ClosureKind.OneOff, date, date, "Vannlekkasje", _staff));
        await _h.Bookings.AddAsync(_organisation, _whole, TestBookings.Oslo(date, 17), TestBookings.Oslo(date, 18));

        var assessment = (await _h.WithAsync((BookingDecisionService s) => s.AssessAsync(id)))!;

        Assert.Single(assessment.Conflicts);
        Assert.Contains(assessment.Problems, p => p.Code == BookingErrors.ClosedDay && p.Closed!.Reason == "Vannlekkasje");
        var month = Assert.Single(assessment.Quota!);
        Assert.Equal((3, 2.0, 2.0, true), (month.QuotaHours, month.UsedHours, month.AddedHours, month.IsExceeded));

        // The queue says as much before the request is opened.
        var queued = Assert.Single(await _h.WithAsync((BookingQueries q) => q.QueueAsync()), q => q.Booking.Id == id);
        Assert.Single(queued.Conflicts);
        Assert.Equal("Vannlekkasje", Assert.Single(queued.Problems).Closed!.Reason);
        Assert.Equal(4.0, Assert.Single(queued.OverQuota).UsedHours + queued.OverQuota[0].AddedHours);
    }

    [Fact]
    public async Task TheQueueListsTheOldestRequestFirstAndASeriesOnce()
    {
        var newest = await RequestAsync(_h.Bookings.Date(DayOfWeek.Monday, 1));
        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        var series = await _h.Bookings.RequestAsync(TestBookings.Input(_organisation, _meeting.Id, _h.Bookings.Date(DayOfWeek.Tuesday, 3), 12,
            repeat: RepeatInterval.Fortnightly, occurrences: 3), _member);
        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        var latest = await RequestAsync(_h.Bookings.Date(DayOfWeek.Wednesday, 1));

        var queue = await _h.WithAsync((BookingQueries q) => q.QueueAsync());

        Assert.Equal([newest, series[0], latest], queue.Select(q => q.Booking.Id));
        Assert.Equal([1, 3, 1], queue.Select(q => q.SeriesPending));
    }

    [Fact]
    public async Task StaffMoveABookingItsCodeMovesWithItAndTheOrganisationIsToldWhy()
    {
        var date = _h.Bookings.Date(DayOfWeek.Tuesday);
        var id = await RequestAsync(date);
        await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(id, _staff));
        var code = (await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(id, default)))!;
        var (start, end) = (TestBookings.Oslo(date.AddDays(1), 10), TestBookings.Oslo(date.AddDays(1), 12));

        var moved = await _h.WithAsync((BookingStaffService s) => s.MoveAsync(id, _whole.Id, start, end, "Møterommet males den uken.", _staff));

        Assert.Equal(BookingOutcome.Done, moved.Outcome);
        var stored = await _h.Bookings.StoredAsync(id);
        Assert.Equal((_whole.Id, start, end, 1, true), (stored.SpaceId, stored.StartsAt, stored.EndsAt, stored.Sequence, stored.ChangedByStaff));
        Assert.Equal((start.AddMinutes(-30), end.AddMinutes(30)), (stored.BlockStartsAt, stored.BlockEndsAt));
        Assert.False((await DoorAsync(code.Code, TestBookings.Oslo(date, 18, 30))).Valid);
        Assert.True((await DoorAsync(code.Code, start.AddMinutes(-30))).Valid);
        await MailsAsync();
        Assert.Contains(_h.Mail.Sent, m => m.Subject.StartsWith($"Moved {id}") && m.TextBody == "Møterommet males den uken.");
    }

    [Fact]
    public async Task StaffCancelABookingTheCodeStopsAndItIsNeverCountedAsLate()
    {
        var date = _h.Bookings.Date(DayOfWeek.Wednesday, 0);
        var id = await RequestAsync(date);
        await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(id, _staff));
        var code = (await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(id, default)))!;
        var booking = await _h.Bookings.StoredAsync(id);
        _h.Clock.SetUtcNow(booking.StartsAt.AddHours(-3));

        Assert.Equal(BookingOutcome.InvalidInput, (await _h.WithAsync((BookingStaffService s) => s.CancelAsync(id, "", _staff))).Outcome);
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingStaffService s) => s.CancelAsync(id, "Vannlekkasje i lokalet.", _staff))).Outcome);

        var stored = await _h.Bookings.StoredAsync(id);
        Assert.Equal((BookingStatus.Cancelled, false, true, "Vannlekkasje i lokalet."),
            (stored.Status, stored.IsLateCancellation, stored.ChangedByStaff, stored.CancellationReason));
        Assert.False((await DoorAsync(code.Code, booking.StartsAt)).Valid);
        await MailsAsync();
        Assert.Contains(_h.Mail.Sent, m => m.Subject == $"CancelledByStaff {id}" && m.TextBody == "Vannlekkasje i lokalet.");
    }

    [Fact]
    public async Task StaffBlockTimeAcrossTheNightOfSummerTimeWithItsRealLength()
    {
        _h.Clock.SetUtcNow(new DateTime(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc));
        // 22:00 on Saturday 27 March to 06:00 on Sunday 28 March 2027: the clocks skip 02:00–03:00, so 7 hours.
        var (start, end) = (TestEvents.Oslo(2027, 3, 27, 22), TestEvents.Oslo(2027, 3, 28, 6));

        var result = await _h.WithAsync((BookingStaffService s) => s.BlockAsync(new BlockInput(_whole.Id, start, end, "Nattvakt under Vinterfestivalen", false), _staff));

        Assert.Equal(BookingOutcome.Done, result.Outcome);
        var stored = await _h.Bookings.StoredAsync(result.BookingId!.Value);
        Assert.Equal(TimeSpan.FromHours(7), stored.Length);
        Assert.Equal((BookingKind.Block, BookingStatus.Approved), (stored.Kind, stored.Status));
        Assert.Equal(await _h.Bookings.MunicipalityIdAsync(), stored.OrganisationId);
        var march = (await _h.WithAsync((BookingStatistics s) => s.ForYearAsync(2027))).ByMonth[2];
        Assert.Equal(7, march.BookedHours);

        // Blocking on top of it is refused with what holds it.
        var again = await _h.WithAsync((BookingStaffService s) => s.BlockAsync(new BlockInput(_meeting.Id, start.AddHours(1), start.AddHours(2), "Dobbelt", false), _staff));
        Assert.Equal(BookingOutcome.Taken, again.Outcome);
        Assert.Equal(result.BookingId, Assert.Single(again.Conflicts!).Id);
    }

    [Fact]
    public async Task AnOrganiserEventWaitsForAnApprovedBookingBeforeItCanBePublished()
    {
        var organiser = EventActorFor(_member);
        var date = _h.Bookings.Date(DayOfWeek.Thursday);
        var input = _h.Events.Input("Informasjonskveld om dobbeltsporet", TestBookings.Oslo(date, 18)) with { OrganisationId = _organisation, SpaceId = _whole.Id };

        var saved = await _h.WithAsync((Bylab.Core.Events.EventService s) => s.CreateAsync(input, organiser));

        Assert.Equal((Bylab.Core.Events.EventSaveOutcome.Saved, Bylab.Core.Events.EventRoomState.Requested), (saved.Outcome, saved.Room));
        var ev = await _h.Events.StoredAsync(saved.EventId!.Value);
        var booking = await _h.Bookings.StoredAsync(ev.BookingId!.Value);
        Assert.Equal((BookingKind.Event, BookingStatus.Pending), (booking.Kind, booking.Status));
        Assert.StartsWith("Bane NOR ", ev.OrganiserName);
        Assert.Equal(Bylab.Core.Events.EventStateOutcome.NeedsBooking,
            await _h.WithAsync((Bylab.Core.Events.EventStatusService s) => s.PublishAsync(ev.Id, organiser)));

        await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(booking.Id, _staff));

        Assert.Equal(Bylab.Core.Events.EventStateOutcome.Done, await _h.WithAsync((Bylab.Core.Events.EventStatusService s) => s.PublishAsync(ev.Id, organiser)));
        // The booking carries the event: it is not cancelled on its own, the event is.
        var cancel = await _h.WithAsync((BookingRequestService s) => s.CancelAsync(booking.Id, _member));
        Assert.Equal((BookingOutcome.HasDependent, "Informasjonskveld om dobbeltsporet"), (cancel.Outcome, cancel.Dependent));
    }

    [Fact]
    public async Task NobodyPublishesInTheNameOfAnOrganisationTheyDoNotBelongTo()
    {
        var input = _h.Events.Input("Hamar kommune informerer", location: Bylab.Core.Events.EventLocationKind.Online) with
        {
            OrganisationId = await _h.Bookings.MunicipalityIdAsync(),
        };

        var saved = await _h.WithAsync((Bylab.Core.Events.EventService s) => s.CreateAsync(input, EventActorFor(_member)));

        Assert.Equal(Bylab.Core.Events.EventSaveOutcome.InvalidInput, saved.Outcome);
        Assert.Contains(new Bylab.Core.Events.EventInputError(nameof(input.OrganisationId), Bylab.Core.Events.EventInputErrors.NotMember), saved.Errors!);
    }

    private static Bylab.Core.Events.EventActor EventActorFor(string userId) => Bylab.Core.Events.EventActor.Organiser(userId);

    [Fact]
    public void OsloDatesOfTheSeriesAreTheSameWeekday()
    {
        var dates = BookingRules.Dates(TestBookings.Input(1, 1, new DateOnly(2027, 3, 15), 18, repeat: RepeatInterval.Fortnightly, occurrences: 3));
        Assert.Equal([new DateOnly(2027, 3, 15), new DateOnly(2027, 3, 29), new DateOnly(2027, 4, 12)], dates.Select(d => d.Date));
        Assert.All(dates, d => Assert.Equal(18, OsloTime.ToOslo(d.StartsAt!.Value).Hour));
    }

    [Fact]
    public async Task WhenTheContactsMailFailsTheRetrySendsOnlyToTheContactAndTheRequesterGetsTheCodeOnce()
    {
        var id = await RequestAsync(_h.Bookings.Date(DayOfWeek.Tuesday));
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(id, _staff))).Outcome);
        var contact = await _h.WithDbAsync(db => db.Organisations.Where(o => o.Id == _organisation).Select(o => o.ContactEmail).SingleAsync());
        var requester = await _h.WithDbAsync(db => db.Users.Where(u => u.Id == _member).Select(u => u.Email).SingleAsync());
        _h.Mail.FailOnceTo = contact;

        await MailsAsync();
        Assert.Equal([requester], _h.Mail.Sent.Select(m => m.To));
        _h.Clock.SetUtcNow(_h.Now.AddHours(1)); // past the retry's wait

        await MailsAsync();
        Assert.Equal([requester, contact], _h.Mail.Sent.Select(m => m.To));
        var row = await _h.WithDbAsync(db => db.BookingNotifications.SingleAsync(n => n.BookingId == id));
        Assert.NotNull(row.SentAt);
    }
}
