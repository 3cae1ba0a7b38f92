namespace Bylab.Benchmarks;

public sealed record Options(TimeSpan Duration, TimeSpan WarmUp, int Concurrency, int Rounds, int Voters, bool Keep)
{
    /// <summary>Arguments win over environment variables, which win over the defaults.</summary>
    public static Options Parse(string[] args)
    {
        string? Value(string name, string env)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : Environment.GetEnvironmentVariable(env);
        }
        int Number(string name, string env, int fallback, int min, int max)
        {
            var text = Value(name, env);
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }
            if (!int.TryParse(text, out var n) || n < min || n > max)
            {
                throw new ArgumentException($"--{name} ({env}) must be a whole number from {min} to {max}, not '{text}'.");
            }
            return n;
        }
        return new Options(
            TimeSpan.FromSeconds(Number("duration", "BENCH_DURATION", 10, 1, 3600)),
            TimeSpan.FromSeconds(Number("warmup", "BENCH_WARMUP", 3, 0, 600)),
            Number("concurrency", "BENCH_CONCURRENCY", 8, 1, 1024),
            Number("rounds", "BENCH_ROUNDS", 5, 1, 100),
            Number("voters", "BENCH_VOTERS", 20, 1, Seeder.VoterCount),
            args.Contains("--keep") || Environment.GetEnvironmentVariable("BENCH_KEEP") == "1");
    }

    /// <summary>The folder with Bylab.sln: from the working directory, else from where the benchmark's binaries are.</summary>
    public static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bylab.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Bylab.sln not found above the working directory or the benchmark's binaries.");
    }
}
