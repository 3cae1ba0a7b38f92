using Microsoft.Extensions.Hosting;

namespace Bylab.Core.Common;

/// <summary>
/// A hosted service that runs one round of work every <paramref name="interval"/>, on the app's clock. It keeps no state
/// of its own – what a round needs is in the database – so a restart neither skips nor repeats work.
/// </summary>
public abstract class PeriodicBackgroundService(TimeProvider time, TimeSpan interval) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round comes one interval after start: the app is up and migrated by then, and a burst of
        // restarts does not send a burst of rounds.
        using var timer = new PeriodicTimer(interval, time);
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

    /// <summary>One round. It must not throw for a failure the next round can put right: log it instead.</summary>
    public abstract Task RunOnceAsync(CancellationToken ct = default);
}
