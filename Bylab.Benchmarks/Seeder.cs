using System.Data.Common;
using System.Diagnostics;
using Bylab.Core;
using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bylab.Benchmarks;

/// <summary>What the seeder put in, as far as the scenarios need to know it.</summary>
/// <param name="VoterEmails">People with no seeded votes: every idea is a fresh vote for them.</param>
/// <param name="Ideas">Visible ideas (not withdrawn, not merged), with their "slug-id".</param>
/// <param name="SignUpEmails">People with no seeded registrations, for the sign-up scenario; the voters are the last of them.</param>
public sealed record SeededData(
    string Password,
    IReadOnlyList<string> VoterEmails,
    IReadOnlyList<string> SignUpEmails,
    IReadOnlyList<(int Id, string Slug)> Ideas,
    string FilterThemeSlug,
    string SearchWord,
    int SearchHits,
    SeededEvents Events,
    SeededBookings Bookings,
    DateTime SeededAt,
    TimeSpan Took)
{
    /// <summary>The consultation with every idea, whose summary the summary scenarios read.</summary>
    public const string SummarySlug = "hamar-mot-2030-bylivet";

    /// <summary>A politician (the first of <see cref="SignUpEmails"/>): summaries before they are published are theirs to read.</summary>
    public string PoliticianEmail => SignUpEmails[0];
}

/// <summary>
/// Fills a fresh database the way a busy consultation would look: 500 confirmed citizens, 8 themes, an open
/// consultation, 10,000 ideas, 200,000 votes and 50,000 comments; and a programme of 300 published events over the
/// next six months with about 15,000 sign-ups (see Seeder.Events.cs). The schema comes from the app's own
/// migrations (DatabaseInitializer); the rows go in with prepared SQL commands in one transaction.
/// </summary>
public static partial class Seeder
{
    public const int UserCount = 500;
    /// <summary>The last users get no seeded votes: the vote scenario logs them in and votes on any idea.</summary>
    public const int VoterCount = 50;
    public const int IdeaCount = 10_000;
    public const int VoteCount = 200_000;
    public const int CommentCount = 50_000;
    public const string Password = "benchmark-passord-hamar";

    /// <summary>In the title of every 33rd idea: about 300 hits for the search scenario.</summary>
    public const string SearchWord = "kjøkkenhage";

