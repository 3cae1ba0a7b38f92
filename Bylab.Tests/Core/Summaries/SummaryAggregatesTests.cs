using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Core.Summaries;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Summaries;

/// <summary>
/// The aggregates the triggers of migration SummaryAggregates keep (issue 14, speed) – counted votes and comments per
/// consultation and day, each account's counted contributions per consultation – must equal a direct query of the rows
/// after every kind of change: votes and withdrawn votes, comments deleted, hidden and restored, ideas hidden, held,
/// restored, withdrawn and merged, an account deleted; and the migration's back-fill must give the same. The stamps
/// must move per consultation: a vote elsewhere leaves a summary cached, a vote leaves the words part alone, an answer
/// or a new text is read again.
/// </summary>
public sealed class SummaryAggregatesTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private sealed record DayRow(int ConsultationId, string Day, int Votes, int Comments);

    private sealed record UseRow(int ConsultationId, string UserId, int Uses);

    /// <summary>Both tables against the rows, for every consultation: written here from the counting rule, not the triggers.</summary>
    private async Task AssertAggregatesMatchAsync(string step)
    {
        var (days, uses, expectedDays, expectedUses) = await _h.WithDbAsync(async db =>
        {
            var listed = await db.Ideas.AsNoTracking()
                .Where(i => i.ModerationState == ModerationState.Visible && i.WithdrawnAt == null && i.MergedIntoId == null)
                .ToDictionaryAsync(i => i.Id);
            var votes = (await db.Votes.AsNoTracking().ToListAsync()).Where(v => listed.ContainsKey(v.IdeaId)).ToList();
            var comments = (await db.Comments.AsNoTracking().Where(c => c.ModerationState == ModerationState.Visible && c.DeletedAt == null)
                .ToListAsync()).Where(c => listed.ContainsKey(c.IdeaId)).ToList();
            var byDay = votes.Select(v => (C: listed[v.IdeaId].ConsultationId, Day: v.CreatedAt.ToString("yyyy-MM-dd"), V: 1, N: 0))
                .Concat(comments.Select(c => (C: listed[c.IdeaId].ConsultationId, Day: c.CreatedAt.ToString("yyyy-MM-dd"), V: 0, N: 1)))
                .GroupBy(x => (x.C, x.Day)).ToDictionary(g => g.Key, g => (g.Sum(x => x.V), g.Sum(x => x.N)));
            var contributions = listed.Values.Select(i => (i.ConsultationId, User: i.AuthorId))
                .Concat(votes.Select(v => (listed[v.IdeaId].ConsultationId, User: v.UserId)))
                .Concat(comments.Select(c => (listed[c.IdeaId].ConsultationId, User: c.AuthorId)))
                .Where(x => x.User != null)
                .GroupBy(x => (x.ConsultationId, x.User!)).ToDictionary(g => g.Key, g => g.Count());
            var d = await db.Database.SqlQuery<DayRow>($"SELECT ConsultationId, Day, Votes, Comments FROM SummaryDays").ToListAsync();
            var u = await db.Database.SqlQuery<UseRow>($"SELECT ConsultationId, UserId, Uses FROM SummaryParticipants").ToListAsync();
            return (d, u, byDay, contributions);
        });
        Assert.True(days.All(d => d.Votes >= 0 && d.Comments >= 0), step);
        Assert.True(uses.All(u => u.Uses >= 0), step);
        Assert.Equal(expectedDays.OrderBy(x => x.Key).ToList(),
            days.Where(d => d.Votes != 0 || d.Comments != 0).ToDictionary(d => (d.ConsultationId, d.Day), d => (d.Votes, d.Comments)).OrderBy(x => x.Key).ToList());
        Assert.Equal(expectedUses.OrderBy(x => x.Key).ToList(),
            uses.Where(u => u.Uses != 0).ToDictionary(u => (u.ConsultationId, u.UserId), u => u.Uses).OrderBy(x => x.Key).ToList());
    }

    [Fact]
    public async Task AggregatesEqualDirectQueriesAfterEveryKindOfChangeAndAfterTheBackFill()
    {
        var staff = new Actor((await _h.Users.CreateAsync("Ansatt", roles: [Roles.Staff])).Id, "Ansatt");
        var a = (await _h.Ideas.ConsultationAsync("Torget")).Id;
        var b = (await _h.Ideas.ConsultationAsync("Parken")).Id;
        var p = (await _h.Users.CreateManyAsync(6, "deltaker")).Select(u => u.Id).ToList();
        var benker = (await _h.Ideas.IdeaAsync(p[0], a, "Flere benker", "Benker for eldre.")).Id;
        var lys = (await _h.Ideas.IdeaAsync(p[1], a, "Bedre lys", "Mørkt om kvelden.")).Id;
        var kopi = (await _h.Ideas.IdeaAsync(p[2], a, "Benker igjen", "Samme som benker.")).Id;
        var park = (await _h.Ideas.IdeaAsync(p[3], b, "Lekeplass", "For de minste.")).Id;
        await _h.Ideas.VoteAsync(p[1], benker);
        await _h.Ideas.VoteAsync(p[4], park);
        _h.Clock.Advance(TimeSpan.FromDays(1));
        await _h.Ideas.VoteAsync(p[2], benker);
        await _h.Ideas.VoteAsync(p[3], kopi);
        await _h.Ideas.VoteAsync(p[1], kopi); // voted for both: one vote on the merged idea
        async Task<int> Comment(int author, int idea, string text) =>
            (await _h.WithAsync((CommentService s) => s.AddAsync(p[author], idea, null, text))).CommentId!.Value;
        var c1 = await Comment(4, lys, "Enig.");
        var c2 = await Comment(5, benker, "Gjerne ved bussen.");
        var c3 = await Comment(3, kopi, "Og ved biblioteket.");
        await AssertAggregatesMatchAsync("seeded");

        _h.Clock.Advance(TimeSpan.FromDays(1));
        await _h.WithAsync((VoteService s) => s.WithdrawAsync(p[2], benker));
        await AssertAggregatesMatchAsync("vote withdrawn");
        await _h.WithAsync((CommentService s) => s.DeleteAsync(p[4], c1));
        await AssertAggregatesMatchAsync("comment deleted");
        await _h.Moderation.HideAsync(ContentKind.Comment, c2);
        await AssertAggregatesMatchAsync("comment hidden");
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await _h.Moderation.RestoreAsync(ContentKind.Comment, c2);
        await AssertAggregatesMatchAsync("comment restored");
        await _h.Moderation.HideAsync(ContentKind.Idea, benker);
        await AssertAggregatesMatchAsync("idea hidden");
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await _h.Moderation.RestoreAsync(ContentKind.Idea, benker);
        await AssertAggregatesMatchAsync("idea restored");
        await _h.Moderation.HoldAsync(ContentKind.Idea, lys);
        await AssertAggregatesMatchAsync("idea held");
        await _h.WithDbAsync(db => db.Ideas.Where(i => i.Id == park).ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, "Ny lekeplass")));
        await AssertAggregatesMatchAsync("idea edited");
        Assert.Equal(MergeOutcome.Merged, await _h.WithAsync((IdeaService s) => s.MergeAsync(staff, kopi, benker)));
        await AssertAggregatesMatchAsync("idea merged");
        Assert.Equal(WithdrawIdeaOutcome.Withdrawn, (await _h.WithAsync((IdeaService s) => s.WithdrawAsync(p[3], park))).Outcome);
        await AssertAggregatesMatchAsync("idea withdrawn");
        await _h.Ideas.VoteAsync(p[5], benker);
        Assert.True(await _h.WithAsync((AccountService s) => s.DeleteAsync(p[1])));
        Assert.True(await _h.WithAsync((AccountService s) => s.DeleteAsync(p[5])));
        await AssertAggregatesMatchAsync("accounts deleted");
        var before = await SummaryAsync(a);
        // p0 wrote benker, p3's vote moved onto it in the merge; p1 and p5 are gone, p2 withdrew, p4's comment is deleted,
        // lys is held and the merged idea (p2's, p3's comment) no longer counts.
        Assert.Equal(2, before.Participation.Participants);
        Assert.Equal(before.Participation.Votes, before.Growth[^1].Votes);

        // The back-fill: the migration taken down and up again computes the same tables from the rows.
        await _h.InScopeAsync(async sp =>
        {
            var migrator = sp.GetRequiredService<BylabDbContext>().GetService<IMigrator>();
            var db = sp.GetRequiredService<BylabDbContext>();
            // Only this migration down and up: the one just before it, whatever later merges put in between.
            const string aggregates = "20261201040000_SummaryAggregates";
            var all = db.Database.GetMigrations().ToList();
            var previous = all[all.IndexOf(aggregates) - 1];
            await db.Database.ExecuteSqlRawAsync(migrator.GenerateScript(aggregates, previous));
            await db.Database.ExecuteSqlRawAsync(migrator.GenerateScript(previous, aggregates));
        });
        await AssertAggregatesMatchAsync("back-filled");
    }

    private Task<ConsultationSummaryReport> SummaryAsync(int consultation) =>
        _h.WithAsync(async (ConsultationSummaryService s) => (await s.GetAsync(consultation))!);

    [Fact]
    public async Task AVoteElsewhereLeavesASummaryCachedAndAVoteLeavesItsWordsAlone()
    {
        var a = (await _h.Ideas.ConsultationAsync("Torget")).Id;
        var b = (await _h.Ideas.ConsultationAsync("Parken")).Id;
        var p = (await _h.Users.CreateManyAsync(3, "deltaker")).Select(u => u.Id).ToList();
        // Made before the first summary: creating an account moves the global stamp (Identity writes every column).
        var staff = new Actor((await _h.Users.CreateAsync("Ansatt", roles: [Roles.Staff])).Id, "Ansatt");
        var benker = (await _h.Ideas.IdeaAsync(p[0], a, "Flere benker", "Benker for eldre.")).Id;
        var park = (await _h.Ideas.IdeaAsync(p[1], b, "Lekeplass", "For de minste.")).Id;
        var cache = _h.Services.GetRequiredService<SummaryCache>();

        var first = await SummaryAsync(a);
        var words = cache.Last<SummaryWords.Part>($"summary-words:{a}");
        Assert.NotNull(words);
        await _h.Ideas.VoteAsync(p[2], park);
        Assert.Same(first.Participation, (await SummaryAsync(a)).Participation);

        await _h.Ideas.VoteAsync(p[2], benker);
        var voted = await SummaryAsync(a);
        Assert.Equal(1, voted.Participation.Votes);
        Assert.Same(words, cache.Last<SummaryWords.Part>($"summary-words:{a}"));

        // An answer changes what the ideas are (status, date), not their counters: the ideas part is read again.
        _h.Clock.Advance(TimeSpan.FromDays(2));
        await _h.WithAsync((IdeaService s) => s.AnswerAsync(staff, benker, IdeaStatus.Accepted, "Vi gjør det."));
        var answered = await SummaryAsync(a);
        Assert.Equal((1, 1, TimeSpan.FromDays(2)), (answered.Answers.Answered, answered.Answers.Accepted, answered.Answers.MedianTimeToAnswer));
        Assert.Equal((IdeaStatus.Accepted, "Vi gjør det."), (answered.TopByVotes[0].Status, answered.TopByVotes[0].AnswerMarkdown));

        // A new text: the words part is computed again, from the text as it is now.
        await _h.WithDbAsync(db => db.Ideas.Where(i => i.Id == benker).ExecuteUpdateAsync(s => s.SetProperty(i => i.BodyMarkdown, "Sittebenker ved fontenen.")));
        var edited = await SummaryAsync(a);
        Assert.Contains(edited.Words, w => w.Word == "fontenen");
        Assert.DoesNotContain(edited.Words, w => w.Word == "eldre");
    }
}
