using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// Core services on a real SQLite file of their own (a file, not :memory:, so concurrent connections really
/// compete for the write lock), with logging, Identity's stores and a clock the test moves. A harness adds its
/// own services in <see cref="AddServices"/> and its own helpers; work happens in scopes, as in a request.
/// </summary>
public abstract class SqliteHarness : IAsyncDisposable
{
    private readonly string _file;

    /// <param name="name">Start of the file name, so a leftover file says which harness made it.</param>
    protected SqliteHarness(string name, DateTime start, bool validateScopes = false)
    {
        _file = Path.Combine(Path.GetTempPath(), "bylab-tests", $"{name}-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        ConnectionString = TestDatabase.ConnectionString(_file, pooling: false);
        Clock = new FakeTimeProvider(new DateTimeOffset(start));

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDbContext<BylabDbContext>(o => o.UseSqlite(ConnectionString));
        services.AddIdentityCore<BylabUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<BylabDbContext>();
        // Called from this constructor: a derived harness's field and property initializers have run by now,
        // its constructor body has not.
        AddServices(services);
        Services = services.BuildServiceProvider(validateScopes);
    }

    public FakeTimeProvider Clock { get; }
    public ServiceProvider Services { get; }
    public string ConnectionString { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>The services under test (and what they need beyond logging, the DbContext and Identity).</summary>
    protected abstract void AddServices(IServiceCollection services);

    /// <summary>Migrates the new harness's file and turns on WAL, as production runs it.</summary>
    protected static async Task<THarness> MigrateAsync<THarness>(THarness harness) where THarness : SqliteHarness
    {
        await harness.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        });
        return harness;
    }

    /// <summary>One call in a scope (and a connection) of its own, as one request would make it.</summary>
    public async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> WithDbAsync<T>(Func<BylabDbContext, Task<T>> work) => InScopeAsync(work);

    public async Task WithDbAsync(Func<BylabDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<BylabDbContext>());
    }

    /// <summary>A confirmed account as Identity would store it, without a password (these tests never log in).</summary>
    protected static BylabUser NewUser(string email, string displayName, DateTime createdAt) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        DisplayName = displayName,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        CreatedAt = createdAt,
    };

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_file + suffix); } catch (IOException) { }
        }
        GC.SuppressFinalize(this);
    }
}
