using Bylab.Core;
using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Data;

/// <summary>
/// How long a connection waits for SQLite's write lock: one value in the connection string ("Default Timeout")
/// sets both the driver's retry time and SQLite's own busy_timeout. Production waits 30 s; every test database waits
/// <see cref="TestDatabase.BusyTimeoutSeconds"/>, so a transaction that keeps the lock fails its test within seconds.
/// </summary>
public sealed class BusyTimeoutTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static async Task<(int BusyTimeoutMs, int DefaultTimeout)> WaitsOf(BylabDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        return (Convert.ToInt32(await command.ExecuteScalarAsync()), connection.DefaultTimeout);
    }

    private static readonly (int, int) TestWaits = (TestDatabase.BusyTimeoutSeconds * 1000, TestDatabase.BusyTimeoutSeconds);

    [Fact]
    public async Task ProductionWaitsThirtySeconds()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bylab-tests", $"busy-{Guid.NewGuid():N}");
        var connectionString = DependencyInjection.SqliteConnectionString(new DatabaseOptions { DataFolder = folder }, folder);
        Directory.CreateDirectory(folder);
        try
        {
            await using var db = new BylabDbContext(new DbContextOptionsBuilder<BylabDbContext>().UseSqlite(connectionString).Options);
            Assert.Equal((30_000, 30), await WaitsOf(db));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Both ways tests open a database: the Core services' harness and the web app's test host.</summary>
    [Fact]
    public async Task EveryTestDatabaseWaitsOnlyAFewSeconds()
    {
        Assert.InRange(TestDatabase.BusyTimeoutSeconds, 1, 20);
        await using var core = await CoreHarness.CreateAsync();
        Assert.Equal(TestWaits, await core.WithDbAsync(WaitsOf));
        Assert.Equal(TestWaits, await factory.WithDbAsync(WaitsOf));
    }

    [Fact]
    public async Task AServiceBlockedByAHeldWriteLockGivesUpInsteadOfHanging()
    {
        await using var h = await CoreHarness.CreateAsync();
        var consultation = (await h.Ideas.ConsultationAsync()).Id;
        var author = (await h.Users.CreateAsync("author")).Id;
        var idea = (await h.Ideas.IdeaAsync(author, consultation)).Id;

        // Something else holds the write lock and never lets go (as a broken transaction would).
        await using var holder = new SqliteConnection(h.ConnectionString);
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        // On a connection that waits one second (the harness's own wait is checked above): the service gives up
        // with SQLITE_BUSY rather than hanging, within the connection string's wait – SQLite's busy_timeout included.
        var impatient = new SqliteConnectionStringBuilder(h.ConnectionString) { DefaultTimeout = 1 }.ToString();
        await using var db = new BylabDbContext(new DbContextOptionsBuilder<BylabDbContext>().UseSqlite(impatient).Options);
        var votes = new VoteService(db, h.Clock, Microsoft.Extensions.Options.Options.Create(new IdeaOptions()));
        var busy = await Assert.ThrowsAsync<SqliteException>(() => votes.CastAsync(author, idea));

        Assert.Equal(5 /* SQLITE_BUSY */, busy.SqliteErrorCode);
        Assert.Equal((0, 0), await h.Ideas.VoteCountsAsync(idea));
    }
}
