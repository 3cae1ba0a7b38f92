using System.Collections.Concurrent;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Bylab.Core.Summaries;

/// <summary>
/// The computed summaries, one per consultation, each with the fingerprint it was computed at: the change stamp
/// (<c>SummaryStamps.Version</c>, moved on by triggers on every table a summary reads, migration <c>SummaryChangeStamp</c>)
/// and the UTC day (the growth runs to today while a consultation is open). A warm request costs one primary-key read;
/// any write to ideas, votes, comments, moderation, answers, events or accounts' demographics makes the next request
/// compute again, so the figures stay exact. One computation per consultation at a time: requests that arrive while it
/// runs wait for it instead of computing the same figures side by side on a busy machine.
/// </summary>
public sealed class SummaryCache(IMemoryCache cache)
{
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();

    public sealed record Fingerprint(long Stamp, DateOnly Day);

    private sealed record Entry(Fingerprint Fingerprint, ConsultationSummaryReport Report);

    public static async Task<long> StampAsync(BylabDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>("SELECT Version AS Value FROM SummaryStamps WHERE Id = 1").SingleAsync(ct);

    /// <summary>The report computed at <paramref name="fingerprint"/>, else <paramref name="compute"/>'s (kept for the next request).</summary>
    public async Task<ConsultationSummaryReport> GetOrComputeAsync(int consultationId, Fingerprint fingerprint,
        Func<CancellationToken, Task<ConsultationSummaryReport>> compute, CancellationToken ct)
    {
        if (Cached(consultationId, fingerprint) is { } hit)
        {
            return hit;
        }
        var gate = _locks.GetOrAdd(consultationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (Cached(consultationId, fingerprint) is { } done)
            {
                return done;
            }
            // The fingerprint was read before computing: a change during the computation moves the stamp on, so the
            // next request computes again rather than keeping figures that might predate it.
            var report = await compute(ct);
            cache.Set(Key(consultationId), new Entry(fingerprint, report));
            return report;
        }
        finally
        {
            gate.Release();
        }
    }

    private ConsultationSummaryReport? Cached(int consultationId, Fingerprint fingerprint) =>
        cache.TryGetValue(Key(consultationId), out Entry? entry) && entry!.Fingerprint == fingerprint ? entry.Report : null;

    private static string Key(int consultationId) => $"summary:{consultationId}";
}
