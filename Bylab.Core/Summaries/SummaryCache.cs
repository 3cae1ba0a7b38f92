using System.Collections.Concurrent;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Bylab.Core.Summaries;

/// <summary>
/// The computed parts of the summaries, each kept with the fingerprint it was computed at (migration
/// <c>SummaryAggregates</c>): the figures by the consultation's <c>Version</c>, the global stamp (themes, accounts'
/// demographics) and the UTC day (the growth runs to today while a consultation is open); the words by the
/// consultation's <c>TextVersion</c> only; what the ideas are (<see cref="IdeaFigures.Part"/>) by its <c>IdeasVersion</c>
/// and the global stamp. Triggers move the stamps on every write a part reads, so the figures stay
/// exact, and a write in one consultation leaves the others' parts alone. A warm request costs one read of the stamps.
/// Single flight: one computation per key and fingerprint; requests arriving meanwhile await the same task instead of
/// computing the same figures side by side on a busy machine.
/// </summary>
public sealed class SummaryCache(IMemoryCache cache)
{
    private readonly ConcurrentDictionary<(string Key, object Fingerprint), Lazy<Task<object>>> _inFlight = new();

    /// <param name="Global">SummaryStamps.Version: themes and accounts (demographics, deletion).</param>
    /// <param name="Version">The consultation's stamp: everything else its figures read.</param>
    /// <param name="TextVersion">The consultation's listed ideas' text: all the words depend on.</param>
    /// <param name="IdeasVersion">The consultation's listed ideas but their counters: listing, text, theme, status, answer, principles, goals.</param>
    public sealed record Stamps(long Global, long Version, long TextVersion, long IdeasVersion);

    public sealed record Fingerprint(long Global, long Version, DateOnly Day);

    private sealed record Entry(object Fingerprint, object Value);

    public static async Task<Stamps> StampsAsync(BylabDbContext db, int consultationId, CancellationToken ct) =>
        await db.Database.SqlQuery<Stamps>($"""
            SELECT g.Version AS Global, COALESCE(s.Version, -1) AS Version, COALESCE(s.TextVersion, -1) AS TextVersion,
                COALESCE(s.IdeasVersion, -1) AS IdeasVersion
            FROM SummaryStamps g LEFT JOIN SummaryConsultationStamps s ON s.ConsultationId = {consultationId}
            WHERE g.Id = 1
            """).SingleAsync(ct);

    /// <summary>The value computed at <paramref name="fingerprint"/>, else <paramref name="compute"/>'s (kept for the next request).</summary>
    /// <remarks>
    /// The fingerprint is read before computing: a change during the computation moves the stamp on, so the next request
    /// computes again rather than keeping figures that might predate it. The computation is not cancelled with the
    /// request that started it: others may be awaiting it.
    /// </remarks>
    public async Task<T> GetOrComputeAsync<T>(string key, object fingerprint, Func<Task<T>> compute) where T : class
    {
        if (Cached<T>(key, fingerprint) is { } hit)
        {
            return hit;
        }
        var flight = _inFlight.GetOrAdd((key, fingerprint), k => new Lazy<Task<object>>(async () =>
        {
            try
            {
                var value = await compute();
                cache.Set(key, new Entry(fingerprint, value));
                return value;
            }
            finally
            {
                _inFlight.TryRemove(k, out _);
            }
        }));
        return (T)await flight.Value;
    }

    /// <summary>The last value kept under <paramref name="key"/>, whatever it was computed at (for reusing its unchanged pieces).</summary>
    public T? Last<T>(string key) where T : class => cache.TryGetValue(key, out Entry? entry) ? entry!.Value as T : null;

    private T? Cached<T>(string key, object fingerprint) where T : class =>
        cache.TryGetValue(key, out Entry? entry) && entry!.Fingerprint.Equals(fingerprint) ? entry.Value as T : null;
}
