using Bylab.Core.Bookings;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Bookings;

/// <summary>A venue event called off gives its booking back; whether that counts as a late cancellation depends on who called it off.</summary>
public sealed class EventBookingReleaseTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AnOrganiserCallingOffTheirVenueEventCloseToItsStartIsALateCancellationAndStaffCallingOffIsNot()
    {
        var organiser = (await _h.Users.CreateAsync("Siri Sykkel")).Id;
        var staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        var theirs = await _h.Events.AddAsync("Sykkelkveld", _h.Now.AddHours(24), location: EventLocationKind.Venue, ownerId: organiser);
        var ours = await _h.Events.AddAsync("Folkemøte om budsjettet", _h.Now.AddHours(25), location: EventLocationKind.Venue);

        Assert.Equal(EventStateOutcome.Done, await _h.WithAsync((EventStatusService s) => s.CancelAsync(theirs.Id, null, EventActor.Organiser(organiser))));
        Assert.Equal(EventStateOutcome.Done, await _h.WithAsync((EventStatusService s) => s.CancelAsync(ours.Id, null, EventActor.Staff(staff))));

        var (late, byStaff) = (await _h.Bookings.StoredAsync(theirs.BookingId!.Value), await _h.Bookings.StoredAsync(ours.BookingId!.Value));
        Assert.Equal((BookingStatus.Cancelled, true, false), (late.Status, late.IsLateCancellation, late.ChangedByStaff));
        Assert.Equal((BookingStatus.Cancelled, false, true), (byStaff.Status, byStaff.IsLateCancellation, byStaff.ChangedByStaff));
    }
}
