using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Email;

/// <summary>The outbox forgets: messages older than <see cref="EmailOptions.OutboxRetentionHours"/> are deleted (with their attachments).</summary>
public sealed class OutboxRetention(BylabDbContext db, IOptions<EmailOptions> options, TimeProvider time)
{
    public Task<int> DeleteExpiredAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddHours(-options.Value.OutboxRetentionHours);
        return db.OutboxMessages.Where(m => m.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
