using Bylab.Core.Bookings;
using Bylab.Core.Events;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Bookings;

/// <summary>
/// Staff touching an organiser's venue event never decide on its booking behind the organisation's back: editing keeps
/// the request pending, publishing approves the very request the event waits for – with its mail, door code and audit entry.
/// </summary>
public sealed class StaffOnOrganiserEventTests : IAsyncLifetime
{
    private CoreHarness _h = null!;
    private string _member = "", _staff = "";
    private int _organisation;
    private Space _whole = null!;

    public async Task InitializeAsync()
    {
        _h = await CoreHarness.CreateAsync();
        _member = (await _h.Users.CreateAsync("Bjørn Bane", email: TestData.UniqueEmail("banenor"))).Id;
        _staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        _organisation = await _h.Bookings.OrganisationAsync("Bane NOR", memberIds: _member);
        _whole = await _h.Bookings.SpaceAsync(TestBookings.Whole);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private EventInput Input(string title, int hour = 18) =>
        _h.Events.Input(title, TestBookings.Oslo(_h.Bookings.Date(DayOfWeek.Thursday), hour)) with { OrganisationId = _organisation, SpaceId = _whole.Id };

    private Task<List<BookingNotification>> ApprovalMailsAsync(int bookingId) =>
        _h.WithDbAsync(db => db.BookingNotifications.Where(n => n.BookingId == bookingId && n.Kind == BookingNotificationKind.Approved).ToListAsync());

    private async Task<int> ApprovalAuditsAsync(int bookingId) =>
        (await _h.AuditAsync()).Count(a => a.Action == BookingAuditActions.Approved && a.TargetId == bookingId.ToString());

    [Fact]
    public async Task StaffEditingAnOrganisersEventKeepsItsRequestPendingAndPublishingApprovesItWithMailCodeAndAudit()
    {
        var created = await _h.WithAsync((EventService s) => s.CreateAsync(Input("Informasjonskveld om dobbeltsporet"), EventActor.Organiser(_member)));
        var eventId = created.EventId!.Value;
        var requestId = (await _h.Events.StoredAsync(eventId)).BookingId!.Value;

        var edited = await _h.WithAsync((EventService s) => s.UpdateAsync(eventId, Input("Informasjonskveld om dobbeltsporet", hour: 19), EventActor.Staff(_staff)));

        Assert.Equal((EventSaveOutcome.Saved, EventRoomState.Requested), (edited.Outcome, edited.Room));
        var moved = await _h.Bookings.StoredAsync(requestId);
        Assert.Equal((BookingStatus.Pending, 19), (moved.Status, Bylab.Core.Time.OsloTime.ToOslo(moved.StartsAt).Hour));
        Assert.Equal(requestId, (await _h.Events.StoredAsync(eventId)).BookingId);
        Assert.Null(await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(requestId, default)));
        Assert.Empty(await ApprovalMailsAsync(requestId));
        Assert.Equal(0, await ApprovalAuditsAsync(requestId));

        Assert.Equal(EventStateOutcome.Done, await _h.WithAsync((EventStatusService s) => s.PublishAsync(eventId, EventActor.Staff(_staff))));

        var approved = await _h.Bookings.StoredAsync(requestId);
        Assert.Equal((BookingStatus.Approved, _staff), (approved.Status, approved.DecidedById));
        Assert.Single(await ApprovalMailsAsync(requestId));
        Assert.Equal(1, await ApprovalAuditsAsync(requestId));
        Assert.NotNull(await _h.WithAsync((IDoorLock d) => d.ForBookingAsync(requestId, default)));
        Assert.Equal(requestId, (await _h.Events.StoredAsync(eventId)).BookingId);
    }

    [Fact]
    public async Task StaffPublishingAnEventOnTheOrganisationsChosenRequestApproveThatRequestAndMakeNoSecondBooking()
    {
        var date = _h.Bookings.Date(DayOfWeek.Thursday);
        var requestId = Assert.Single(await _h.Bookings.RequestAsync(
            TestBookings.Input(_organisation, _whole.Id, date, 17, hours: 4, purpose: "Informasjonskveld", isPublic: true), _member));
        var created = await _h.WithAsync((EventService s) =>
            s.CreateAsync(Input("Informasjonskveld om dobbeltsporet"), EventActor.Organiser(_member), EventRoom.Existing(requestId)));
        Assert.Equal((EventSaveOutcome.Saved, EventRoomState.Requested), (created.Outcome, created.Room));
        var eventId = created.EventId!.Value;

        Assert.Equal(EventStateOutcome.Done, await _h.WithAsync((EventStatusService s) => s.PublishAsync(eventId, EventActor.Staff(_staff))));

        Assert.Equal(requestId, (await _h.Events.StoredAsync(eventId)).BookingId);
        Assert.Equal(BookingStatus.Approved, (await _h.Bookings.StoredAsync(requestId)).Status);
        var live = await _h.WithDbAsync(db => db.Bookings.CountAsync(b => b.OrganisationId == _organisation && b.Status != BookingStatus.Cancelled));
        Assert.Equal(1, live);
        Assert.Single(await ApprovalMailsAsync(requestId));
        Assert.Equal(1, await ApprovalAuditsAsync(requestId));
    }

    [Fact]
    public async Task StaffMovingAnOrganisersApprovedEventBookingTellTheOrganisation()
    {
        var created = await _h.WithAsync((EventService s) => s.CreateAsync(Input("Informasjonskveld om dobbeltsporet"), EventActor.Organiser(_member)));
        var eventId = created.EventId!.Value;
        var bookingId = (await _h.Events.StoredAsync(eventId)).BookingId!.Value;
        Assert.Equal(BookingOutcome.Done, (await _h.WithAsync((BookingDecisionService s) => s.ApproveAsync(bookingId, _staff))).Outcome);

        var edited = await _h.WithAsync((EventService s) => s.UpdateAsync(eventId, Input("Informasjonskveld om dobbeltsporet", hour: 19), EventActor.Staff(_staff)));

        Assert.Equal((EventSaveOutcome.Saved, EventRoomState.Held), (edited.Outcome, edited.Room));
        var moved = await _h.Bookings.StoredAsync(bookingId);
        Assert.Equal((BookingStatus.Approved, true), (moved.Status, moved.ChangedByStaff));
        Assert.Single(await _h.WithDbAsync(db => db.BookingNotifications.Where(n => n.BookingId == bookingId && n.Kind == BookingNotificationKind.Moved).ToListAsync()));
    }
}
