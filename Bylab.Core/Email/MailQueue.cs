using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bylab.Core.Email;

/// <summary>
/// Mail that a request wants sent, sent after the request has answered (by <see cref="MailQueueService"/>): the answer to
/// «forgot password», «register» or «resend confirmation» then takes the same time whether a mail goes out or not, and a
/// slow mail server never holds a person's page. A message still queued when the process stops is lost; the person asks again.
/// </summary>
public sealed class MailQueue
{
    private readonly Channel<EmailMessage> _channel = Channel.CreateUnbounded<EmailMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private int _pending;
    private TaskCompletionSource _idle = Idle();

    public void Enqueue(EmailMessage message)
    {
        lock (_gate)
        {
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        _channel.Writer.TryWrite(message);
    }

    /// <summary>Completes when every queued message has been handed to the sender (for tests, and for an orderly stop).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    internal ChannelReader<EmailMessage> Reader => _channel.Reader;

    internal void Done()
    {
        lock (_gate)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Idle()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}

/// <summary>Sends what <see cref="MailQueue"/> holds, one message at a time, through the configured <see cref="IEmailSender"/>.</summary>
public sealed class MailQueueService(MailQueue queue, IEmailSender sender, ILogger<MailQueueService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The address is not logged: it is personal data, and the subject says enough to find the cause.
                logger.LogError(e, "Could not send the mail «{Subject}»; the person can ask for it again.", message.Subject);
            }
            finally
            {
                queue.Done();
            }
        }
    }
}
