using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Bookings;

/// <summary>
/// Every <see cref="BookingOptions.BackgroundIntervalSeconds"/>: sends booking e-mails that the request that caused them
/// could not (a mail server that was down). Keeps no state of its own.
/// </summary>
public sealed class BookingsBackgroundService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<BookingOptions> options, ILogger<BookingsBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.BackgroundIntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sent = await scope.ServiceProvider.GetRequiredService<BookingNotificationDispatcher>().DeliverPendingAsync(ct);
            if (sent > 0)
            {
                logger.LogInformation("Bookings: sent {Count} e-mails", sent);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Bookings: sending e-mail failed; the next round tries again");
        }
    }
}
