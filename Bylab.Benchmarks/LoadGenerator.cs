using System.Diagnostics;
using System.Net;

namespace Bylab.Benchmarks;

/// <summary>One kind of request: how to make the next one, and which status counts as success.</summary>
/// <param name="NextRequest">Called once per request, from many workers at once: must be thread-safe.</param>
public sealed record Scenario(string Name, Func<HttpRequestMessage> NextRequest, HttpStatusCode Expected);

public sealed record ScenarioResult(string Name, long Requests, long Failures, double Seconds, double P50Ms, double P99Ms,
    IReadOnlyDictionary<string, long> FailureKinds)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// A closed loop: <c>concurrency</c> workers each send a request, read the whole response and send the next,
/// first for a warm-up (not recorded), then for the measured duration. Every latency is kept; percentiles are exact.
/// </summary>
public sealed class LoadGenerator(HttpClient client, int concurrency, TimeSpan warmUp, TimeSpan duration)
{
    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken ct)
    {
        if (warmUp > TimeSpan.Zero)
        {
            await PhaseAsync(scenario, warmUp, record: false, ct);
        }
        return await PhaseAsync(scenario, duration, record: true, ct);
    }

    private async Task<ScenarioResult> PhaseAsync(Scenario scenario, TimeSpan length, bool record, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkerAsync(scenario, end, ct), ct)).ToArray();
        var results = await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        var failures = results.Sum(r => r.Failures);
        var kinds = results.SelectMany(r => r.FailureKinds)
            .GroupBy(k => k.Key)
            .ToDictionary(g => g.Key, g => g.Sum(k => k.Value));
        return new ScenarioResult(scenario.Name, latencies.Length, failures, seconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), kinds);
    }

    private sealed class WorkerResult
    {
        public List<double> Latencies { get; } = new(16_384);
        public long Failures { get; set; }
        public Dictionary<string, long> FailureKinds { get; } = [];

        public void Fail(string kind)
        {
            Failures++;
            FailureKinds[kind] = FailureKinds.GetValueOrDefault(kind) + 1;
        }
    }

    private async Task<WorkerResult> WorkerAsync(Scenario scenario, long end, CancellationToken ct)
    {
        var result = new WorkerResult();
        var buffer = new byte[16 * 1024];
        while (Stopwatch.GetTimestamp() < end)
        {
            ct.ThrowIfCancellationRequested();
            using var request = scenario.NextRequest();
            var before = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                // The whole body is read: a page is served when its last byte is, not its headers.
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                while (await body.ReadAsync(buffer, ct) > 0)
                {
                }
                result.Latencies.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                if (response.StatusCode != scenario.Expected)
                {
                    result.Fail($"HTTP {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException e)
            {
                result.Latencies.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                result.Fail(e.HttpRequestError.ToString());
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                result.Latencies.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                result.Fail("timeout");
            }
        }
        return result;
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
