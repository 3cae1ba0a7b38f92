using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Data;

public sealed class DataSetupTests
{
    [Fact]
    public async Task DemoSeederCreatesDemoPeopleAndPrintsTheirPasswords()
    {
        await using var core = await CoreHarness.CreateAsync();
        var console = new StringWriter();

        await core.WithAsync<DemoSeeder, bool>(async s => { await s.SeedAsync(console); return true; });

        var output = console.ToString();
        foreach (var (email, name, roles) in DemoSeeder.People)
        {
            var line = output.Split('\n').Single(l => l.Contains(" " + email + " "));
            var password = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
            await core.InScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<BylabUser>>();
                var user = await users.FindByEmailAsync(email);
                Assert.NotNull(user);
                Assert.Equal(name, user.DisplayName);
                Assert.True(user.EmailConfirmed);
                Assert.Equal(roles.Order(), (await users.GetRolesAsync(user)).Order());
                Assert.True(await users.CheckPasswordAsync(user, password), $"The printed password of {email} does not work");
            });
        }
        // Staff roles get their first authenticator only through an enrolment link: the seeder prints one under each.
        var lines = output.Split('\n');
        var admin = Array.FindIndex(lines, l => l.Contains(" admin@demo.bylab.no "));
        Assert.Contains("/min-side/tofaktor/aktiver?lenke=", lines[admin + 1]);
        var kari = Array.FindIndex(lines, l => l.Contains(" kari@demo.bylab.no "));
        Assert.DoesNotContain("tofaktor", lines[kari + 1]);
    }

    [Fact]
    public async Task InitializerPreparesNewDatabaseAndSecondRunChangesNothing()
    {
        await using var core = await CoreHarness.CreateAsync(initialize: false);

        async Task<(int Migrations, string[] Roles, int Venues, int Hours, int Users)> SnapshotAsync() =>
            await core.WithDbAsync(async db => (
                (await db.Database.GetAppliedMigrationsAsync()).Count(),
                await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToArrayAsync(),
                await db.Venues.CountAsync(),
                await db.Set<Bylab.Core.Venue.OpeningHours>().CountAsync(),
                await db.Users.CountAsync()));

        await core.WithAsync<DatabaseInitializer, bool>(async i => { await i.InitializeAsync(seedDemo: false, TextWriter.Null); return true; });
        var first = await SnapshotAsync();

        Assert.Empty(await core.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
        Assert.True(first.Migrations > 0);
        Assert.Equal(Roles.All.Order(), first.Roles);
        var venue = await core.WithDbAsync(db => db.Venues.Include(v => v.OpeningHours).SingleAsync());
        Assert.Equal((Bylab.Core.Venue.Venue.BylabSlug, "Bylab Hamar"), (venue.Slug, venue.Name));
        Assert.Equal(5, venue.OpeningHours.Count);
        Assert.Equal(0, first.Users);

        await core.WithAsync<DatabaseInitializer, bool>(async i => { await i.InitializeAsync(seedDemo: true, TextWriter.Null); return true; });
        var second = await SnapshotAsync();

        Assert.Equal(first.Migrations, second.Migrations);
        Assert.Equal(first.Roles, second.Roles);
        Assert.Equal((1, first.Hours), (second.Venues, second.Hours));
        // Demo people go only into a brand-new database.
        Assert.Equal(0, second.Users);
    }

    [Fact]
    public async Task InitializerSeedsDemoPeopleIntoNewDatabaseWhenAsked()
    {
        await using var core = await CoreHarness.CreateAsync(initialize: false);
        var console = new StringWriter();

        await core.WithAsync<DatabaseInitializer, bool>(async i => { await i.InitializeAsync(seedDemo: true, console); return true; });

        Assert.Equal(DemoSeeder.People.Count, await core.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Contains("admin@demo.bylab.no", console.ToString());

        // The actors of issue 12 borrow the venue: a month of bookings and requests around «Hamar mot 2030».
        var organisations = await core.WithDbAsync(db => db.Organisations.Select(o => o.Name).ToListAsync());
        Assert.Superset(new HashSet<string> { "Hamar kommune", "arealplan og kultur", "Ungdomsrådet", "Trepartssamarbeidet", "KS", "Bane NOR",
            "Nordic Towns", "Dark Arkitekter", "Co Urban", "Sykkelnettverket" }, organisations.ToHashSet());
        var bookings = await core.WithDbAsync(db => db.Bookings.AsNoTracking().Include(b => b.Organisation).Include(b => b.Space).ToListAsync());
        Assert.True(bookings.Count(b => b.Organisation!.Name == "Ungdomsrådet" && b.SeriesId != null) >= 3, "Ungdomsrådet's monthly meeting is a series");
        Assert.Contains(bookings, b => b.Organisation!.Name == "KS" && b.Space!.ParentId == null && b.Status == Bylab.Core.Bookings.BookingStatus.Approved);
        Assert.Contains(bookings, b => b.Organisation!.Name == "Dark Arkitekter" && b.Status == Bylab.Core.Bookings.BookingStatus.Approved);
        Assert.True(bookings.Count(b => b.Status == Bylab.Core.Bookings.BookingStatus.Pending) >= 3, "staff have requests to decide");
        var baneNor = await core.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.OrganiserName == "Bane NOR"));
        Assert.Equal(Bylab.Core.Events.EventStatus.Published, baneNor.Status);
        Assert.Equal(Bylab.Core.Bookings.BookingStatus.Approved, bookings.Single(b => b.Id == baneNor.BookingId).Status);
        var youth = await core.Users.IdOfAsync("ungdom@demo.bylab.no");
        Assert.True(await core.WithDbAsync(db => db.OrganisationMembers.AnyAsync(m => m.UserId == youth && db.Organisations.Any(o => o.Id == m.OrganisationId && o.Name == "Ungdomsrådet"))));
    }
}
