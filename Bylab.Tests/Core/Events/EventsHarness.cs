using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// EventService, EventQueries and the venue calendar on a real SQLite file of their own (a file, not :memory:,
/// so concurrent connections really compete for the write lock), with a clock the test moves, the Bylab venue
/// (60 places), a staff member and helpers that write registrations straight into the table.
/// </summary>
public sealed class EventsHarness : IAsyncDisposable
{
    /// <summary>A Monday, 13:00 in Oslo.</summary>
    public static readonly DateTime Start = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _file = Path.Combine(Path.GetTempPath(), "bylab-tests", $"events-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Start));
    public ServiceProvider Services { get; }

    public int VenueId { get; private set; }
    public string StaffId { get; private set; } = "";

    private EventsHarness()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var connectionString = $"Data Source={_file};Default Timeout=60;Foreign Keys=True;Pooling=False";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDbContext<BylabDbContext>(o => o.UseSqlite(connectionString));
        services.AddIdentityCore<BylabUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<BylabDbContext>();
        services.AddOptions<EventOptions>();
        services.AddScoped<AuditLog>();
        services.AddScoped<VenueCalendar>();
        services.AddScoped<EventService>();
        services.AddScoped<EventQueries>();
        Services = services.BuildServiceProvider();
    }

    public static async Task<EventsHarness> CreateAsync()
    {
        var harness = new EventsHarness();
        await harness.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await VenueSeed.EnsureBylabAsync(db, CancellationToken.None);
            return 0;
        });
        harness.VenueId = await harness.WithDbAsync(db => db.Venues.Select(v => v.Id).SingleAsync());
        harness.StaffId = await harness.CreateUserAsync("Sindre Bylab-ansatt");
        return harness;
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public async Task<T> WithDbAsync<T>(Func<BylabDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BylabDbContext>());
    }

    /// <summary>One call in a scope (and a connection) of its own, as one request would make it.</summary>
    public async Task<T> Events<T>(Func<EventService, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EventService>());
    }

    public async Task<T> Queries<T>(Func<EventQueries, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EventQueries>());
    }

    public Task<string> CreateUserAsync(string displayName) => WithDbAsync(async db =>
    {
        var email = $"user-{Guid.NewGuid():N}@test.bylab.no";
        var user = new BylabUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = displayName,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = Start,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    });

    public Task<int> CreateThemeAsync(string slug) => WithDbAsync(async db =>
    {
        var theme = new Theme { Slug = slug, Title = slug, Description = "Et tema." };
        db.Themes.Add(theme);
        await db.SaveChangesAsync();
        return theme.Id;
    });

    /// <summary>Oslo wall-clock time as UTC.</summary>
    public static DateTime Oslo(int year, int month, int day, int hour, int minute = 0) =>
        OsloTime.ToUtc(new DateTime(year, month, day, hour, minute, 0)) ?? throw new ArgumentException("No such time in Oslo.");

    /// <summary>A valid form: two hours at the Bylab a week from <see cref="Start"/>, 18:00 Oslo time.</summary>
    public EventInput Input(string title = "Åpent møte om Hamar mot 2030", DateTime? startsAt = null, TimeSpan? duration = null,
        int capacity = 40, EventLocationKind location = EventLocationKind.Venue) =>
        new(
            Title: title,
            Summary: "Vi snakker om byen vår.",
            DescriptionMarkdown: "Velkommen til **åpent møte** i Bylab.",
            ThemeId: null,
            Audience: EventAudience.Everyone,
            StartsAt: startsAt ?? Oslo(2026, 11, 30, 18),
            EndsAt: (startsAt ?? Oslo(2026, 11, 30, 18)) + (duration ?? TimeSpan.FromHours(2)),
            LocationKind: location,
            VenueId: location == EventLocationKind.Venue ? VenueId : null,
            PlaceName: location == EventLocationKind.Elsewhere ? "Hamar bibliotek" : null,
            PlaceAddress: location == EventLocationKind.Elsewhere ? "Strandgata 45" : null,
            OnlineUrl: location == EventLocationKind.Online ? "https://video.example.org/mote" : null,
            OrganiserName: "Hamar kommune",
            Capacity: capacity,
            RegistrationOpensAt: null,
            RegistrationClosesAt: null,
            MaxCompanions: 2,
            AskNeeds: false,
            Question: null,
            ReminderHoursBefore: 24);

    public async Task<int> CreateAsync(EventInput input, string? ownerId = null)
    {
        var result = await Events(s => s.CreateAsync(input, ownerId ?? StaffId));
        Assert.True(result.Outcome == EventSaveOutcome.Saved,
            $"{result.Outcome}: {string.Join(", ", result.Errors?.Select(e => $"{e.Field} {e.Code}") ?? [])}");
        return result.EventId!.Value;
    }

    public async Task<int> CreatePublishedAsync(EventInput input, string? ownerId = null)
    {
        var id = await CreateAsync(input, ownerId);
        Assert.Equal(EventStateOutcome.Done, await Events(s => s.PublishAsync(id, StaffId)));
        return id;
    }

    /// <summary>A registration written directly, as the registration service would leave it.</summary>
    public Task<int> AddRegistrationAsync(int eventId, RegistrationStatus status, int companions = 0, string? name = null,
        string? userId = null, DateTime? at = null) => WithDbAsync(async db =>
    {
        var when = at ?? Now;
        var email = $"{Guid.NewGuid():N}@example.com";
        var registration = new Registration
        {
            EventId = eventId,
            UserId = userId,
            Name = name ?? "Gjest",
            Email = email,
            NormalizedEmail = Registration.NormalizeEmail(email),
            Companions = companions,
            Status = status,
            ManageToken = Registration.NewManageToken(),
            CheckInCode = Registration.NewCheckInCode(),
            CreatedAt = when,
            EmailConfirmedAt = status == RegistrationStatus.Unconfirmed ? null : when,
            ConfirmedAt = status == RegistrationStatus.Confirmed ? when : null,
            WaitlistedAt = status == RegistrationStatus.Waitlisted ? when : null,
            CancelledAt = status == RegistrationStatus.Cancelled ? when : null,
            CancelledBy = status == RegistrationStatus.Cancelled ? CancelledBy.Participant : null,
        };
        db.Registrations.Add(registration);
        await db.SaveChangesAsync();
        return registration.Id;
    });

    public Task<Event> EventAsync(int id) => WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == id));

    public Task<List<Registration>> RegistrationsOfAsync(int eventId) =>
        WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    public Task<List<EventNotification>> NotificationsAsync(EventNotificationKind kind) =>
        WithDbAsync(db => db.EventNotifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.RegistrationId).ToListAsync());

    public Task<List<AuditEntry>> AuditAsync() =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_file + suffix); } catch (IOException) { }
        }
    }
}
