using System.Globalization;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Auditing;

/// <summary>Writes audit entries into the caller's unit of work: the entry is saved with the change it describes.</summary>
public sealed class AuditLog(BylabDbContext db, TimeProvider time)
{
    /// <summary>Work the system does on its own (the background service), not a person.</summary>
    public static readonly Actor System = new("system", "Bylab");

    public void Add(Actor actor, string action, string? targetType = null, string? targetId = null, string? details = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Details = details is { Length: > 2000 } ? details[..2000] : details,
        });
    }

    public void Add(Actor actor, string action, string targetType, int targetId, string? details = null) =>
        Add(actor, action, targetType, targetId.ToString(CultureInfo.InvariantCulture), details);

    /// <summary>The account as the log names it: its id and its display name now.</summary>
    public async Task<Actor> ActorAsync(string userId, CancellationToken ct = default) =>
        new(userId, await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct));
}

/// <summary>Who is acting, as far as the audit log is concerned.</summary>
public sealed record Actor(string UserId, string? Name);
