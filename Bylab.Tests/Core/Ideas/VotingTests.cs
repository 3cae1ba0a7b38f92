using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Ideas;

public sealed class VotingTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task FiftyConcurrentVotesFromOneAccountCountOnce()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var voter = (await _h.Users.CreateAsync("voter 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;

        var outcomes = (await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _h.WithAsync((VoteService v) => v.CastAsync(voter, idea)))))).Select(r => r.Outcome).ToList();

        Assert.Equal(1, outcomes.Count(o => o == CastVoteOutcome.Voted));
        Assert.Equal(49, outcomes.Count(o => o == CastVoteOutcome.AlreadyVoted));
        Assert.Equal((1, 1), await _h.Ideas.VoteCountsAsync(idea));
    }

    [Fact]
    public async Task FiftyAccountsVotingConcurrentlyCountFifty()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var voters = (await _h.Users.CreateManyAsync(50, "voter")).Select(u => u.Id).ToList();
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;

        var outcomes = (await Task.WhenAll(voters.Select(voter => Task.Run(() => _h.WithAsync((VoteService v) => v.CastAsync(voter, idea)))))).Select(r => r.Outcome).ToList();

        Assert.All(outcomes, o => Assert.Equal(CastVoteOutcome.Voted, o));
        Assert.Equal((50, 50), await _h.Ideas.VoteCountsAsync(idea));
        var listed = await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(ConsultationId: consultation)));
        Assert.Equal(50, Assert.Single(listed.Items).VoteCount);
    }

    [Fact]
    public async Task VoteLimitPerConsultationHoldsUnderConcurrency()
    {
        var consultation = (await _h.Ideas.ConsultationAsync(maxVotes: 3)).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var voter = (await _h.Users.CreateAsync("voter 0")).Id;
        var ideas = (await _h.Ideas.IdeasAsync(author, consultation, 10)).Select(i => i.Id).ToList();

        var outcomes = (await Task.WhenAll(ideas.Select(idea => Task.Run(() => _h.WithAsync((VoteService v) => v.CastAsync(voter, idea)))))).Select(r => r.Outcome).ToList();

        Assert.Equal(3, outcomes.Count(o => o == CastVoteOutcome.Voted));
        Assert.Equal(7, outcomes.Count(o => o == CastVoteOutcome.LimitReached));
        Assert.Equal(3, await _h.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == voter)));

        // Taking one back frees a vote.
        var votedFor = await _h.WithDbAsync(db => db.Votes.Where(v => v.UserId == voter).Select(v => v.IdeaId).FirstAsync());
        Assert.Equal(WithdrawVoteOutcome.Withdrawn, (await _h.WithAsync((VoteService v) => v.WithdrawAsync(voter, votedFor))).Outcome);
        var stillVoted = await _h.WithDbAsync(db => db.Votes.Where(v => v.UserId == voter).Select(v => v.IdeaId).ToListAsync());
        var notVoted = ideas.First(i => i != votedFor && !stillVoted.Contains(i));
        var again = (await _h.WithAsync((VoteService v) => v.CastAsync(voter, notVoted))).Outcome;
        Assert.Equal(CastVoteOutcome.Voted, again);
        Assert.Equal(3, await _h.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == voter)));
    }

    [Fact]
    public async Task CounterStaysExactAfterWithdrawalsAndMerge()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var voters = (await _h.Users.CreateManyAsync(30, "voter")).Select(u => u.Id).ToList();
        var duplicate = (await _h.Ideas.IdeaAsync(author, consultation, "Sykkelparkering ved stasjonen")).Id;
        var target = (await _h.Ideas.IdeaAsync(author, consultation, "Flere sykkelstativer ved Hamar stasjon")).Id;

        // Concurrently: everyone votes for the duplicate, the first twenty for the target, the first ten take back their vote for the duplicate.
        await Task.WhenAll(voters.Select(voter => Task.Run(() => _h.WithAsync((VoteService v) => v.CastAsync(voter, duplicate))))
            .Concat(voters.Take(20).Select(voter => Task.Run(() => _h.WithAsync((VoteService v) => v.CastAsync(voter, target))))));
        await Task.WhenAll(voters.Take(10).Select(voter => Task.Run(() => _h.WithAsync((VoteService v) => v.WithdrawAsync(voter, duplicate)))));

        Assert.Equal((20, 20), await _h.Ideas.VoteCountsAsync(duplicate));
        Assert.Equal((20, 20), await _h.Ideas.VoteCountsAsync(target));

        Assert.Equal(MergeOutcome.Merged, await _h.WithAsync((IdeaService s) => s.MergeAsync(new Actor("staff", "Staff"), duplicate, target)));

        // Voters 0–9 voted only for the target, 10–19 for both (one kept), 20–29 only for the duplicate (moved).
        Assert.Equal((0, 0), await _h.Ideas.VoteCountsAsync(duplicate));
        Assert.Equal((30, 30), await _h.Ideas.VoteCountsAsync(target));
        Assert.Equal(0, await _h.WithDbAsync(db => db.Ideas.CountAsync(i => i.VoteCount != db.Votes.Count(v => v.IdeaId == i.Id))));
    }

    [Fact]
    public async Task MergeKeepsOneVotePerPerson()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var both = (await _h.Users.CreateAsync("both 0")).Id;
        var onlyDuplicate = (await _h.Users.CreateAsync("dup 0")).Id;
        var duplicate = (await _h.Ideas.IdeaAsync(author, consultation, "Benker på torget")).Id;
        var target = (await _h.Ideas.IdeaAsync(author, consultation, "Flere benker på Stortorget")).Id;
        await _h.WithAsync((VoteService v) => v.CastAsync(both, duplicate));
        await _h.WithAsync((VoteService v) => v.CastAsync(both, target));
        await _h.WithAsync((VoteService v) => v.CastAsync(onlyDuplicate, duplicate));
        var staff = new Actor("staff", "Staff");

        Assert.Equal(MergeOutcome.SameIdea, await _h.WithAsync((IdeaService s) => s.MergeAsync(staff, target, target)));
        Assert.Equal(MergeOutcome.Merged, await _h.WithAsync((IdeaService s) => s.MergeAsync(staff, duplicate, target)));
        Assert.Equal(MergeOutcome.AlreadyMerged, await _h.WithAsync((IdeaService s) => s.MergeAsync(staff, duplicate, target)));
        var third = (await _h.Ideas.IdeaAsync(author, consultation, "Tredje idé")).Id;
        Assert.Equal(MergeOutcome.TargetMerged, await _h.WithAsync((IdeaService s) => s.MergeAsync(staff, third, duplicate)));
        var elsewhere = (await _h.Ideas.IdeaAsync(author, (await _h.Ideas.ConsultationAsync(title: "En annen høring")).Id, "Idé et annet sted")).Id;
        Assert.Equal(MergeOutcome.DifferentConsultations, await _h.WithAsync((IdeaService s) => s.MergeAsync(staff, elsewhere, target)));

        var votes = await _h.WithDbAsync(db => db.Votes.Where(v => v.IdeaId == target).Select(v => v.UserId).ToListAsync());
        Assert.Equal(2, votes.Count);
        Assert.Contains(both, votes);
        Assert.Contains(onlyDuplicate, votes);
        Assert.Equal((2, 2), await _h.Ideas.VoteCountsAsync(target));

        // The duplicate leaves lists, takes no votes, and its page points to the target.
        var listed = await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(ConsultationId: consultation)));
        Assert.DoesNotContain(listed.Items, i => i.Id == duplicate);
        Assert.Equal(CastVoteOutcome.Withdrawn, (await _h.WithAsync((VoteService v) => v.CastAsync(author, duplicate))).Outcome);
        Assert.Equal(target, (await _h.WithAsync((IdeaQueries q) => q.GetAsync(duplicate)))!.MergedIntoId);
        Assert.Equal(1, await _h.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == IdeaAuditActions.IdeaMerged)));
    }

    [Fact]
    public async Task ClosedConsultationRejectsIdeasCommentsAndVotes()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var voter = (await _h.Users.CreateAsync("voter 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        Assert.Equal(CastVoteOutcome.Voted, (await _h.WithAsync((VoteService v) => v.CastAsync(voter, idea))).Outcome);
        var comment = (await _h.WithAsync((CommentService c) => c.AddAsync(voter, idea, null, "Godt forslag!"))).CommentId!.Value;

        _h.Clock.Advance(TimeSpan.FromDays(15));

        var submit = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, consultation, new IdeaContent("For sent", "Denne kommer for sent.")));
        Assert.Equal(SubmitOutcome.ConsultationNotOpen, submit.Outcome);
        Assert.Equal(AddCommentOutcome.Closed, (await _h.WithAsync((CommentService c) => c.AddAsync(voter, idea, null, "For sent"))).Outcome);
        Assert.Equal(AddCommentOutcome.Closed, (await _h.WithAsync((CommentService c) => c.AddAsync(voter, idea, comment, "For sent"))).Outcome);
        Assert.Equal(CastVoteOutcome.VotingClosed, (await _h.WithAsync((VoteService v) => v.CastAsync(author, idea))).Outcome);
        Assert.Equal(WithdrawVoteOutcome.VotingClosed, (await _h.WithAsync((VoteService v) => v.WithdrawAsync(voter, idea))).Outcome);

        Assert.Equal(1, await _h.WithDbAsync(db => db.Ideas.CountAsync(i => i.ConsultationId == consultation)));
        Assert.Equal(1, await _h.WithDbAsync(db => db.Comments.CountAsync()));
        Assert.Equal((1, 1), await _h.Ideas.VoteCountsAsync(idea));
        Assert.Equal(ConsultationPhase.Closed, (await _h.WithAsync((IdeaQueries q) => q.GetConsultationAsync(consultation)))!.Summary.Phase);

        // Concluding makes it so for good.
        Assert.Equal(ConcludeOutcome.Concluded, await _h.WithAsync<ConsultationService, ConcludeOutcome>(s => s.ConcludeAsync(new Actor("staff", "Staff"), consultation)));
        Assert.Equal(ConsultationPhase.Concluded, (await _h.WithAsync((IdeaQueries q) => q.GetConsultationAsync(consultation)))!.Summary.Phase);
    }

    [Fact]
    public async Task UpcomingConsultationTakesNothingYet()
    {
        var theme = (await _h.Ideas.ThemeAsync()).Id;
        var result = await _h.WithAsync<ConsultationService, SaveResult>(s => s.CreateAsync(new Actor("staff", "Staff"),
            new ConsultationInput("Kommer snart", "Snart.", theme, CoreHarness.Start.AddDays(1), CoreHarness.Start.AddDays(2), CoreHarness.Start.AddDays(3))));
        var author = (await _h.Users.CreateAsync()).Id;
        var submit = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, result.Id!.Value, new IdeaContent("Tidlig", "For tidlig.")));
        Assert.Equal(SubmitOutcome.ConsultationNotOpen, submit.Outcome);
    }

    [Fact]
    public async Task VotingOnlyPhaseAcceptsVotesButNotIdeas()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var voter = (await _h.Users.CreateAsync("voter 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;

        _h.Clock.Advance(TimeSpan.FromDays(11));

        Assert.Equal(ConsultationPhase.VotingOnly, (await _h.WithAsync((IdeaQueries q) => q.GetConsultationAsync(consultation)))!.Summary.Phase);
        var submit = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, consultation, new IdeaContent("Ny idé", "For sent for ideer.")));
        Assert.Equal(SubmitOutcome.ConsultationNotOpen, submit.Outcome);
        Assert.Equal(CastVoteOutcome.Voted, (await _h.WithAsync((VoteService v) => v.CastAsync(voter, idea))).Outcome);
        Assert.Equal(AddCommentOutcome.Added, (await _h.WithAsync((CommentService c) => c.AddAsync(voter, idea, null, "Enig!"))).Outcome);
        Assert.Equal(WithdrawVoteOutcome.Withdrawn, (await _h.WithAsync((VoteService v) => v.WithdrawAsync(voter, idea))).Outcome);
        Assert.Equal(WithdrawVoteOutcome.NotVoted, (await _h.WithAsync((VoteService v) => v.WithdrawAsync(voter, idea))).Outcome);
        Assert.Equal((0, 0), await _h.Ideas.VoteCountsAsync(idea));
    }

    [Fact]
    public async Task WithdrawnIdeaTakesNoVotes()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var voter = (await _h.Users.CreateAsync("voter 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;

        Assert.Equal(WithdrawIdeaOutcome.NotAuthor, (await _h.WithAsync((IdeaService s) => s.WithdrawAsync(voter, idea))).Outcome);
        Assert.Equal(WithdrawIdeaOutcome.Withdrawn, (await _h.WithAsync((IdeaService s) => s.WithdrawAsync(author, idea))).Outcome);
        Assert.Equal(WithdrawIdeaOutcome.AlreadyWithdrawn, (await _h.WithAsync((IdeaService s) => s.WithdrawAsync(author, idea))).Outcome);

        Assert.Equal(CastVoteOutcome.Withdrawn, (await _h.WithAsync((VoteService v) => v.CastAsync(voter, idea))).Outcome);
        Assert.Equal(AddCommentOutcome.IdeaWithdrawn, (await _h.WithAsync((CommentService c) => c.AddAsync(voter, idea, null, "Hei"))).Outcome);
        Assert.Equal((0, 0), await _h.Ideas.VoteCountsAsync(idea));
        Assert.Empty((await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(ConsultationId: consultation)))).Items);
        Assert.NotNull((await _h.WithAsync((IdeaQueries q) => q.GetAsync(idea)))!.WithdrawnAt);
    }

    [Fact]
    public async Task VoteForMissingIdeaIsNotFound()
    {
        var voter = (await _h.Users.CreateAsync("voter 0")).Id;
        Assert.Equal(CastVoteOutcome.NotFound, (await _h.WithAsync((VoteService v) => v.CastAsync(voter, 424242))).Outcome);
        Assert.Equal(WithdrawVoteOutcome.NotFound, (await _h.WithAsync((VoteService v) => v.WithdrawAsync(voter, 424242))).Outcome);
        Assert.Equal(0, await _h.WithDbAsync(db => db.Votes.CountAsync()));
    }

    [Fact]
    public async Task ReplayedVoteIsAlreadyVotedAndStoresNothing()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var voter = (await _h.Users.CreateAsync("voter 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        Assert.Equal(CastVoteOutcome.Voted, (await _h.WithAsync((VoteService v) => v.CastAsync(voter, idea))).Outcome);
        Assert.Equal(CastVoteOutcome.AlreadyVoted, (await _h.WithAsync((VoteService v) => v.CastAsync(voter, idea))).Outcome);
        Assert.Equal((1, 1), await _h.Ideas.VoteCountsAsync(idea));
    }

    [Fact]
    public async Task UniqueIndexRefusesASecondVoteWrittenBehindTheServicesBack()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        await _h.WithAsync((VoteService v) => v.CastAsync(author, idea));
        await Assert.ThrowsAsync<DbUpdateException>(() => _h.WithDbAsync(async db =>
        {
            db.Votes.Add(new Vote { IdeaId = idea, UserId = author, CreatedAt = _h.Now });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task TransactionsTakeTheWriteLockWhenTheyBegin()
    {
        // VoteService relies on EF's BeginTransaction being SQLite's BEGIN IMMEDIATE (write lock before the
        // first read). If that ever changes, the vote limit stops holding under concurrency: this test says so.
        await _h.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await using var other = new SqliteConnection(
                new SqliteConnectionStringBuilder(_h.ConnectionString) { DefaultTimeout = 1 }.ToString());
            await other.OpenAsync();
            await using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            var busy = await Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync());
            Assert.Equal(5 /* SQLITE_BUSY */, busy.SqliteErrorCode);
        });
    }
}
