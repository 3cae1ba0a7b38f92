using Bylab.Core;
using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// Bylab.Core as the app registers it (<see cref="DependencyInjection.AddBylabCore"/>, Identity's stores with the
/// app's account rules) on a fresh SQLite file of its own, initialised as production initialises it (migrations,
/// WAL, roles, the Bylab venue), with a clock the test moves and e-mail recorded instead of sent. Work happens in
/// scopes, one per call, as in a request. The builders (<see cref="Users"/>, <see cref="Events"/>, <see cref="Ideas"/>)
/// are the same ones the HTTP tests use on <see cref="BylabFactory"/>.
/// </summary>
public sealed class CoreHarness : IAsyncDisposable
{
    /// <summary>A Monday, 13:00 in Oslo.</summary>
    public static readonly DateTime Start = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private CoreHarness(ServiceProvider services, FakeTimeProvider clock, string databaseFile, RecordingSender mail)
    {
        Services = services;
        Mail = mail;
        Clock = clock;
        DatabaseFile = databaseFile;
        Users = new TestUsers(services);
        Events = new TestEvents(services);
        Ideas = new TestIdeas(services);
        Moderation = new TestModeration(services);
        Bookings = new TestBookings(services);
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public string DatabaseFile { get; }

    /// <summary>The harness's database as the services open it, for a connection or a hand-built service of a test's own.</summary>
    public string ConnectionString => TestDatabase.ConnectionString(DatabaseFile);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Every e-mail Core sent (events' composed by <see cref="SubjectComposer"/>, comment digests by <see cref="ListingDigestComposer"/>).</summary>
    public RecordingSender Mail { get; }

    public TestUsers Users { get; }
    public TestEvents Events { get; }
    public TestIdeas Ideas { get; }
    public TestModeration Moderation { get; }
    public TestBookings Bookings { get; }

    /// <param name="start">The clock's start; <see cref="Start"/> unless a test needs another day.</param>
    /// <param name="settings">Configuration as appsettings.json would give it ("Bylab:Ideas:EditWindowMinutes" = "45").</param>
    /// <param name="initialize">Initialise the database as the app does; false leaves an empty file for the initializer's own tests.</param>
    public static async Task<CoreHarness> CreateAsync(DateTime? start = null, IReadOnlyDictionary<string, string?>? settings = null,
        bool initialize = true)
    {
        var file = TestDatabase.NewFile("core");
        var clock = new FakeTimeProvider(new DateTimeOffset(start ?? Start));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bylab:Database:ConnectionString"] = TestDatabase.ConnectionString(file),
                // Set-ups write many ideas and comments as one person; the hourly limits have their own tests (and settings).
                ["Bylab:Moderation:IdeasPerHour"] = "1000",
                ["Bylab:Moderation:CommentsPerHour"] = "1000",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        // Before AddBylabCore, which keeps a TimeProvider that is already there.
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBylabCore(configuration);
        services.AddIdentityCore<BylabUser>(IdentityRules.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BylabDbContext>()
            .AddBylabRules();
        // What the web layer adds: its mail texts (here a stand-in) and a sender (here a recorder).
        services.AddSingleton<IEventMailComposer, SubjectComposer>();
        services.AddSingleton<Bylab.Core.Bookings.IBookingMailComposer, BookingSubjectComposer>();
        services.AddSingleton<Bylab.Core.Ideas.ICommentDigestComposer, ListingDigestComposer>();
        services.AddSingleton<Bylab.Core.Moderation.IModerationMailComposer, ListingModerationComposer>();
        services.AddSingleton<Bylab.Core.Moderation.IModeratorDigestComposer, ListingModeratorDigestComposer>();
        var mail = new RecordingSender();
        services.AddSingleton<IEmailSender>(mail);
        var harness = new CoreHarness(services.BuildServiceProvider(validateScopes: true), clock, file, mail);

        if (initialize)
        {
            await harness.WithAsync((DatabaseInitializer i) => i.InitializeAsync(seedDemo: false, TextWriter.Null));
            await harness.Events.BylabVenueIdAsync();
        }
        return harness;
    }

    /// <summary>One call in a scope (and a connection) of its own, as one request would make it: <c>WithAsync((EventService s) => s.CreateAsync(...))</c>.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task WithAsync<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> WithDbAsync<T>(Func<BylabDbContext, Task<T>> work) => WithAsync(work);

    public Task WithDbAsync(Func<BylabDbContext, Task> work) => WithAsync(work);

    /// <summary>Several services in one scope.</summary>
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

    /// <summary>The options the services read (one instance for the harness's life): a test may change them before the call.</summary>
    public T Options<T>() where T : class => Services.GetRequiredService<IOptions<T>>().Value;

    /// <summary>A background service of its own, as a freshly started process would have.</summary>
    public EventsBackgroundService NewBackgroundService() =>
        new(Services.GetRequiredService<IServiceScopeFactory>(), Clock, Services.GetRequiredService<IOptions<EventOptions>>(),
            Services.GetRequiredService<ILogger<EventsBackgroundService>>());

    public Task<List<AuditEntry>> AuditAsync() =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        TestDatabase.Delete(DatabaseFile);
    }

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Bylab.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
