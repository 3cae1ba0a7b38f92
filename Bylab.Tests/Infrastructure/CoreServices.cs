using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Bylab.Core.Markdown;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// Bylab.Core's services on a fresh SQLite file of their own (real SQLite: unique indexes, foreign keys and
/// transactions behave as in production), with Identity's stores and a <see cref="FakeTimeProvider"/>.
/// Work happens in scopes, as in a request.
/// </summary>
public sealed class CoreServices : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private CoreServices(ServiceProvider services, FakeTimeProvider time, string databaseFile)
    {
        Services = services;
        Time = time;
        DatabaseFile = databaseFile;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public string DatabaseFile { get; }

    /// <param name="initialize">Migrate and create the roles; false leaves an empty file for the initializer's own tests.</param>
    public static async Task<CoreServices> CreateAsync(bool initialize = true)
    {
        var file = Path.Combine(Path.GetTempPath(), "bylab-tests", $"core-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var connectionString = TestDatabase.ConnectionString(file);
        var time = new FakeTimeProvider(Start);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddDbContext<BylabDbContext>(o => o.UseSqlite(connectionString));
        services.AddSingleton<IOptions<DatabaseOptions>>(Options.Create(new DatabaseOptions { ConnectionString = connectionString }));
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment());
        services.AddIdentityCore<BylabUser>(o =>
            {
                // As the web app sets them (WebServices.AddBylabWeb): length, not composition.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BylabDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AccountService>();
        services.AddScoped<AdminUserService>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DatabaseInitializer>();

        var core = new CoreServices(services.BuildServiceProvider(validateScopes: true), time, file);
        if (initialize)
        {
            await core.InScopeAsync(async sp =>
            {
                await sp.GetRequiredService<BylabDbContext>().Database.MigrateAsync();
                var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
                foreach (var role in Roles.All)
                {
                    Assert.True((await roles.CreateAsync(new IdentityRole(role))).Succeeded);
                }
            });
        }
        return core;
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs one service call in a scope of its own, as one request would.</summary>
    public Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull =>
        InScopeAsync(sp => work(sp.GetRequiredService<TService>()));

    public Task<T> WithDbAsync<T>(Func<BylabDbContext, Task<T>> work) => WithAsync(work);

    public async Task<BylabUser> CreateUserAsync(string email, string displayName, params string[] roles) =>
        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            var user = new BylabUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAt = Time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, TestData.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            if (roles.Length > 0)
            {
                Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
            }
            return user;
        });

    public Task<IList<string>> RolesOfAsync(string userId) =>
        InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
        });

    public Task<List<AuditEntry>> AuditAsync() =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { DatabaseFile, DatabaseFile + "-wal", DatabaseFile + "-shm" })
        {
            try { File.Delete(f); } catch (IOException) { }
        }
    }

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Bylab.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
