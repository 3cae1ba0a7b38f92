using Bylab.Core.Events;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Venue;

/// <summary>The venue calendar as the one place that decides whether a slot is free, whatever occupies it.</summary>
public sealed class VenueCalendarTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>A second kind of occupant, as venue booking will add one: the calendar needs no change for it.</summary>
    private sealed class OneBooking(VenueConflict booking) : IVenueOccupantSource
    {
        public Task<IReadOnlyList<VenueConflict>> OverlappingAsync(int venueId, DateTime startsAt, DateTime endsAt, VenueOccupantRef? ignore,
            CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<VenueConflict>>(
                booking.StartsAt < endsAt && booking.EndsAt > startsAt && ignore != new VenueOccupantRef(booking.Kind, booking.Id) ? [booking] : []);
    }

    [Fact]
    public async Task EventsAndAnotherKindOfUseShareOneCalendarSoonestFirst()
    {
        var start = _h.Now.AddDays(2);
        var owner = (await _h.Users.CreateAsync("Arrangør")).Id;
        var draft = await _h.Events.AddAsync("Kladd", start.AddHours(1), location: EventLocationKind.Venue, status: EventStatus.Draft, ownerId: owner);
        var published = await _h.Events.AddAsync("Åpent møte", start.AddHours(3), location: EventLocationKind.Venue);
        await _h.Events.AddAsync("Avlyst", start.AddHours(2), location: EventLocationKind.Venue, status: EventStatus.Cancelled);
        await _h.Events.AddAsync("På biblioteket", start.AddHours(2), location: EventLocationKind.Elsewhere);
        var booking = new VenueConflict(VenueOccupantKinds.Booking, 1, "Styremøte i velforeningen", start, start.AddHours(2), IsPublic: false, "booker-1");
        var venueId = await _h.Events.BylabVenueIdAsync();

        await _h.InScopeAsync(async sp =>
        {
            var calendar = new VenueCalendar([sp.GetRequiredService<IVenueOccupantSource>(), new OneBooking(booking)]);
            var all = await calendar.ConflictsAsync(venueId, start, start.AddHours(6), null);
            Assert.Equal([(VenueOccupantKinds.Booking, 1), (VenueOccupantKinds.Event, draft.Id), (VenueOccupantKinds.Event, published.Id)],
                all.Select(c => (c.Kind, c.Id)));
            Assert.Equal([(false, "booker-1"), (false, owner), (true, null)], all.Select(c => (c.IsPublic, c.OwnerId)));

            // The draft moved within its own slot conflicts with the booking only; back to back is free.
            var moving = await calendar.ConflictsAsync(venueId, start.AddHours(1), start.AddHours(3), EventVenueOccupants.Self(draft.Id));
            Assert.Equal([booking.Id], moving.Select(c => c.Id));
            Assert.Empty(await calendar.ConflictsAsync(venueId, start.AddHours(5), start.AddHours(6), null));
        });
    }

    [Fact]
    public void AUseThatIsNotPublicShowsItsTitleOnlyToItsOwnerAndToStaff()
    {
        var draft = new VenueConflict(VenueOccupantKinds.Event, 1, "Hemmelig kladd", DateTime.UnixEpoch, DateTime.UnixEpoch.AddHours(1), IsPublic: false, "owner");
        var published = draft with { IsPublic = true };

        Assert.Null(draft.LabelFor("someone-else", viewerSeesAll: false));
        Assert.Null(draft.LabelFor(null, viewerSeesAll: false));
        Assert.Equal("Hemmelig kladd", draft.LabelFor("owner", viewerSeesAll: false));
        Assert.Equal("Hemmelig kladd", draft.LabelFor("staff", viewerSeesAll: true));
        Assert.Equal("Hemmelig kladd", published.LabelFor("someone-else", viewerSeesAll: false));
    }
}
