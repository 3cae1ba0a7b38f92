using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Auditing;

/// <summary>What the audit log is cut by: an action code, who acted, and Oslo dates (both days included).</summary>
public sealed record AuditFilter(string? Action = null, string? ActorId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>An entry with the name of what it concerns, read now: an event's or idea's title, a person's name.</summary>
/// <param name="TargetName">Null when the subject is gone (a deleted account or event) or has no name.</param>
public sealed record AuditRow(AuditEntry Entry, string? TargetName);

/// <summary>A person who appears in the log as the one who acted, for the filter.</summary>
public sealed record AuditActor(string Id, string Name);

/// <summary>Reading the audit log for the admin page: filters, and the names of the things entries concern.</summary>
public sealed class AuditQueries(BylabDbContext db)
{
    public const int PageSize = 50;

    public async Task<Paged<AuditRow>> ListAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var page = Paged<AuditRow>.Clamp(filter.Page);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }
        if (!string.IsNullOrWhiteSpace(filter.ActorId))
        {
            query = query.Where(e => e.ActorId == filter.ActorId);
        }
        // Dates are the reader's, in Oslo: a day runs from Oslo midnight to Oslo midnight.
        if (filter.From is { } from && OsloTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)) is { } fromUtc)
        {
            query = query.Where(e => e.At >= fromUtc);
        }
        if (filter.To is { } to && OsloTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) is { } toUtc)
        {
            query = query.Where(e => e.At < toUtc);
        }
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = await TargetNamesAsync(entries, ct);
        var rows = entries.Select(e => new AuditRow(e, names.GetValueOrDefault(Key(e.TargetType, e.TargetId)))).ToList();
        return new Paged<AuditRow>(rows, page, PageSize, total);
    }

    /// <summary>Everyone who has acted, by the name they had when they last acted (a deleted account keeps its id).</summary>
    public async Task<IReadOnlyList<AuditActor>> ActorsAsync(CancellationToken ct = default)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.ActorId != null)
            .GroupBy(e => e.ActorId!)
            .Select(g => new { Id = g.Key, Name = g.OrderByDescending(e => e.Id).Select(e => e.ActorName).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => new AuditActor(r.Id, r.Name ?? "")).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The action codes that occur in the log (new kinds show up in the filter by themselves).</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

    private static string Key(string? type, string? id) => $"{type?.ToLowerInvariant()}:{id}";

    private async Task<Dictionary<string, string>> TargetNamesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        List<string> Ids(string type) => entries.Where(e => string.Equals(e.TargetType, type, StringComparison.OrdinalIgnoreCase) && e.TargetId is not null)
            .Select(e => e.TargetId!).Distinct().ToList();
        List<int> IntIds(string type) => Ids(type).Select(s => int.TryParse(s, out var n) ? n : (int?)null).OfType<int>().ToList();

        var names = new Dictionary<string, string>();
        var users = Ids("user");
        foreach (var u in await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        {
            names[Key("user", u.Id)] = u.DisplayName;
        }
        var events = IntIds("event");
        foreach (var e in await db.Events.AsNoTracking().Where(e => events.Contains(e.Id)).Select(e => new { e.Id, e.Title }).ToListAsync(ct))
        {
            names[Key("event", e.Id.ToString())] = e.Title;
        }
        var ideas = IntIds("idea");
        foreach (var i in await db.Ideas.AsNoTracking().Where(i => ideas.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(ct))
        {
            names[Key("idea", i.Id.ToString())] = i.Title;
        }
        var consultations = IntIds("consultation");
        foreach (var c in await db.Consultations.AsNoTracking().Where(c => consultations.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
        {
            names[Key("consultation", c.Id.ToString())] = c.Title;
        }
        var themes = IntIds("theme");
        foreach (var t in await db.Themes.AsNoTracking().Where(t => themes.Contains(t.Id)).Select(t => new { t.Id, t.Title }).ToListAsync(ct))
        {
            names[Key("theme", t.Id.ToString())] = t.Title;
        }
        return names;
    }
}
