using Bylab.Core.Data;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Moderation;

/// <summary>What the public transparency page counts, per month.</summary>
public enum TransparencyMeasure
{
    Reported,
    HiddenAutomatically,
    HiddenByModerator,
    HeldByWordList,
    Restored,
    Reviewed,
}

/// <param name="Reason">Null where the action has no reason of its own (a restore).</param>
public sealed record TransparencyFigure(TransparencyMeasure Measure, ContentKind Kind, ModerationReason? Reason, int Count);

/// <summary>One month (Oslo time) of figures; only non-zero combinations are listed.</summary>
public sealed record TransparencyMonth(int Year, int Month, IReadOnlyList<TransparencyFigure> Figures)
{
    public int Total(TransparencyMeasure measure) => Figures.Where(f => f.Measure == measure).Sum(f => f.Count);

    public int Count(TransparencyMeasure measure, ContentKind kind) => Figures.Where(f => f.Measure == measure && f.Kind == kind).Sum(f => f.Count);

    public int Count(TransparencyMeasure measure, ModerationReason? reason) =>
        Figures.Where(f => f.Measure == measure && f.Reason == reason).Sum(f => f.Count);
}

/// <summary>
/// The public record of moderation: counts per month from the reports and the audit log, by kind of content and reason.
/// No names, no ids, no texts leave this class – only numbers.
/// </summary>
public sealed class TransparencyQueries(BylabDbContext db, TimeProvider time)
{
    public const int Months = 12;

    private static readonly Dictionary<string, TransparencyMeasure> Actions = new()
    {
        [ModerationAuditActions.HiddenAutomatically] = TransparencyMeasure.HiddenAutomatically,
        [ModerationAuditActions.Hidden] = TransparencyMeasure.HiddenByModerator,
        [ModerationAuditActions.HeldByWordList] = TransparencyMeasure.HeldByWordList,
        [ModerationAuditActions.Restored] = TransparencyMeasure.Restored,
        [ModerationAuditActions.ReviewAnswered] = TransparencyMeasure.Reviewed,
    };

    /// <summary>The last <see cref="Months"/> months, newest first, this month included (empty months too).</summary>
    public async Task<IReadOnlyList<TransparencyMonth>> MonthsAsync(CancellationToken ct = default)
    {
        var today = OsloTime.ToOslo(time.GetUtcNow().UtcDateTime);
        var first = new DateTime(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        var from = OsloTime.ToUtc(first)!.Value;

        var reports = await db.Reports.AsNoTracking().Where(r => r.CreatedAt >= from)
            .Select(r => new { r.CreatedAt, r.ItemKind, r.Reason }).ToListAsync(ct);
        var codes = Actions.Keys.ToList();
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.At >= from && codes.Contains(a.Action))
            .Select(a => new { a.At, a.Action, a.TargetType, a.Details }).ToListAsync(ct);

        var rows = reports.Select(r => (At: r.CreatedAt, Measure: TransparencyMeasure.Reported, Kind: (ContentKind?)r.ItemKind, Reason: (ModerationReason?)r.Reason))
            .Concat(actions.Select(a => (At: a.At, Measure: Actions[a.Action], Kind: KindOf(a.TargetType), Reason: ReasonOf(a.Action, a.Details))))
            .Where(r => r.Kind is not null)
            .ToList();

        return Enumerable.Range(0, Months).Select(i => first.AddMonths(Months - 1 - i)).Select(month =>
        {
            var figures = rows.Where(r => InMonth(r.At, month))
                .GroupBy(r => (r.Measure, Kind: r.Kind!.Value, r.Reason))
                .Select(g => new TransparencyFigure(g.Key.Measure, g.Key.Kind, g.Key.Reason, g.Count()))
                .OrderBy(f => f.Measure).ThenBy(f => f.Kind).ThenBy(f => f.Reason)
                .ToList();
            return new TransparencyMonth(month.Year, month.Month, figures);
        }).ToList();
    }

    private static bool InMonth(DateTime utc, DateTime month)
    {
        var oslo = OsloTime.ToOslo(utc);
        return oslo.Year == month.Year && oslo.Month == month.Month;
    }

    private static ContentKind? KindOf(string? targetType) =>
        Enum.TryParse<ContentKind>(targetType, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    /// <summary>Moderation entries start their details with the reason («Spam; …»); a restore has none.</summary>
    private static ModerationReason? ReasonOf(string action, string? details)
    {
        if (action == ModerationAuditActions.Restored || details is null)
        {
            return null;
        }
        var first = details.Split(';', 2)[0].Trim();
        return Enum.TryParse<ModerationReason>(first, out var reason) && Enum.IsDefined(reason) && !int.TryParse(first, out _) ? reason : null;
    }
}
