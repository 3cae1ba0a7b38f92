using Bylab.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Ideas;

/// <summary>
/// Every <see cref="IdeaOptions.BackgroundIntervalSeconds"/>: gathers new comments into digests and sends the unsent ones
/// (<see cref="CommentDigestService"/>), sends statements of reasons, and the moderators' digest (<see cref="Moderation.ModeratorDigestService"/>).
/// </summary>
public sealed class IdeasBackgroundService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<IdeaOptions> options, ILogger<IdeasBackgroundService> logger)
    : PeriodicBackgroundService(time, TimeSpan.FromSeconds(options.Value.BackgroundIntervalSeconds))
{
    /// <summary>One round in a scope of its own; a failing round is logged and the next one tries again.</summary>
    public override async Task RunOnceAsync(CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var digests = scope.ServiceProvider.GetRequiredService<CommentDigestService>();
            var made = await digests.GatherAsync(ct);
            var sent = await digests.SendPendingAsync(ct);
            // Statements of reasons that the deciding request could not send (mail server down, process stopped).
            sent += await scope.ServiceProvider.GetRequiredService<Moderation.ModerationNoticeDispatcher>().DeliverPendingAsync(ct);
            // The moderators' digest: gathered at most once per interval (the state is in the database), then sent.
            var moderatorDigests = scope.ServiceProvider.GetRequiredService<Moderation.ModeratorDigestService>();
            made += await moderatorDigests.GatherAsync(ct);
            sent += await moderatorDigests.SendPendingAsync(ct);
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