    /// <param name="signUpsNeeded">How many fresh (person, event) pairs the sign-up scenario may use: decides the number of big events.</param>
    public static async Task<SeededData> SeedAsync(string dataFolder, int signUpsNeeded, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = dataFolder,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bylab:Database:DataFolder"] = dataFolder,
        });
        builder.Services.AddLogging();
        builder.Services.AddBylabCore(builder.Configuration);
        builder.Services.AddIdentityCore<BylabUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<BylabDbContext>();
        using var host = builder.Build();

        await using var scope = host.Services.CreateAsyncScope();
        // Migrations, WAL, roles, the venue: exactly what the site does at start.
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, TextWriter.Null, ct);

        var db = scope.ServiceProvider.GetRequiredService<BylabDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var now = DateTime.UtcNow;
        var random = new Random(2030);

        await using (var pragma = connection.CreateCommand())
        {
            // A big page cache for this connection only: the random-order index inserts (votes by user) stay in memory.
            pragma.CommandText = "PRAGMA cache_size = -262144";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        await using var tx = await connection.BeginTransactionAsync(ct);
        var citizenRole = (string)(await Scalar(tx, "SELECT Id FROM AspNetRoles WHERE NormalizedName = 'CITIZEN'"))!;
        var users = await InsertUsersAsync(tx, citizenRole, now, ct);
        var themeIds = await InsertThemesAsync(tx, ct);
        var (openId, votingId) = await InsertConsultationsAsync(tx, themeIds[0], now, ct);
        var ideas = await InsertIdeasAsync(tx, random, users, themeIds, openId, votingId, now, ct);
        await InsertVotesAsync(tx, random, users, ideas, now, ct);
        await InsertCommentsAsync(tx, random, users, ideas, now, ct);
        var events = await InsertEventsAsync(tx, random, users, themeIds, BigEventsFor(signUpsNeeded), now, ct);
        var bookings = await InsertBookingsAsync(tx, random, users, now, ct);
        await Exec(tx, """
            UPDATE Ideas SET
                VoteCount = (SELECT COUNT(*) FROM Votes WHERE Votes.IdeaId = Ideas.Id),
                CommentCount = (SELECT COUNT(*) FROM Comments WHERE Comments.IdeaId = Ideas.Id AND Comments.DeletedAt IS NULL)
            """);
        // The first sign-up person is also a politician: the summary scenarios read the open consultation's summary as them.
        var politicianRole = (string)(await Scalar(tx, "SELECT Id FROM AspNetRoles WHERE NormalizedName = 'POLITICIAN'"))!;
        var politician = users[UserCount - SignUpPeople];
        await using (var role = Command(tx, "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, $role)", "$user", "$role"))
        {
            await Run(role, ct, politician.Id, politicianRole);
        }
        await tx.CommitAsync(ct);

        var visible = ideas.Where(i => i.Visible).Select(i => (i.Id, Slugs.WithId(i.Title, i.Id))).ToList();
        var hits = ideas.Count(i => i.Visible && i.Title.Contains(SearchWord, StringComparison.Ordinal));
        return new SeededData(Password, users.Skip(UserCount - VoterCount).Select(u => u.Email).ToList(),
            users.Skip(UserCount - SignUpPeople).Select(u => u.Email).ToList(), visible,
            Slugs.From(Text.Themes[2]), SearchWord, hits, events, bookings, now, watch.Elapsed);
    }

    /// <summary>Live registrations made since the seed by the sign-up people: one per successful sign-up request.</summary>
    public static async Task<long> SignUpsSinceSeedAsync(string dataFolder, SeededData seeded, CancellationToken ct)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataFolder, "bylab.db")};Mode=ReadOnly");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM Registrations r JOIN AspNetUsers u ON u.Id = r.UserId
            WHERE r.CreatedAt > $since AND r.Status <> 'Cancelled' AND u.Email LIKE 'innbygger%'
            """;
        command.Parameters.AddWithValue("$since", seeded.SeededAt);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>Pending requests made since the seed by the booking scenario: one per successful request.</summary>
    public static async Task<long> BookingRequestsSinceSeedAsync(string dataFolder, SeededData seeded, CancellationToken ct)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataFolder, "bylab.db")};Mode=ReadOnly");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Bookings WHERE CreatedAt > $since AND Status = 'Pending' AND Purpose LIKE 'Kveldsmøte i sykkelgruppa %'";
        command.Parameters.AddWithValue("$since", seeded.SeededAt);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    private sealed record SeedUser(string Id, string Email, string Name);

    private sealed record SeedIdea(int Id, string Title, DateTime CreatedAt, bool Visible);

    private static async Task<List<SeedUser>> InsertUsersAsync(DbTransaction c, string roleId, DateTime now, CancellationToken ct)
    {
        // One PBKDF2 hash for everyone: Identity's hasher is deliberately slow, and 500 identical hashes prove nothing.
        var hash = new PasswordHasher<BylabUser>().HashPassword(new BylabUser(), Password);
        await using var insert = Command(c, """
            INSERT INTO AspNetUsers (Id, DisplayName, PreferredCulture, CreatedAt, UserName, NormalizedUserName, Email, NormalizedEmail,
                EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ($id, $name, $culture, $created, $email, $normalized, $email, $normalized, 1, $hash, $stamp, $concurrency, 0, 0, 1, 0)
            """, "$id", "$name", "$culture", "$created", "$email", "$normalized", "$hash", "$stamp", "$concurrency");
        await using var role = Command(c, "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, $role)", "$user", "$role");
        var users = new List<SeedUser>(UserCount);
        for (var n = 1; n <= UserCount; n++)
        {
            var id = Guid.NewGuid().ToString();
            var email = $"innbygger{n:000}@bench.bylab.no";
            var name = $"{Text.FirstNames[n % Text.FirstNames.Length]} {Text.LastNames[n / Text.FirstNames.Length % Text.LastNames.Length]}";
            await Run(insert, ct, id, name,
                n % 7 == 0 ? "nn" : "nb", now.AddDays(-90), email, email.ToUpperInvariant(), hash, Guid.NewGuid().ToString("N").ToUpperInvariant(),
                Guid.NewGuid().ToString());
            await Run(role, ct, id, roleId);
            users.Add(new SeedUser(id, email, name));
        }
        return users;
    }

    private static async Task<int[]> InsertThemesAsync(DbTransaction c, CancellationToken ct)
    {
        await using var insert = Command(c, """
            INSERT INTO Themes (Slug, Title, Description, SortOrder) VALUES ($slug, $title, $description, $sort) RETURNING Id
            """, "$slug", "$title", "$description", "$sort");
        var ids = new int[Text.Themes.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            SetValues(insert, Slugs.From(Text.Themes[i]), Text.Themes[i], $"Mål i «Hamar mot 2030»: {Text.Themes[i].ToLowerInvariant()}.", i);
            ids[i] = Convert.ToInt32(await insert.ExecuteScalarAsync(ct));
        }
        return ids;
    }

    private static async Task<(int Open, int Voting)> InsertConsultationsAsync(DbTransaction c, int themeId, DateTime now, CancellationToken ct)
    {
        await using var insert = Command(c, """
            INSERT INTO Consultations (Slug, Title, DescriptionMarkdown, ThemeId, OpensAt, IdeasCloseAt, ClosesAt, CreatedAt)
            VALUES ($slug, $title, $description, $theme, $opens, $ideasClose, $closes, $opens) RETURNING Id
            """, "$slug", "$title", "$description", "$theme", "$opens", "$ideasClose", "$closes");
        SetValues(insert, "hamar-mot-2030-bylivet", "Hamar mot 2030: bylivet", "Hva skal til for at flere vil bo, handle og være i sentrum?",
            themeId, now.AddDays(-60), now.AddDays(30), now.AddDays(60));
        var open = Convert.ToInt32(await insert.ExecuteScalarAsync(ct));
        // A second consultation past its idea phase: only votes and comments, as the phases allow.
        SetValues(insert, "stranda-og-mjosa", "Stranda og Mjøsa", "Hvordan bruker vi strandsonen langs Mjøsa best?",
            themeId, now.AddDays(-120), now.AddDays(-10), now.AddDays(20));
        var voting = Convert.ToInt32(await insert.ExecuteScalarAsync(ct));
        return (open, voting);
    }

    private static async Task<List<SeedIdea>> InsertIdeasAsync(DbTransaction c, Random random, List<SeedUser> users, int[] themeIds,
        int openId, int votingId, DateTime now, CancellationToken ct)
    {
        await using var insert = Command(c, """
            INSERT INTO Ideas (Id, ConsultationId, ThemeId, AuthorId, Title, BodyMarkdown, PlaceName, CreatedAt, WithdrawnAt, Status,
                AnswerMarkdown, AnsweredAt, MergedIntoId, VoteCount, CommentCount)
            VALUES ($id, $consultation, $theme, $author, $title, $body, $place, $created, $withdrawn, $status, $answer, $answered, $merged, 0, 0)
            """, "$id", "$consultation", "$theme", "$author", "$title", "$body", "$place", "$created", "$withdrawn", "$status", "$answer",
            "$answered", "$merged");
        await using var principle = Command(c, "INSERT INTO IdeaPrinciples (IdeaId, Code) VALUES ($idea, $code)", "$idea", "$code");
        await using var goal = Command(c, "INSERT INTO IdeaGoals (IdeaId, Number) VALUES ($idea, $number)", "$idea", "$number");
        var codes = RoadmapPrinciples.All.Select(p => p.Code).ToArray();
        var ideas = new List<SeedIdea>(IdeaCount);
        for (var id = 1; id <= IdeaCount; id++)
        {
            var title = Text.Title(random, id % 33 == 0 ? SearchWord : null);
            var created = now.AddMinutes(-random.Next(1, 60 * 24 * 58));
            var withdrawn = id % 100 == 99 ? created.AddHours(2) : (DateTime?)null;
            int? merged = id % 250 == 0 ? id - 1 : null;
            var answered = id % 40 == 7;
            // Every idea in the open consultation: its summary (issue 14) is the one of 10,000 ideas, 200,000 votes and
            // 50,000 comments the benchmark measures. The voting consultation stays, empty.
            await Run(insert, ct, id, openId, themeIds[random.Next(themeIds.Length)],
                id % 50 == 0 ? null : users[random.Next(UserCount - VoterCount)].Id,
                title, Text.Body(random), random.Next(3) == 0 ? null : Text.Places[random.Next(Text.Places.Length)], created, withdrawn,
                answered ? (id % 3 == 0 ? "Accepted" : "UnderConsideration") : "New",
                answered ? "Takk for innspillet. Kommunen ser på dette i arbeidet med **sentrumsplanen**." : null,
                answered ? created.AddDays(3) : null, merged);
            foreach (var code in codes.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
            {
                await Run(principle, ct, id, code);
            }
            foreach (var number in Enumerable.Range(1, 17).OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
            {
                await Run(goal, ct, id, number);
            }
            ideas.Add(new SeedIdea(id, title, created, withdrawn is null && merged is null));
        }
        return ideas;
    }

    /// <summary>Counts per idea skewed like real attention (a few ideas get most of it), summing to exactly <paramref name="total"/>.</summary>
    private static int[] Skewed(Random random, int count, int total, int max)
    {
        var weights = Enumerable.Range(0, count).Select(_ => Math.Pow(random.NextDouble(), 3) + 0.02).ToArray();
        var sum = weights.Sum();
        var counts = weights.Select(w => Math.Min(max, (int)(w / sum * total))).ToArray();
        var missing = total - counts.Sum();
        for (var i = 0; missing > 0; i = (i + 1) % count)
        {
            if (counts[i] < max)
            {
                counts[i]++;
                missing--;
            }
        }
        return counts;
    }

    private static async Task InsertVotesAsync(DbTransaction c, Random random, List<SeedUser> users, List<SeedIdea> ideas, DateTime now,
        CancellationToken ct)
    {
        await using var insert = Command(c, "INSERT INTO Votes (IdeaId, UserId, CreatedAt) VALUES ($idea, $user, $created)", "$idea", "$user", "$created");
        var pool = Enumerable.Range(0, UserCount - VoterCount).ToArray();
        var counts = Skewed(random, ideas.Count, VoteCount, pool.Length);
        for (var i = 0; i < ideas.Count; i++)
        {
            // A partial Fisher–Yates shuffle: distinct voters per idea, so UNIQUE(IdeaId, UserId) holds.
            for (var k = 0; k < counts[i]; k++)
            {
                var j = random.Next(k, pool.Length);
                (pool[k], pool[j]) = (pool[j], pool[k]);
                // Spread over the last 30 days (never before the idea), so "trending" has real work.
                var earliest = ideas[i].CreatedAt > now.AddDays(-30) ? ideas[i].CreatedAt : now.AddDays(-30);
                var created = earliest + (now - earliest) * random.NextDouble();
                await Run(insert, ct, ideas[i].Id, users[pool[k]].Id, created);
            }
        }
    }

    private static async Task InsertCommentsAsync(DbTransaction c, Random random, List<SeedUser> users, List<SeedIdea> ideas, DateTime now,
        CancellationToken ct)
    {
        await using var insert = Command(c, """
            INSERT INTO Comments (Id, IdeaId, ParentId, AuthorId, BodyMarkdown, CreatedAt, DeletedAt)
            VALUES ($id, $idea, $parent, $author, $body, $created, $deleted)
            """, "$id", "$idea", "$parent", "$author", "$body", "$created", "$deleted");
        var counts = Skewed(random, ideas.Count, CommentCount, 400);
        var id = 0;
        var topLevel = new List<int>();
        for (var i = 0; i < ideas.Count; i++)
        {
            topLevel.Clear();
            var created = ideas[i].CreatedAt;
            for (var k = 0; k < counts[i]; k++)
            {
                id++;
                created += (now - created) * random.NextDouble() * 0.2;
                int? parent = topLevel.Count > 0 && random.Next(5) == 0 ? topLevel[random.Next(topLevel.Count)] : null;
                var deleted = random.Next(100) == 0;
                await Run(insert, ct, id, ideas[i].Id, parent, users[random.Next(UserCount)].Id, deleted ? "" : Text.Comment(random), created,
                    deleted ? created.AddHours(1) : null);
                if (parent is null)
                {
                    topLevel.Add(id);
                }
            }
        }
    }

    private static DbCommand Command(DbTransaction c, string sql, params string[] parameters)
    {
        var command = c.Connection!.CreateCommand();
        command.Transaction = c;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        return command;
    }

    private static void SetValues(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task Run(DbCommand command, CancellationToken ct, params object?[] values)
    {
        SetValues(command, values);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task Exec(DbTransaction c, string sql)
    {
        await using var command = c.Connection!.CreateCommand();
        command.Transaction = c;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(DbTransaction c, string sql)
    {
        await using var command = c.Connection!.CreateCommand();
        command.Transaction = c;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
