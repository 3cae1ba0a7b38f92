using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Tests.Core.Events;

public sealed class EventsDemoContentTests
{
    [Fact]
    public async Task DemoSeederPlansTwoMonthsWithANearlyFullAndAFullEvent()
    {
        await using var core = await CoreHarness.CreateAsync();
        await core.WithAsync<DemoSeeder, bool>(async s => { await s.SeedAsync(TextWriter.Null); return true; });
        var now = core.Clock.GetUtcNow().UtcDateTime;
        var programme = await core.WithAsync((EventQueries q) => q.ProgrammeAsync(new EventFilter(PageSize: 100)));

        Assert.InRange(programme.Total, 8, 20);
        Assert.All(programme.Items, e => Assert.InRange(e.StartsAt, now, now.AddDays(62)));
        Assert.Contains(programme.Items, e => e.PlacesTaken == e.Capacity && e.WaitlistCount > 0);
        Assert.Contains(programme.Items, e => e.PlacesLeft is > 0 and <= 5 && e.WaitlistCount == 0);
        Assert.Contains(programme.Items, e => e.LocationKind == EventLocationKind.Online);
        Assert.Contains(programme.Items, e => e.LocationKind == EventLocationKind.Elsewhere);
        Assert.Contains(programme.Items, e => e.Status == EventStatus.Cancelled);
        Assert.Contains(programme.Items, e => e.OrganiserName == "Ungdomsrådet" && e.Audience == EventAudience.Youth);
        Assert.Contains(programme.Items, e => e.Title.Contains("Hamar mot 2030"));
        Assert.Contains(programme.Items, e => e.Title.Contains("berekraftige"));
        Assert.Contains(programme.Items, e => e.Window == RegistrationWindow.NotYetOpen);
        Assert.All(programme.Items, e => Assert.InRange(e.PlacesTaken, 0, e.Capacity));

        await core.WithDbAsync(async db =>
        {
            var organiser = await db.Users.SingleAsync(u => u.Email == "arrangor@demo.bylab.no");
            Assert.Contains(await db.Events.Where(e => e.OwnerId == organiser.Id).ToListAsync(),
                e => e.OrganiserName == "Dark Arkitekter" && e.IsPublished && e.Title.Contains("sentrum"));
            Assert.True(await db.Events.AnyAsync(e => e.Status == EventStatus.Draft));

            // The venue calendar holds: no two uses of the Bylab overlap.
            var calendar = new VenueCalendar([new EventVenueOccupants(db)]);
            foreach (var ev in await db.Events.Where(e => e.VenueId != null && e.Status != EventStatus.Cancelled).ToListAsync())
            {
                Assert.Empty(await calendar.ConflictsAsync(ev.VenueId!.Value, ev.StartsAt, ev.EndsAt, EventVenueOccupants.Self(ev.Id)));
            }

            var registrations = await db.Registrations.ToListAsync();
            Assert.All(registrations.Where(r => r.Status == RegistrationStatus.Waitlisted), r => Assert.NotNull(r.WaitlistedAt));
            Assert.All(registrations.Where(r => r.Status == RegistrationStatus.Confirmed), r => Assert.NotNull(r.ConfirmedAt));
            Assert.Equal(registrations.Count, registrations.Select(r => r.ManageToken).Distinct().Count());
            Assert.Contains(registrations, r => r.UserId != null && r.Status == RegistrationStatus.Waitlisted);
            Assert.Contains(registrations, r => r.CheckedInAt != null);
            return true;
        });

        // The event that has just happened has attendance figures.
        var past = await core.WithDbAsync(db => db.Events.SingleAsync(e => e.EndsAt < now));
        var figures = await core.WithAsync((EventQueries q) => q.AttendanceAsync(past.Id));
        Assert.True(figures.Attended is > 0 && figures.NoShows > 0, figures.ToString());
    }
}
