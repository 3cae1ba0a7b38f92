using Bylab.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Events;

/// <summary>
/// Every <see cref="EventOptions.BackgroundIntervalSeconds"/>: queues due reminders, expires unconfirmed guest sign-ups,
/// deletes personal data of past events, and sends whatever e-mail is still unsent (see
/// <see cref="EventNotificationDispatcher"/> for the delivery guarantee).
/// </summary>
public sealed class EventsBackgroundService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<EventOptions> options, ILogger<EventsBackgroundService> logger)
    : PeriodicBackgroundService(time, TimeSpan.FromSeconds(options.Value.BackgroundIntervalSeconds))
{
    /// <summary>One round, in a scope of its own (a fresh DbContext). A failing step is logged and the next one still runs.</summary>
    public override async Task RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var maintenance = scope.ServiceProvider.GetRequiredService<EventMaintenance>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<EventNotificationDispatcher>();
        await StepAsync("queue reminders", () => maintenance.QueueRemindersAsync(ct), ct);
        await StepAsync("expire unconfirmed sign-ups", () => maintenance.ExpireUnconfirmedAsync(ct), ct);
        await StepAsync("delete personal data", () => maintenance.DeletePersonalDataAsync(ct), ct);
        await StepAsync("send e-mail", () => dispatcher.DeliverPendingAsync(ct), ct);
    }

    private async Task StepAsync(string name, Func<Task<int>> step, CancellationToken ct)
    {
        try
        {
            var count = await step();
            if (count > 0)
            {
                logger.LogInformation("Events: {Step}: {Count}", name, count);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Events: {Step} failed; the next round tries again", name);
        }
    }
}
