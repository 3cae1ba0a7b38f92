namespace Bylab.Benchmarks;

public static class Report
{
    private const double P99AimMs = 50;
    private const double ThroughputAim = 0.30;

    public static void Print(IReadOnlyList<ScenarioResult> results, Options options, SeededData seeded)
    {
        var trivial = results[0];
        var width = Math.Max(30, results.Max(r => r.Name.Length));
        Console.WriteLine();
        Console.WriteLine($"{"scenario".PadRight(width)}  {"req/s",9}  {"p50 ms",8}  {"p99 ms",8}  {"requests",9}  {"failures",8}  {"vs trivial",10}");
        Console.WriteLine(new string('-', width + 2 + 9 + 2 + 8 + 2 + 8 + 2 + 9 + 2 + 8 + 2 + 10));
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name.PadRight(width)}  {r.RequestsPerSecond,9:0.0}  {r.P50Ms,8:0.00}  {r.P99Ms,8:0.00}  {r.Requests,9}  {r.Failures,8}  " +
                $"{r.RequestsPerSecond / trivial.RequestsPerSecond,10:P1}");
        }
        foreach (var r in results.Where(r => r.Failures > 0))
        {
            Console.WriteLine($"  failures in {r.Name}: {string.Join(", ", r.FailureKinds.Select(k => $"{k.Value} × {k.Key}"))}");
        }
        Console.WriteLine();

        // The aims of issue 4 concern the idea list: default sort, filtered and searched. The events rows have no aim but zero failures.
        var lists = results.Skip(1).Take(3).ToList();
        var worstP99 = lists.MaxBy(r => r.P99Ms)!;
        var worstShare = lists.MinBy(r => r.RequestsPerSecond)!;
        var share = worstShare.RequestsPerSecond / trivial.RequestsPerSecond;
        var failures = results.Sum(r => r.Failures);
        Console.WriteLine("Aims (idea list = the list, filtered and searched rows):");
        Console.WriteLine($"  idea list p99 < {P99AimMs} ms:          {Mark(worstP99.P99Ms < P99AimMs)} worst {worstP99.P99Ms:0.0} ms ({worstP99.Name.Split(' ')[0]})");
        Console.WriteLine($"  idea list ≥ {ThroughputAim:P0} of trivial req/s: {Mark(share >= ThroughputAim)} lowest {share:P1} ({worstShare.Name.Split(' ')[0]})");
        Console.WriteLine($"  zero failed requests:           {Mark(failures == 0)} {failures} failed");
        Console.WriteLine($"(concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0} s per scenario in {options.Rounds} rounds after " +
            $"{options.WarmUp.TotalSeconds:0} s warm-up, " +
            $"{seeded.Ideas.Count} visible ideas, {seeded.Events.Published} published events; load generator and site share {Environment.ProcessorCount} cores)");
    }

    private static string Mark(bool ok) => ok ? "MET   " : "MISSED";
}
