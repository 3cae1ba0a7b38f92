namespace Bylab.Core.Auditing;

/// <summary>One administrative action. Entries are only ever added, never changed, except that
/// the actor's name is blanked when that person deletes their account.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The user id of whoever acted; kept after account deletion so entries still group.</summary>
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }

    /// <summary>A stable action code such as <c>user.roles.changed</c>; the web layer translates it.</summary>
    public string Action { get; set; } = "";

    public string? TargetType { get; set; }
    public string? TargetId { get; set; }

    /// <summary>Free-text detail in no particular language (role names, old and new values).</summary>
    public string? Details { get; set; }
}
