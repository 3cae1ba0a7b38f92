using Bylab.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Core.Email;

/// <summary>
/// Keeps messages in the database instead of sending them, for development and tests.
/// Uses its own scope so that a message is stored even if the caller's unit of work is rolled back
/// or not saved, just as a real mail server would have received it.
/// </summary>
public sealed class OutboxEmailSender(IServiceScopeFactory scopes, TimeProvider time) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylabDbContext>();
        db.OutboxMessages.Add(new OutboxMessage
        {
            CreatedAt = time.GetUtcNow().UtcDateTime,
            To = message.To,
            Subject = Common.SingleLineText.Flatten(message.Subject),
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Attachments = (message.Attachments ?? []).Select(a => new OutboxAttachment
            {
                FileName = a.FileName,
                ContentType = a.ContentType,
                Content = a.Content,
            }).ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
