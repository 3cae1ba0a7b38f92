using System.Diagnostics;
using System.Globalization;
using System.Net;
using Bylab.Benchmarks;

// Seeds a big database (ideas and an events programme), starts the real site on loopback and drives it; see README "Benchmark".
// Options (argument or environment): --duration/BENCH_DURATION seconds per scenario (10), --warmup/BENCH_WARMUP (3),
// --concurrency/BENCH_CONCURRENCY workers (8), --rounds/BENCH_ROUNDS (5), --voters/BENCH_VOTERS people logged in to vote (20),
// --keep (keep the data folder).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options.Parse(args);
// A generous upper bound on sign-ups per second, for sizing the seeded big events (measured: see README).
const int SignUpRateBound = 250;
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

    // Every sign-up must be a new (person, event) pair: enough big events for a generous upper bound on the sign-up rate.
    var signUpsNeeded = (int)(SignUpRateBound * (options.WarmUp + options.Duration).TotalSeconds) + 200;
    Console.Write($"Seeding {Seeder.UserCount} users, {Seeder.IdeaCount:N0} ideas, {Seeder.VoteCount:N0} votes, {Seeder.CommentCount:N0} comments, " +
        $"{Seeder.PublishedEventCount} published events, ~{Seeder.RegistrationTarget:N0} registrations… ");
    var seeded = await Seeder.SeedAsync(dataFolder, signUpsNeeded, ct);
    var ev = seeded.Events;
    Console.WriteLine($"done in {seeded.Took.TotalSeconds:0.0} s ({new FileInfo(Path.Combine(dataFolder, "bylab.db")).Length / 1024 / 1024} MB; " +
        $"search word «{seeded.SearchWord}» in {seeded.SearchHits} visible ideas)");
    Console.WriteLine($"  events: {ev.Published} published ({ev.SignUpSlugs.Count} with {Seeder.BigEventCapacity:N0} places for the sign-ups), " +
        $"{ev.Cancelled} cancelled, {ev.Drafts} drafts; {ev.Registrations:N0} registrations ({ev.Confirmed:N0} confirmed, {ev.Waitlisted:N0} waitlisted); " +
        $"busiest month {ev.BusyYear}-{ev.BusyMonth:00} with {ev.BusyMonthEvents} events");
    var bk = seeded.Bookings;
    Console.WriteLine($"  bookings: {bk.Total:N0} over a year ({bk.Approved:N0} approved, {bk.Pending} pending, {bk.Cancelled} cancelled) for " +
        $"{bk.Organisations} organisations; busiest coming week {bk.BusyWeek:yyyy-MM-dd} with {bk.BusyWeekUses} approved bookings");

    var startWatch = Stopwatch.StartNew();
    site = await Site.StartAsync(repoRoot, dataFolder, ct);
    Console.WriteLine($"Site up at {site.BaseAddress} in {startWatch.Elapsed.TotalSeconds:0.0} s (Release, Production, log: {site.LogFile})");

    var ideas = seeded.Ideas;
    var firstIdea = $"/ideer/{ideas[0].Slug}";
    var loginWatch = Stopwatch.StartNew();
    // The sign-up people, of whom the last are the voters (no seeded votes, no seeded registrations): one login each.
    var people = await Voters.LogInAsync(site.BaseAddress, seeded.SignUpEmails, seeded.Password, firstIdea, ct);
    var voters = people.Where(p => seeded.VoterEmails.Contains(p.Email)).Take(options.Voters).ToList();
    Console.WriteLine($"Logged in {people.Count} people through /konto/logg-inn in {loginWatch.Elapsed.TotalSeconds:0.0} s " +
        $"({voters.Count} of them vote, all sign up)");

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

    var signUps = new SignUps(people, seeded.Events.SignUpSlugs);
    var requests = new BookingRequests(people, seeded.Bookings);
    var politician = people.Single(p => p.Email == seeded.PoliticianEmail);
    var scenarios = Scenarios(seeded, voters, signUps, requests, politician);
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

    if (site.ExitCode is { } exit)
    {
        Console.WriteLine($"The site stopped during the run (exit code {exit}); last lines of its log:");
        Console.WriteLine(site.Tail());
    }
    Report.Print(results, options, seeded);

    // A repeated pair would also answer 303 (to the existing registration): count the rows to be sure each was new.
    var made = await Seeder.SignUpsSinceSeedAsync(dataFolder, seeded, ct);
    var sent = signUps.Sent;
    var fresh = made == sent - results.Single(r => r.Name == SignUps.Name).Failures || made == sent;
    Console.WriteLine($"Sign-up check: {sent:N0} sign-up requests (probe and warm-up included), {made:N0} new registrations in the database " +
        $"{(fresh ? "(each a new person–event pair)" : "– MISMATCH")}{(signUps.RanOut ? "; the pairs ran out (404s): raise SignUpRateBound" : "")}");
    var asked = await Seeder.BookingRequestsSinceSeedAsync(dataFolder, seeded, ct);
    var requested = requests.Sent - results.Single(r => r.Name == BookingRequests.Name).Failures;
    Console.WriteLine($"Booking check: {requests.Sent:N0} booking requests (probe and warm-up included), {asked:N0} new pending requests in the database" +
        $"{(asked == requested ? " (one per successful request)" : " – MISMATCH")}");
    return results.Sum(r => r.Failures) == 0 && fresh && asked == requested ? 0 : 1;
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

