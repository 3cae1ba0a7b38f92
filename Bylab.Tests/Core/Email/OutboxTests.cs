using Bylab.Core.Email;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bylab.Tests.Core.Email;

/// <summary>The development outbox forgets, and shows links without their secrets; the mail queue sends after the answer.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task MessagesOlderThanTheRetentionAreDeletedWithTheirAttachments()
    {
        await using var core = await CoreHarness.CreateAsync();
        var now = core.Clock.GetUtcNow().UtcDateTime;
        await core.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { CreatedAt = now.AddHours(-73), To = "gammel@example.org", Subject = "Gammel", TextBody = "x",
                Attachments = [new OutboxAttachment { FileName = "a.ics", ContentType = "text/calendar", Content = [1] }] });
            db.OutboxMessages.Add(new OutboxMessage { CreatedAt = now.AddHours(-71), To = "ny@example.org", Subject = "Ny", TextBody = "x" });
            return await db.SaveChangesAsync();
        });

        var deleted = await core.WithDbAsync(db => new OutboxRetention(db, Options.Create(new EmailOptions { OutboxRetentionHours = 72 }), core.Clock).DeleteExpiredAsync());

        Assert.Equal(1, deleted);
        Assert.Equal(["ny@example.org"], await core.WithDbAsync(db => db.OutboxMessages.Select(m => m.To).ToListAsync()));
        Assert.Equal(0, await core.WithDbAsync(db => db.Set<OutboxAttachment>().CountAsync()));
    }

    [Theory]
    [InlineData("Åpne lenken: https://bylab.example/konto/passord/ny?email=kari%40example.org&token=CfDJ8Bq6omAbCdEf%2BtI5FOjkD", "https://bylab.example/konto/passord/ny?email=•••&token=•••")]
    [InlineData("Din side: https://bylab.example/pamelding/pH9GXnGLI5miosuEBRMmqvuUsbMfL4othBN_ntkViAB.", "https://bylab.example/pamelding/•••")]
    [InlineData("Programmet: https://bylab.example/arrangementer/verksted-om-bykjernen-hamar-mot-2030-pa-bylab", "https://bylab.example/arrangementer/verksted-om-bykjernen-hamar-mot-2030-pa-bylab")]
    [InlineData("Innsjekk: https://bylab.example/arrangor/innsjekk/ABCD2345", "https://bylab.example/arrangor/innsjekk/ABCD2345")]
    public void TheOutboxShowsWhereALinkLeadsButNotItsSecret(string text, string shown) =>
        Assert.Contains(shown, OutboxMask.Mask(text));

    [Fact]
    public async Task TheQueueSendsEverythingAndGoesOnAfterAFailure()
    {
        var queue = new MailQueue();
        var sender = new FlakySender();
        using var service = new MailQueueService(queue, sender, NullLogger<MailQueueService>.Instance);
        await service.StartAsync(CancellationToken.None);

        queue.Enqueue(new EmailMessage("feil@example.org", "Første", "x"));
        queue.Enqueue(new EmailMessage("kari@example.org", "Andre", "x"));
        await queue.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["Andre"], sender.Sent);
        await service.StopAsync(CancellationToken.None);
    }

    private sealed class FlakySender : IEmailSender
    {
        public List<string> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            if (message.To.StartsWith("feil", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The mail server said no.");
            }
            Sent.Add(message.Subject);
            return Task.CompletedTask;
        }
    }
}
