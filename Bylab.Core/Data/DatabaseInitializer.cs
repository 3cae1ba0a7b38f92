using Bylab.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Data;

/// <summary>Brings the database to the current schema at start-up and puts in what every Bylab needs.</summary>
public sealed class DatabaseInitializer(
    BylabDbContext db,
    RoleManager<IdentityRole> roles,
    DemoSeeder demo,
    IOptions<DatabaseOptions> options,
    IHostEnvironment env,
    IServiceProvider services)
{
    /// <param name="seedDemo">Demo users and content go only into a brand-new database, and only when asked (Development).</param>
    public async Task InitializeAsync(bool seedDemo, TextWriter console, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(options.Value.ConnectionString))
        {
            var file = DependencyInjection.DatabaseFile(options.Value, env.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        var isNew = !(await db.Database.GetAppliedMigrationsAsync(ct)).Any();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // The overlap triggers come back if a migration that rebuilt the Bookings table dropped them, and a changed
            // definition replaces the old one; in one write transaction, so no write slips in between drop and create.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(BookingTriggers.Replace, ct);
            await tx.CommitAsync(ct);
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        await VenueSeed.EnsureBylabAsync(db, ct);

        if (isNew && seedDemo)
        {
            await demo.SeedAsync(console, ct);
            await Connect.DemoClient.SeedAsync(services, console, ct);
        }
    }
}