static List<Scenario> Scenarios(SeededData seeded, List<Voter> voters, SignUps signUps, BookingRequests requests, Voter politician)
{
    var summary = $"/medvirkning/{SeededData.SummarySlug}/oppsummering";
    var bk = seeded.Bookings;
    var ev = seeded.Events;
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
        // The events pages of issue 5 (after the idea rows: the ideas' aims are read from rows 2–4).
        new("programme GET /arrangementer", () => Get("/arrangementer"), HttpStatusCode.OK),
        new($"month    GET /arrangementer/kalender?ar={ev.BusyYear}&maned={ev.BusyMonth}",
            () => Get($"/arrangementer/kalender?ar={ev.BusyYear}&maned={ev.BusyMonth}"), HttpStatusCode.OK),
        new("event    GET /arrangementer/{slug}", () => Get($"/arrangementer/{ev.Slugs[Random.Shared.Next(ev.Slugs.Count)]}"), HttpStatusCode.OK),
        new("feed     GET /arrangementer/kalender.ics", () => Get("/arrangementer/kalender.ics"), HttpStatusCode.OK),
        new(SignUps.Name, signUps.Next, HttpStatusCode.SeeOther),
        // Venue booking (issue 12), with a year of bookings seeded: the calendar anonymous, the request as an organiser.
        new($"venue week GET /lokalet/kalender?dato={bk.BusyWeek:yyyy-MM-dd}", () => Get($"/lokalet/kalender?dato={bk.BusyWeek:yyyy-MM-dd}"), HttpStatusCode.OK),
        new($"venue month GET /lokalet/kalender/maned?ar={bk.BusyYear}&maned={bk.BusyMonth}",
            () => Get($"/lokalet/kalender/maned?ar={bk.BusyYear}&maned={bk.BusyMonth}"), HttpStatusCode.OK),
        new(BookingRequests.Name, requests.Next, HttpStatusCode.Redirect),
        // Issue 14: the summary of the consultation with all 10,000 ideas, read by a politician (it is not yet published), and its PDF.
        new("summary  GET /medvirkning/{slug}/oppsummering", () => AsPolitician(summary), HttpStatusCode.OK),
        new("summary PDF GET …/oppsummering.pdf", () => AsPolitician(summary + "/oppsummering.pdf"), HttpStatusCode.OK),
    ];

    HttpRequestMessage AsPolitician(string path)
    {
        var request = Get(path);
        request.Headers.Add("Cookie", politician.CookieHeader);
        return request;
    }

    static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
}

/// <summary>
/// The sign-up scenario: signed-in people sign up for the big events, each request a new (person, event) pair
/// (person n % P, event n / P), so every one is a real sign-up that gets its place at once (303 to /pamelding/{token}).
/// </summary>
sealed class SignUps(IReadOnlyList<Voter> people, IReadOnlyList<string> slugs)
{
    public const string Name = "sign-up  POST /arrangementer/{slug}/pamelding";
    private long _next = -1;

    public long Sent => Math.Min(Interlocked.Read(ref _next) + 1, (long)people.Count * slugs.Count);
    public bool RanOut => Interlocked.Read(ref _next) + 1 > (long)people.Count * slugs.Count;

    public HttpRequestMessage Next()
    {
        var n = Interlocked.Increment(ref _next);
        var person = people[(int)(n % people.Count)];
        var eventIndex = n / people.Count;
        // Out of fresh pairs: a 404 that the report counts as a failure, never a silent repeat.
        var slug = eventIndex < slugs.Count ? slugs[(int)eventIndex] : "ingen-flere-par";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/arrangementer/{slug}/pamelding")
        {
            Content = new FormUrlEncodedContent([
                new("__RequestVerificationToken", person.Token),
                new("Companions", "0"),
                new("Consent", "true"),
            ]),
        };
        request.Headers.Add("Cookie", person.CookieHeader);
        return request;
    }
}

/// <summary>
/// The booking-request scenario: signed-in organisers (the sign-up people, members of Sykkelnettverket) ask for the
/// meeting room at 21:00–21:45 on a free weekday evening, through the real form post; each is a new pending request,
/// checked against the rules, the opening hours and what holds the room, in a write transaction (302 to the booking).
/// </summary>
sealed class BookingRequests(IReadOnlyList<Voter> people, SeededBookings bookings)
{
    public const string Name = "booking  POST /lokalet/bookinger/ny";
    private long _next = -1;

    public long Sent => Interlocked.Read(ref _next) + 1;

    public HttpRequestMessage Next()
    {
        var n = Interlocked.Increment(ref _next);
        var person = people[(int)(n % people.Count)];
        var date = bookings.RequestDates[(int)(n % bookings.RequestDates.Count)];
        var request = new HttpRequestMessage(HttpMethod.Post, "/lokalet/bookinger/ny")
        {
            Content = new FormUrlEncodedContent([
                new("__RequestVerificationToken", person.Token),
                new("OrganisationId", bookings.OrganisationId.ToString(CultureInfo.InvariantCulture)),
                new("SpaceId", bookings.MeetingRoomId.ToString(CultureInfo.InvariantCulture)),
                new("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("StartTime", "21:00"),
                new("EndTime", "21:45"),
                new("Purpose", $"Kveldsmøte i sykkelgruppa {n}"),
                new("ExpectedPeople", "8"),
                new("Repeat", "None"),
            ]),
        };
        request.Headers.Add("Cookie", person.CookieHeader);
        return request;
    }
}
