using Bylab.Core.Bookings;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bylab.Tests.Core.Data;

/// <summary>
/// A database from before venue booking, migrated: a published event keeps its slot, a draft only asks for it, and
/// the organisers who owned events can still edit them – as members of their organisation, never of the municipality.
/// </summary>
public sealed class VenueBookingMigrationTests
{
    private const string Before = "20261130210939_IdeaCommentDigests";

    [Fact]
    public async Task APublishedEventKeepsItsSlotADraftOnlyAsksForItAndOrganisersJoinTheirOwnOrganisationButNotTheMunicipality()
    {
        await using var core = await CoreHarness.CreateAsync(initialize: false);
        await core.WithDbAsync(db => db.GetService<IMigrator>().MigrateAsync(Before));
        await core.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO AspNetRoles (Id, Name, NormalizedName) VALUES ('role-organiser', 'Organiser', 'ORGANISER');
            INSERT INTO AspNetUsers (Id, AccessFailedCount, CommentDigestOptOut, CreatedAt, DisplayName, EmailConfirmed, LockoutEnabled,
                PhoneNumberConfirmed, PreferredCulture, TwoFactorEnabled)
            VALUES ('u-organiser', 0, 0, '2026-11-01 10:00:00', 'Siri Sykkel', 1, 1, 0, 'nb', 0);
            INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ('u-organiser', 'role-organiser');
            INSERT INTO Venues (Slug, Name, StreetAddress, PostalCode, City, Capacity, StepFreeAccess, HearingLoop, AccessibleToilet)
            VALUES ('bylab', 'Bylab Hamar', 'Torggata 1', '2317', 'Hamar', 60, 1, 1, 1);
            INSERT INTO Events (Slug, Title, Summary, DescriptionMarkdown, Audience, LocationKind, VenueId, OrganiserName, OwnerId, StartsAt,
                EndsAt, Status, Capacity, MaxCompanions, AskNeeds, Sequence, CreatedAt)
            VALUES
                ('sykkelkveld', 'Sykkelkveld', 'Om sykkelveier', '', 'Everyone', 'Venue', 1, 'Sykkelnettverket', 'u-organiser',
                 '2026-12-10 17:00:00', '2026-12-10 19:00:00', 'Published', 40, 0, 0, 0, '2026-11-01 10:00:00'),
                ('sykkelverksted', 'Sykkelverksted', 'Utkast', '', 'Everyone', 'Venue', 1, 'Sykkelnettverket', 'u-organiser',
                 '2026-12-11 17:00:00', '2026-12-11 19:00:00', 'Draft', 20, 0, 0, 0, '2026-11-02 10:00:00'),
                ('folkemote', 'Folkemøte', 'I kommunens navn', '', 'Everyone', 'Venue', 1, 'Hamar kommune', 'u-organiser',
                 '2026-12-12 17:00:00', '2026-12-12 19:00:00', 'Draft', 20, 0, 0, 0, '2026-11-03 10:00:00');
            """));

        await core.WithDbAsync(db => db.Database.MigrateAsync());

        var bookings = await core.WithDbAsync(db => db.Events.Join(db.Bookings, e => e.BookingId, b => b.Id, (e, b) => new { e.Slug, b.Status })
            .ToDictionaryAsync(x => x.Slug, x => x.Status));
        Assert.Equal(BookingStatus.Approved, bookings["sykkelkveld"]);
        Assert.Equal(BookingStatus.Pending, bookings["sykkelverksted"]);
        Assert.Equal(BookingStatus.Pending, bookings["folkemote"]);
        var memberships = await core.WithDbAsync(db => db.OrganisationMembers.Where(m => m.UserId == "u-organiser")
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => o.Name).ToListAsync());
        Assert.Equal(["Sykkelnettverket"], memberships);
        Assert.True(await core.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "Hamar kommune" && o.IsMunicipality)));
    }
}
