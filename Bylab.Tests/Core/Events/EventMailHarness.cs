using System.Collections.Concurrent;
using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// The dispatcher, the maintenance jobs and the background service on a real SQLite file, with a clock the test moves,
/// a sender that records (and can be told to fail) and a composer that writes what it was asked into the subject.
/// </summary>
public sealed class EventMailHarness : IAsyncDisposable
{
    public static readonly DateTime Start = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _file = Path.Combine(Path.GetTempPath(), "bylab-tests", $"eventmail-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Start));
    public RecordingSender Sender { get; } = new();
    public ServiceProvider Services { get; }
    public EventOptions Options { get; } = new();

    private EventMailHarness()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var connectionString = $"Data Source={_file};Default Timeout=60;Foreign Keys=True;Pooling=False";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDbContext<BylabDbContext>(o => o.UseSqlite(connectionString));
        services.AddIdentityCore<BylabUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<BylabDbContext>();
        services.AddSingleton<IOptions<EventOptions>>(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton<IEmailSender>(Sender);
        services.AddSingleton<IEventMailComposer, SubjectComposer>();
        services.AddScoped<EventNotificationDispatcher>();
        services.AddScoped<EventMaintenance>();
        services.AddScoped<Bylab.Core.Auditing.AuditLog>();
        services.AddScoped<RegistrationService>();
        Services = services.BuildServiceProvider(validateScopes: true);
    }

    public static async Task<EventMailHarness> CreateAsync()
    {
        var harness = new EventMailHarness();
        await harness.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            return 0;
        });
        return harness;
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>A background service of its own, as a freshly started process would have.</summary>
    public EventsBackgroundService NewBackgroundService() =>
        new(Services.GetRequiredService<IServiceScopeFactory>(), Clock, Services.GetRequiredService<IOptions<EventOptions>>(),
            Services.GetRequiredService<ILogger<EventsBackgroundService>>());

    public async Task<T> WithDbAsync<T>(Func<BylabDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BylabDbContext>());
    }

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<int> DeliverAsync() => WithAsync<EventNotificationDispatcher, int>(d => d.DeliverPendingAsync());
    public Task<int> QueueRemindersAsync() => WithAsync<EventMaintenance, int>(m => m.QueueRemindersAsync());
    public Task<int> ExpireAsync() => WithAsync<EventMaintenance, int>(m => m.ExpireUnconfirmedAsync());
    public Task<int> DeletePersonalDataAsync() => WithAsync<EventMaintenance, int>(m => m.DeletePersonalDataAsync());

    public Task<int> CreateEventAsync(DateTime? startsAt = null, int? reminderHours = 24, EventStatus status = EventStatus.Published,
        TimeSpan? length = null) =>
        WithDbAsync(async db =>
        {
            var start = startsAt ?? Start.AddDays(7);
            var ev = new Event
            {
                Slug = $"arrangement-{Guid.NewGuid():N}"[..30],
                Title = "Åpent møte om Hamar mot 2030",
                Summary = "Kom og si hva du mener.",
                DescriptionMarkdown = "Vi møtes på **biblioteket**.",
                StartsAt = start,
                EndsAt = start + (length ?? TimeSpan.FromHours(2)),
                LocationKind = EventLocationKind.Elsewhere,
                PlaceName = "Hamar bibliotek",
                PlaceAddress = "Strandgata 1",
                OrganiserName = "Hamar kommune",
                Capacity = 20,
                MaxCompanions = 3,
                ReminderHoursBefore = reminderHours,
                Status = status,
                PublishedAt = status == EventStatus.Draft ? null : Start.AddDays(-1),
                CancelledAt = status == EventStatus.Cancelled ? Start : null,
                CreatedAt = Start.AddDays(-1),
            };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            return ev.Id;
        });

    /// <summary>A registration written straight into the table, in the state the test needs.</summary>
    public Task<int> AddRegistrationAsync(int eventId, RegistrationStatus status, int companions = 0, DateTime? createdAt = null,
        DateTime? waitlistedAt = null, bool checkedIn = false, string? email = null, DateTime? confirmedAt = null) =>
        WithDbAsync(async db =>
        {
            var at = createdAt ?? Now;
            var address = email ?? $"deltaker-{Guid.NewGuid():N}@example.org";
            var r = new Registration
            {
                EventId = eventId,
                Name = "Åse Ødegård",
                Email = address,
                NormalizedEmail = Registration.NormalizeEmail(address),
                Companions = companions,
                Status = status,
                ManageToken = Registration.NewManageToken(),
                CheckInCode = Registration.NewCheckInCode(),
                CreatedAt = at,
                ConsentedAt = at,
                EmailConfirmedAt = status == RegistrationStatus.Unconfirmed ? null : at,
                ConfirmedAt = status == RegistrationStatus.Confirmed ? confirmedAt ?? at : null,
                WaitlistedAt = status == RegistrationStatus.Waitlisted ? waitlistedAt ?? at : null,
                CancelledAt = status == RegistrationStatus.Cancelled ? at : null,
                CancelledBy = status == RegistrationStatus.Cancelled ? CancelledBy.Participant : null,
                CheckedInAt = checkedIn ? at : null,
            };
            db.Registrations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

    public Task<int> QueueAsync(int registrationId, EventNotificationKind kind) =>
        WithDbAsync(async db =>
        {
            var n = new EventNotification { RegistrationId = registrationId, Kind = kind, CreatedAt = Now };
            db.EventNotifications.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });

    public Task<List<EventNotification>> NotificationsAsync() =>
        WithDbAsync(db => db.EventNotifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync());

    public Task<Event> EventAsync(int id) => WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == id));

    public Task<List<Registration>> RegistrationsOfAsync(int eventId) =>
        WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            try { File.Delete(path); } catch (IOException) { }
        }
    }

    /// <summary>Writes "Kind registrationId position" as the subject, so tests can see what was composed.</summary>
    private sealed class SubjectComposer : IEventMailComposer
    {
        public EmailMessage Compose(EventNotificationKind kind, Event ev, Registration registration, int? waitlistPosition) =>
            new(registration.Email, $"{kind} {registration.Id} {waitlistPosition}".TrimEnd(), ev.Title);
    }
}

/// <summary>Records every message; can fail before sending, or – like a crash after the mail server took it – after.</summary>
public sealed class RecordingSender : IEmailSender
{
    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    /// <summary>Fail the next this-many sends without sending.</summary>
    public int FailBefore { get; set; }

    /// <summary>Send, then fail the next this-many times (the mark "sent" is never written).</summary>
    public int FailAfter { get; set; }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        if (FailBefore > 0)
        {
            FailBefore--;
            throw new InvalidOperationException("SMTP server not reachable");
        }
        Sent.Enqueue(message);
        if (FailAfter > 0)
        {
            FailAfter--;
            throw new InvalidOperationException("process died after sending");
        }
        return Task.CompletedTask;
    }

    public List<string> Subjects => Sent.Select(m => m.Subject).ToList();
}
