using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Ideas;

public sealed class SearchAndListTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<List<int>> SearchAsync(string text, int? consultation = null) =>
        _h.WithAsync(async (IdeaQueries q) => (await q.ListAsync(new IdeaFilter(ConsultationId: consultation, Search: text, PageSize: 100))).Items.Select(i => i.Id).ToList());

    [Fact]
    public async Task FullTextSearchFindsNorwegianLetters()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync()).Id;
        var baerekraft = (await _h.Ideas.IdeaAsync(author, consultation, "Bærekraftig mat på torget", "Lokale bønder kan selge grønnsaker.")).Id;
        var oya = (await _h.Ideas.IdeaAsync(author, consultation, "Sykkelvei til Øya", "Trygg vei langs Mjøsa for barn.")).Id;
        var pa = (await _h.Ideas.IdeaAsync(author, consultation, "Lys på stien", "Det er mørkt om kvelden.")).Id;
        var other = (await _h.Ideas.IdeaAsync(author, consultation, "Parkering", "Pa og pass: ingen norske bokstaver her.")).Id;

        Assert.Equal([baerekraft], await SearchAsync("bære"));
        Assert.Equal([baerekraft], await SearchAsync("BÆREKRAFTIG"));
        Assert.Equal([oya], await SearchAsync("øya"));
        Assert.Equal([oya], await SearchAsync("ØYA"));
        Assert.Equal([oya], await SearchAsync("mjøsa barn"));
        // «på» as a word start: both ideas with «på», not the one with «Pa» (newest first).
        Assert.Equal([pa, baerekraft], await SearchAsync("på"));
        Assert.Equal([pa], await SearchAsync("stien på"));
        // å is its own letter: "pa" does not find «på», only the plain word.
        Assert.Equal([other], await SearchAsync("pa"));
        Assert.Equal([pa], await SearchAsync("mørkt"));
        Assert.Empty(await SearchAsync("morkt"));

        // Whatever people type, no FTS syntax error reaches them.
        foreach (var nasty in new[] { "\"", "AND(", "bære\"*", "NEAR(a b)", "*", "OR", "-", "(", ")", "a:b", "\"\"\"", "^", "øya AND(\"" })
        {
            var found = await SearchAsync(nasty);
            Assert.NotNull(found);
        }
        Assert.Equal([oya], await SearchAsync("øya) (\"*"));
    }

    [Fact]
    public async Task SimilarIdeasAreSuggested()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var elsewhere = (await _h.Ideas.ConsultationAsync(title: "Annen høring")).Id;
        var author = (await _h.Users.CreateAsync()).Id;
        var benches = (await _h.Ideas.IdeaAsync(author, consultation, "Flere benker på Stortorget", "Eldre trenger steder å hvile på torget.")).Id;
        var benchesToo = (await _h.Ideas.IdeaAsync(author, consultation, "Sitteplasser og benker", "Benker med ryggstø rundt fontenen.")).Id;
        await _h.Ideas.IdeaAsync(author, consultation, "Sykkelparkering ved stasjonen", "Flere stativer.");
        await _h.Ideas.IdeaAsync(author, elsewhere, "Benker på Stortorget", "Samme idé i en annen høring.");
        var withdrawn = (await _h.Ideas.IdeaAsync(author, consultation, "Benker overalt på Stortorget", "Trukket.")).Id;
        await _h.WithAsync((IdeaService s) => s.WithdrawAsync(author, withdrawn));

        var similar = await _h.WithAsync((IdeaQueries q) => q.SimilarAsync(consultation, "Benker på Stortorget", "Det mangler benker der folk kan sitte."));

        Assert.Equal(new[] { benches, benchesToo }.Order(), similar.Select(s => s.Id).Order());
        Assert.All(similar, s => Assert.NotEqual(withdrawn, s.Id));
        Assert.Equal(2, similar.Count);
        Assert.Empty(await _h.WithAsync((IdeaQueries q) => q.SimilarAsync(consultation, "og i på", "\"(")));
    }

    [Fact]
    public async Task SortsAndFiltersReturnExpectedOrder()
    {
        var theme = (await _h.Ideas.ThemeAsync("Transport")).Id;
        var consultation = (await _h.Ideas.ConsultationAsync(themeId: theme)).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var voters = (await _h.Users.CreateManyAsync(6, "voter")).Select(u => u.Id).ToList();

        var old = (await _h.Ideas.IdeaAsync(author, consultation, "Gammel idé", principles: ["apne-data"], goals: [11])).Id;
        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        var middle = (await _h.Ideas.IdeaAsync(author, consultation, "Midtre idé", principles: ["klima-og-miljo"], goals: [13])).Id;
        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        var fresh = (await _h.Ideas.IdeaAsync(author, consultation, "Fersk idé", goals: [11, 13])).Id;

        // The old idea gets four votes now (which will be more than a week old), the middle one three comments.
        foreach (var voter in voters.Take(4))
        {
            await _h.WithAsync((VoteService v) => v.CastAsync(voter, old));
        }
        foreach (var n in Enumerable.Range(0, 3))
        {
            await _h.WithAsync((CommentService c) => c.AddAsync(voters[n], middle, null, $"Kommentar {n}"));
        }
        _h.Clock.Advance(TimeSpan.FromDays(8));
        // A week later the fresh idea gets two votes: fewer in total, but the only ones of the last seven days.
        foreach (var voter in voters.Skip(4))
        {
            Assert.Equal(CastVoteOutcome.Voted, (await _h.WithAsync((VoteService v) => v.CastAsync(voter, fresh))).Outcome);
        }

        async Task<List<int>> Ids(IdeaFilter f) => (await _h.WithAsync((IdeaQueries q) => q.ListAsync(f))).Items.Select(i => i.Id).ToList();

        Assert.Equal([fresh, middle, old], await Ids(new IdeaFilter(consultation, Sort: IdeaSort.Newest)));
        Assert.Equal([old, fresh, middle], await Ids(new IdeaFilter(consultation, Sort: IdeaSort.MostVotes)));
        Assert.Equal([middle, fresh, old], await Ids(new IdeaFilter(consultation, Sort: IdeaSort.MostDiscussed)));
        Assert.Equal([fresh, old, middle], await Ids(new IdeaFilter(consultation, Sort: IdeaSort.Trending)));

        Assert.Equal([fresh, old], await Ids(new IdeaFilter(consultation, Goal: 11)));
        Assert.Equal([middle], await Ids(new IdeaFilter(consultation, Principle: "klima-og-miljo")));
        Assert.Equal([fresh, middle, old], await Ids(new IdeaFilter(ThemeId: theme)));
        Assert.Empty(await Ids(new IdeaFilter(ThemeId: theme + 1000)));
        Assert.Empty(await Ids(new IdeaFilter(consultation, Status: IdeaStatus.Accepted)));

        var page2 = await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(consultation, Page: 2, PageSize: 2)));
        Assert.Equal(3, page2.Total);
        Assert.Equal([old], page2.Items.Select(i => i.Id));
        Assert.Equal(2, page2.PageCount);

        var item = (await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(consultation, Sort: IdeaSort.MostVotes)))).Items[0];
        Assert.Equal(4, item.VoteCount);
        Assert.Equal("Transport", item.ThemeTitle);
        Assert.Equal("author 0", item.AuthorName);
        Assert.Equal($"gammel-ide-{old}", item.Slug);

        var summary = Assert.Single(await _h.WithAsync((IdeaQueries q) => q.ConsultationsAsync()), c => c.Id == consultation);
        Assert.Equal(3, summary.IdeaCount);
        Assert.Equal(6, summary.VoteCount);
    }

    [Fact]
    public async Task ListingWorksAtTenThousandIdeasAndTwoHundredThousandVotes()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var themeId = await _h.WithDbAsync(db => db.Consultations.Where(c => c.Id == consultation).Select(c => c.ThemeId).SingleAsync());
        var voters = (await _h.Users.CreateManyAsync(20, "bulk")).Select(u => u.Id).ToList();
        var start = CoreHarness.Start.ToString("yyyy-MM-dd HH:mm:ss");
        await _h.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            // 10,000 ideas and 200,000 votes, straight in SQL (recursive CTE), counters set from the rows.
            // Built from the test's own numbers and ids (no input), so raw SQL is fine here.
            var ideasSql = $"""
                WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000)
                INSERT INTO Ideas (ConsultationId, ThemeId, Title, BodyMarkdown, CreatedAt, Status, VoteCount, CommentCount)
                SELECT {consultation}, {themeId}, 'Idé nummer ' || x || CASE WHEN x % 97 = 0 THEN ' om bærekraft' ELSE '' END,
                       'Tekst om byen og torget, nummer ' || x, datetime('{start}', '-' || x || ' minutes'), 'New', 0, 0 FROM n;
                """;
            await db.Database.ExecuteSqlRawAsync(ideasSql);
            var ids = string.Join(",", voters.Select(v => $"('{v}')"));
            var votesSql = $"""
                WITH voters(UserId) AS (VALUES {ids})
                INSERT INTO Votes (IdeaId, UserId, CreatedAt)
                SELECT i.Id, voters.UserId, datetime('{start}', '-' || (i.Id % 13) || ' days') FROM Ideas i, voters;
                """;
            await db.Database.ExecuteSqlRawAsync(votesSql);
            await db.Database.ExecuteSqlRawAsync("UPDATE Ideas SET VoteCount = (SELECT COUNT(*) FROM Votes WHERE Votes.IdeaId = Ideas.Id)");
            await tx.CommitAsync();
        });
        Assert.Equal(200_000, await _h.WithDbAsync(db => db.Votes.CountAsync()));

        // Every sort, deep pages and a search work at full scale; how fast they are is the benchmark's business, not a test's.
        await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(consultation)));
        foreach (var sort in Enum.GetValues<IdeaSort>())
        {
            foreach (var page in new[] { 1, 250, 500 })
            {
                var result = await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(consultation, Sort: sort, Page: page)));
                Assert.Equal(10_000, result.Total);
                Assert.Equal(20, result.Items.Count);
            }
        }
        var found = await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(consultation, Search: "bærekraft", Sort: IdeaSort.MostVotes)));
        Assert.Equal(10_000 / 97, found.Total);
    }
}
