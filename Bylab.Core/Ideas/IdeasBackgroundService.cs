using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Ideas;

/// <summary>
/// Every <see cref="IdeaOptions.BackgroundIntervalSeconds"/>: gathers new comments into digests and sends the unsent ones
/// (<see cref="CommentDigestService"/>). It keeps no state of its own, so a restart neither skips nor repeats a digest.
/// </summary>
public sealed class IdeasBackgroundService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<IdeaOptions> options, ILogger<IdeasBackgroundService> logger)
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

    /// <summary>One round in a scope of its own; a failing round is logged and the next one tries again.</summary>
    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var digests = scope.ServiceProvider.GetRequiredService<CommentDigestService>();
            var made = await digests.GatherAsync(ct);
            var sent = await digests.SendPendingAsync(ct);
            if (made + sent > 0)
            {
                logger.LogInformation("Ideas: {Made} comment digests made, {Sent} sent", made, sent);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Ideas: comment digests failed; the next round tries again");
        }
    }
}
