using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// The registration service on a real SQLite file (not :memory:, so concurrent connections really compete for
/// the write lock), with a clock the test moves and helpers that make events and people.
/// </summary>
public sealed class RegistrationHarness : IAsyncDisposable
{
    public static readonly DateTime Start = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _file = Path.Combine(Path.GetTempPath(), "bylab-tests", $"registrations-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Start));
    public ServiceProvider Services { get; }

    private RegistrationHarness()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var connectionString = $"Data Source={_file};Default Timeout=60;Foreign Keys=True;Pooling=False";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDbContext<BylabDbContext>(o => o.UseSqlite(connectionString));
        services.AddIdentityCore<BylabUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<BylabDbContext>();
        services.AddScoped<AuditLog>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<Bylab.Core.Accounts.AccountService>();
        Services = services.BuildServiceProvider();
    }

    public static async Task<RegistrationHarness> CreateAsync()
    {
        var harness = new RegistrationHarness();
        await harness.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            return 0;
        });
        return harness;
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public async Task<T> WithDbAsync<T>(Func<BylabDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BylabDbContext>());
    }

    /// <summary>One call in a scope (and a connection) of its own, as one request would make it.</summary>
    public async Task<T> Registrations<T>(Func<RegistrationService, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RegistrationService>());
    }

    public Task<int> CreateEventAsync(int capacity = 20, int maxCompanions = 0, DateTime? startsAt = null,
        DateTime? registrationClosesAt = null, EventStatus status = EventStatus.Published, bool askNeeds = false, string? question = null) =>
        WithDbAsync(async db =>
        {
            var start = startsAt ?? Start.AddDays(7);
            var ev = new Event
            {
                Slug = $"arrangement-{Guid.NewGuid():N}"[..30],
                Title = "Åpent møte om Hamar mot 2030",
                Summary = "Kom og si hva du mener.",
                DescriptionMarkdown = "Vi møtes i **Bylab**.",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                LocationKind = EventLocationKind.Online,
                OnlineUrl = "https://example.org/mote",
                OrganiserName = "Hamar kommune",
                Capacity = capacity,
                MaxCompanions = maxCompanions,
                AskNeeds = askNeeds,
                Question = question,
                RegistrationClosesAt = registrationClosesAt,
                Status = status,
                PublishedAt = status == EventStatus.Draft ? null : Start.AddDays(-1),
                CreatedAt = Start.AddDays(-1),
            };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            return ev.Id;
        });

    /// <summary>Accounts inserted in one go (Identity's password hashing would make a hundred slow).</summary>
    public Task<List<(string Id, string Email)>> CreateUsersAsync(int count, string prefix = "person") =>
        WithDbAsync(async db =>
        {
            var users = Enumerable.Range(1, count).Select(n => new BylabUser
            {
                UserName = $"{prefix}{n}@example.org",
                NormalizedUserName = $"{prefix}{n}@EXAMPLE.ORG",
                Email = $"{prefix}{n}@example.org",
                NormalizedEmail = $"{prefix}{n}@EXAMPLE.ORG",
                EmailConfirmed = true,
                DisplayName = $"Person {n}",
                CreatedAt = Start,
                SecurityStamp = Guid.NewGuid().ToString(),
            }).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            return users.Select(u => (u.Id, u.Email!)).ToList();
        });

    public static SignUpInput Input(string name, string email, int companions = 0, bool consent = true, string culture = "nb",
        string? needs = null, string? answer = null) =>
        new(name, email, companions, needs, answer, consent, culture);

    public Task<SignUpResult> SignUpAccountAsync(int eventId, (string Id, string Email) user, int companions = 0) =>
        Registrations(s => s.SignUpAsync(eventId, user.Id, Input("Person", user.Email, companions)));

    public Task<List<Registration>> RegistrationsOfAsync(int eventId) =>
        WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    public Task<List<EventNotification>> NotificationsAsync(EventNotificationKind kind) =>
        WithDbAsync(db => db.EventNotifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync());

    public Task<int> PlacesTakenAsync(int eventId) =>
        WithDbAsync(db => db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed).SumAsync(r => 1 + r.Companions));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            try { File.Delete(path); } catch (IOException) { }
        }
    }
}
