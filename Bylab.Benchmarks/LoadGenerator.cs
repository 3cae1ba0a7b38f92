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
/// A closed loop: <c>concurrency</c> workers each send a request, read the whole response and send the next.
/// Every scenario is warmed up first (not recorded). The measured time is then cut into rounds, and each round
/// visits every scenario in turn: on a shared, noisy machine a burst of someone else's work then lands on all
/// scenarios alike instead of on whichever happened to run at the time, so the ratios stay fair.
/// Every latency is kept; percentiles are exact.
/// </summary>
public sealed class LoadGenerator(HttpClient client, int concurrency, TimeSpan warmUp, TimeSpan duration, int rounds)
{
    public async Task<List<ScenarioResult>> RunAsync(IReadOnlyList<Scenario> scenarios, Action<string> progress, CancellationToken ct)
    {
        if (warmUp > TimeSpan.Zero)
        {
            progress($"warm-up {warmUp.TotalSeconds:0} s per scenario");
            foreach (var scenario in scenarios)
            {
                await PhaseAsync(scenario, warmUp, ct);
            }
        }
        var slice = duration / rounds;
        var measured = scenarios.Select(_ => new List<Phase>()).ToArray();
        for (var round = 1; round <= rounds; round++)
        {
            progress($"round {round}/{rounds} ({slice.TotalSeconds:0.#} s per scenario)");
            for (var i = 0; i < scenarios.Count; i++)
            {
                measured[i].Add(await PhaseAsync(scenarios[i], slice, ct));
            }
        }
        return scenarios.Select((scenario, i) =>
        {
            var phases = measured[i];
            var latencies = phases.SelectMany(p => p.Latencies).ToArray();
            Array.Sort(latencies);
            var kinds = phases.SelectMany(p => p.FailureKinds).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.Sum(k => k.Value));
            return new ScenarioResult(scenario.Name, latencies.Length, phases.Sum(p => p.Failures), phases.Sum(p => p.Seconds),
                Percentile(latencies, 0.50), Percentile(latencies, 0.99), kinds);
        }).ToList();
    }

    private sealed record Phase(List<double> Latencies, long Failures, double Seconds, Dictionary<string, long> FailureKinds);

    private async Task<Phase> PhaseAsync(Scenario scenario, TimeSpan length, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkerAsync(scenario, end, ct), ct)).ToArray();
        var results = await Task.WhenAll(workers);
        // Up to the last response: a closed loop finishes the requests in flight when the time is up.
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var kinds = results.SelectMany(r => r.FailureKinds).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.Sum(k => k.Value));
        return new Phase(results.SelectMany(r => r.Latencies).ToList(), results.Sum(r => r.Failures), seconds, kinds);
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
