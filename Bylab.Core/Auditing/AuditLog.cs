using Bylab.Core.Data;

namespace Bylab.Core.Auditing;

/// <summary>Writes audit entries into the caller's unit of work: the entry is saved with the change it describes.</summary>
public sealed class AuditLog(BylabDbContext db, TimeProvider time)
{
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
}

/// <summary>Who is acting, as far as the audit log is concerned.</summary>
public sealed record Actor(string UserId, string? Name);
