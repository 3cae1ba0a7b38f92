using Bylab.Core.Accounts;
using Bylab.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bylab.Core.Common;

/// <summary>
/// What the site forgets on its own, every <see cref="Interval"/>: outbox messages past their retention, sessions that
/// ended, failed-login counts whose time is over, and old enrolment links. Each job is idempotent, so two instances
/// doing it at once do no harm. In the web host only.
/// </summary>
public sealed class HousekeepingService(IServiceScopeFactory scopes, TimeProvider time, ILogger<HousekeepingService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(scopes, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Housekeeping failed; it runs again in {Interval}.", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public static async Task RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<OutboxRetention>().DeleteExpiredAsync(ct);
        await sp.GetRequiredService<UserSessions>().DeleteEndedAsync(ct);
        await sp.GetRequiredService<LoginThrottles>().DeleteExpiredAsync(ct);
        await sp.GetRequiredService<TwoFactorEnrolments>().DeleteOldAsync(ct);
    }
}
