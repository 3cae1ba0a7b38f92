using System.Collections.Concurrent;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// The dispatcher, the maintenance jobs and the background service on a real SQLite file, with a clock the test moves,
/// a sender that records (and can be told to fail) and a composer that writes what it was asked into the subject.
/// </summary>
public sealed class EventMailHarness : EventsHarnessBase
{
    public RecordingSender Sender { get; } = new();
    public EventOptions Options { get; } = new();

    private EventMailHarness() : base("eventmail", validateScopes: true) { }

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IOptions<EventOptions>>(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton<IEmailSender>(Sender);
        services.AddSingleton<IEventMailComposer, SubjectComposer>();
        services.AddScoped<EventNotificationDispatcher>();
        services.AddScoped<EventMaintenance>();
        services.AddScoped<Bylab.Core.Auditing.AuditLog>();
        services.AddScoped<RegistrationService>();
    }

    public static Task<EventMailHarness> CreateAsync() => MigrateAsync(new EventMailHarness());

    /// <summary>A background service of its own, as a freshly started process would have.</summary>
    public EventsBackgroundService NewBackgroundService() =>
        new(Services.GetRequiredService<IServiceScopeFactory>(), Clock, Services.GetRequiredService<IOptions<EventOptions>>(),
            Services.GetRequiredService<ILogger<EventsBackgroundService>>());

    public Task<int> DeliverAsync() => InScopeAsync<EventNotificationDispatcher, int>(d => d.DeliverPendingAsync());
    public Task<int> QueueRemindersAsync() => InScopeAsync<EventMaintenance, int>(m => m.QueueRemindersAsync());
    public Task<int> ExpireAsync() => InScopeAsync<EventMaintenance, int>(m => m.ExpireUnconfirmedAsync());
    public Task<int> DeletePersonalDataAsync() => InScopeAsync<EventMaintenance, int>(m => m.DeletePersonalDataAsync());

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
