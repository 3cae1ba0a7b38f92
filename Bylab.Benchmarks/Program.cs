using System.Diagnostics;
using System.Globalization;
using System.Net;
using Bylab.Benchmarks;

// Seeds a big database, starts the real site on loopback and drives it; see README "Benchmark".
// Options (argument or environment): --duration/BENCH_DURATION seconds per scenario (10), --warmup/BENCH_WARMUP (3),
// --concurrency/BENCH_CONCURRENCY workers (8), --rounds/BENCH_ROUNDS (5), --voters/BENCH_VOTERS people logged in to vote (20),
// --keep (keep the data folder).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options.Parse(args);
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
var ct = cts.Token;

var repoRoot = Options.FindRepoRoot();
var dataFolder = Path.Combine(Path.GetTempPath(), "bylab-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dataFolder);
Site? site = null;
// Kill the site if the benchmark is ended some other way (SIGTERM, an unhandled exception).
AppDomain.CurrentDomain.ProcessExit += (_, _) => site?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));

try
{
    Console.WriteLine($"Bylab benchmark: {options.Concurrency} concurrent workers, {options.WarmUp.TotalSeconds:0} s warm-up + " +
        $"{options.Duration.TotalSeconds:0} s measured per scenario in {options.Rounds} rounds, {Environment.ProcessorCount} cores, data in {dataFolder}");

    Console.Write($"Seeding {Seeder.UserCount} users, {Seeder.IdeaCount:N0} ideas, {Seeder.VoteCount:N0} votes, {Seeder.CommentCount:N0} comments… ");
    var seeded = await Seeder.SeedAsync(dataFolder, ct);
    Console.WriteLine($"done in {seeded.Took.TotalSeconds:0.0} s ({new FileInfo(Path.Combine(dataFolder, "bylab.db")).Length / 1024 / 1024} MB; " +
        $"search word «{seeded.SearchWord}» in {seeded.SearchHits} visible ideas)");

    var startWatch = Stopwatch.StartNew();
    site = await Site.StartAsync(repoRoot, dataFolder, ct);
    Console.WriteLine($"Site up at {site.BaseAddress} in {startWatch.Elapsed.TotalSeconds:0.0} s (Release, Production, log: {site.LogFile})");

    var ideas = seeded.Ideas;
    var firstIdea = $"/ideer/{ideas[0].Slug}";
    var loginWatch = Stopwatch.StartNew();
    var voters = await Voters.LogInAsync(site.BaseAddress, seeded.VoterEmails.Take(options.Voters), seeded.Password, firstIdea, ct);
    Console.WriteLine($"Logged in {voters.Count} voters through /konto/logg-inn in {loginWatch.Elapsed.TotalSeconds:0.0} s");

    using var client = new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Concurrency,
        AllowAutoRedirect = false,
        // Cookies go per request (each vote carries its voter's), so one connection pool serves every scenario.
        UseCookies = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = site.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    var scenarios = Scenarios(seeded, voters);
    foreach (var s in scenarios)
    {
        using var probe = s.NextRequest();
        using var response = await client.SendAsync(probe, ct);
        if (response.StatusCode != s.Expected)
        {
            Console.WriteLine($"  note: {s.Name} answers {(int)response.StatusCode} ({probe.RequestUri}), expected {(int)s.Expected}");
        }
    }

    var generator = new LoadGenerator(client, options.Concurrency, options.WarmUp, options.Duration, options.Rounds);
    var results = await generator.RunAsync(scenarios, step => Console.WriteLine($"  {step}"), ct);

    Report.Print(results, options, seeded);
    return results.Sum(r => r.Failures) == 0 ? 0 : 1;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.WriteLine();
    Console.WriteLine("Cancelled.");
    return 130;
}
catch (Exception e)
{
    Console.WriteLine();
    Console.Error.WriteLine($"Benchmark failed: {e.Message}");
    if (site is not null)
    {
        Console.Error.WriteLine("Last lines of the site's log:");
        Console.Error.WriteLine(site.Tail());
    }
    return 2;
}
finally
{
    if (site is not null)
    {
        await site.DisposeAsync();
        site = null;
    }
    if (!options.Keep)
    {
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
    else
    {
        Console.WriteLine($"Data kept in {dataFolder}");
    }
}

static List<Scenario> Scenarios(SeededData seeded, List<Voter> voters)
{
    var ideas = seeded.Ideas;
    var search = Uri.EscapeDataString(seeded.SearchWord);
    long votes = -1;
    return
    [
        new("trivial  GET /healthz/live", () => Get("/healthz/live"), HttpStatusCode.OK),
        new("list     GET /ideer", () => Get("/ideer"), HttpStatusCode.OK),
        // The theme filter takes the theme's slug, as the list's filter form sends it.
        new($"filtered GET /ideer?tema={seeded.FilterThemeSlug}&sorter=stemmer",
            () => Get($"/ideer?tema={seeded.FilterThemeSlug}&sorter=stemmer"), HttpStatusCode.OK),
        new($"searched GET /ideer?q={seeded.SearchWord}", () => Get($"/ideer?q={search}"), HttpStatusCode.OK),
        new("idea     GET /ideer/{slug-id}", () => Get($"/ideer/{ideas[Random.Shared.Next(ideas.Count)].Slug}"), HttpStatusCode.OK),
        // Every vote is a new (person, idea) pair: person n % K takes ideas in a stride through the list that never
        // repeats for them (7919 is prime, so coprime with the idea count), and the voters have no seeded votes.
        new("vote     POST /ideer/{id}/stem", () =>
        {
            var n = Interlocked.Increment(ref votes);
            var index = (int)(n % voters.Count);
            var voter = voters[index];
            var round = n / voters.Count;
            var idea = ideas[(int)((index * 131L + round * 7919L) % ideas.Count)];
            var request = new HttpRequestMessage(HttpMethod.Post, $"/ideer/{idea.Id}/stem")
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", voter.Token)]),
            };
            request.Headers.Add("Cookie", voter.CookieHeader);
            return request;
        }, HttpStatusCode.Redirect),
    ];

    static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
}
