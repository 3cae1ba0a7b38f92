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

    /// <summary>A kind of occupant the calendar does not know: it needs no change for it.</summary>
    private sealed class OneUse(VenueConflict use) : IVenueOccupantSource
    {
        public Task<IReadOnlyList<VenueConflict>> OverlappingAsync(VenueSlot slot, VenueOccupantRef? ignore, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<VenueConflict>>(
                use.StartsAt < slot.Until && use.EndsAt > slot.From && ignore != use.Ref ? [use] : []);
    }

    [Fact]
    public async Task EventsHoldTheirSlotThroughABookingAndDraftsHoldNothing()
    {
        var start = _h.Now.AddDays(3);
        var staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        var draft = await _h.Events.CreateAsync(_h.Events.Input("Kladd uten rom", start.AddHours(1)), staff, EventRoom.None);
        var published = await _h.Events.CreatePublishedAsync(_h.Events.Input("Åpent møte", start.AddHours(4)), staff);
        await _h.Events.AddAsync("På biblioteket", start.AddHours(2), location: EventLocationKind.Elsewhere);
        var other = new VenueConflict("workshop-kit", 7, "Verktøy på lån", start, start.AddHours(1), IsPublic: false, "someone");
        var venueId = await _h.Events.BylabVenueIdAsync();

        await _h.InScopeAsync(async sp =>
        {
            var calendar = new VenueCalendar([.. sp.GetServices<IVenueOccupantSource>(), new OneUse(other)]);
            var all = await calendar.ConflictsAsync(venueId, start, start.AddHours(8), null);

            // The draft is not there; the published event is, standing for its booking (which is not listed twice).
            Assert.Equal([("workshop-kit", 7), (VenueOccupantKinds.Event, published)], all.Select(c => (c.Kind, c.Id)));
            var ev = all.Single(c => c.Kind == VenueOccupantKinds.Event);
            Assert.True(ev.IsPublic);
            Assert.Equal(VenueOccupantKinds.Booking, ev.HeldThrough!.Kind);
            Assert.True(ev.HeldFrom < ev.StartsAt, "the held time counts the setup buffer");

            // Moving the booking is not stopped by the event it carries.
            Assert.Empty(await calendar.ConflictsAsync(venueId, start.AddHours(4), start.AddHours(5), ev.HeldThrough));
            Assert.DoesNotContain(draft, all.Select(c => c.Id));
        });
    }

    [Fact]
    public void AUseThatIsNotPublicShowsItsTitleOnlyToItsOwnerItsOrganisationAndStaff()
    {
        var draft = new VenueConflict(VenueOccupantKinds.Event, 1, "Hemmelig kladd", DateTime.UnixEpoch, DateTime.UnixEpoch.AddHours(1), IsPublic: false, "owner")
        {
            OrganisationId = 5,
        };
        var published = draft with { IsPublic = true };

        Assert.Null(draft.LabelFor("someone-else", viewerSeesAll: false));
        Assert.Null(draft.LabelFor(null, viewerSeesAll: false));
        Assert.Null(draft.LabelFor(VenueViewer.Anonymous));
        Assert.Null(draft.LabelFor(new VenueViewer("member-of-another", false, new HashSet<int> { 6 })));
        Assert.Equal("Hemmelig kladd", draft.LabelFor(new VenueViewer("colleague", false, new HashSet<int> { 5 })));
        Assert.Equal("Hemmelig kladd", draft.LabelFor("owner", viewerSeesAll: false));
        Assert.Equal("Hemmelig kladd", draft.LabelFor("staff", viewerSeesAll: true));
        Assert.Equal("Hemmelig kladd", published.LabelFor("someone-else", viewerSeesAll: false));
    }
}
