using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Ideas;

public sealed class VotingTests : IAsyncLifetime
{
    private IdeasHarness _h = null!;

    public async Task InitializeAsync() => _h = await IdeasHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task FiftyConcurrentVotesFromOneAccountCountOnce()
    {
        var consultation = await _h.CreateConsultationAsync();
        var author = await _h.CreateUserAsync("author");
        var voter = await _h.CreateUserAsync("voter");
        var idea = await _h.SubmitAsync(author, consultation);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _h.Votes(v => v.CastAsync(voter, idea)))));

        Assert.Equal(1, outcomes.Count(o => o == CastVoteOutcome.Voted));
        Assert.Equal(49, outcomes.Count(o => o == CastVoteOutcome.AlreadyVoted));
        Assert.Equal((1, 1), await _h.VoteCountsAsync(idea));
    }

    [Fact]
    public async Task FiftyAccountsVotingConcurrentlyCountFifty()
    {
        var consultation = await _h.CreateConsultationAsync();
        var author = await _h.CreateUserAsync("author");
        var voters = await _h.CreateUsersAsync(50, "voter");
        var idea = await _h.SubmitAsync(author, consultation);

        var outcomes = await Task.WhenAll(voters.Select(voter => Task.Run(() => _h.Votes(v => v.CastAsync(voter, idea)))));

        Assert.All(outcomes, o => Assert.Equal(CastVoteOutcome.Voted, o));
        Assert.Equal((50, 50), await _h.VoteCountsAsync(idea));
        var listed = await _h.Queries(q => q.ListAsync(new IdeaFilter(ConsultationId: consultation)));
        Assert.Equal(50, Assert.Single(listed.Items).VoteCount);
    }

    [Fact]
    public async Task VoteLimitPerConsultationHoldsUnderConcurrency()
    {
        var consultation = await _h.CreateConsultationAsync(maxVotes: 3);
        var author = await _h.CreateUserAsync("author");
        var voter = await _h.CreateUserAsync("voter");
        var ideas = new List<int>();
        for (var n = 0; n < 10; n++)
        {
            ideas.Add(await _h.SubmitAsync(author, consultation, $"Idé nummer {n}"));
        }

        var outcomes = await Task.WhenAll(ideas.Select(idea => Task.Run(() => _h.Votes(v => v.CastAsync(voter, idea)))));

        Assert.Equal(3, outcomes.Count(o => o == CastVoteOutcome.Voted));
        Assert.Equal(7, outcomes.Count(o => o == CastVoteOutcome.LimitReached));
        Assert.Equal(3, await _h.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == voter)));

        // Taking one back frees a vote.
        var votedFor = await _h.WithDbAsync(db => db.Votes.Where(v => v.UserId == voter).Select(v => v.IdeaId).FirstAsync());
        Assert.Equal(WithdrawVoteOutcome.Withdrawn, await _h.Votes(v => v.WithdrawAsync(voter, votedFor)));
        var stillVoted = await _h.WithDbAsync(db => db.Votes.Where(v => v.UserId == voter).Select(v => v.IdeaId).ToListAsync());
        var notVoted = ideas.First(i => i != votedFor && !stillVoted.Contains(i));
        var again = await _h.Votes(v => v.CastAsync(voter, notVoted));
        Assert.Equal(CastVoteOutcome.Voted, again);
        Assert.Equal(3, await _h.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == voter)));
    }

    [Fact]
    public async Task CounterStaysExactAfterWithdrawalsAndMerge()
    {
        var consultation = await _h.CreateConsultationAsync();
        var author = await _h.CreateUserAsync("author");
        var voters = await _h.CreateUsersAsync(30, "voter");
        var duplicate = await _h.SubmitAsync(author, consultation, "Sykkelparkering ved stasjonen");
        var target = await _h.SubmitAsync(author, consultation, "Flere sykkelstativer ved Hamar stasjon");

        // Concurrently: everyone votes for the duplicate, the first twenty for the target, the first ten take back their vote for the duplicate.
        await Task.WhenAll(voters.Select(voter => Task.Run(() => _h.Votes(v => v.CastAsync(voter, duplicate))))
            .Concat(voters.Take(20).Select(voter => Task.Run(() => _h.Votes(v => v.CastAsync(voter, target))))));
        await Task.WhenAll(voters.Take(10).Select(voter => Task.Run(() => _h.Votes(v => v.WithdrawAsync(voter, duplicate)))));

        Assert.Equal((20, 20), await _h.VoteCountsAsync(duplicate));
        Assert.Equal((20, 20), await _h.VoteCountsAsync(target));

        Assert.Equal(MergeOutcome.Merged, await _h.Ideas(s => s.MergeAsync(new Actor("staff", "Staff"), duplicate, target)));

        // Voters 0–9 voted only for the target, 10–19 for both (one kept), 20–29 only for the duplicate (moved).
        Assert.Equal((0, 0), await _h.VoteCountsAsync(duplicate));
        Assert.Equal((30, 30), await _h.VoteCountsAsync(target));
        Assert.Equal(0, await _h.WithDbAsync(db => db.Ideas.CountAsync(i => i.VoteCount != db.Votes.Count(v => v.IdeaId == i.Id))));
    }

    [Fact]
    public async Task MergeKeepsOneVotePerPerson()
    {
        var consultation = await _h.CreateConsultationAsync();
        var author = await _h.CreateUserAsync("author");
        var both = await _h.CreateUserAsync("both");
        var onlyDuplicate = await _h.CreateUserAsync("dup");
        var duplicate = await _h.SubmitAsync(author, consultation, "Benker på torget");
        var target = await _h.SubmitAsync(author, consultation, "Flere benker på Stortorget");
        await _h.Votes(v => v.CastAsync(both, duplicate));
        await _h.Votes(v => v.CastAsync(both, target));
        await _h.Votes(v => v.CastAsync(onlyDuplicate, duplicate));
        var staff = new Actor("staff", "Staff");

        Assert.Equal(MergeOutcome.SameIdea, await _h.Ideas(s => s.MergeAsync(staff, target, target)));
        Assert.Equal(MergeOutcome.Merged, await _h.Ideas(s => s.MergeAsync(staff, duplicate, target)));
        Assert.Equal(MergeOutcome.AlreadyMerged, await _h.Ideas(s => s.MergeAsync(staff, duplicate, target)));
        var third = await _h.SubmitAsync(author, consultation, "Tredje idé");
        Assert.Equal(MergeOutcome.TargetMerged, await _h.Ideas(s => s.MergeAsync(staff, third, duplicate)));
        var elsewhere = await _h.SubmitAsync(author, await _h.CreateConsultationAsync(title: "En annen høring"), "Idé et annet sted");
        Assert.Equal(MergeOutcome.DifferentConsultations, await _h.Ideas(s => s.MergeAsync(staff, elsewhere, target)));

        var votes = await _h.WithDbAsync(db => db.Votes.Where(v => v.IdeaId == target).Select(v => v.UserId).ToListAsync());
        Assert.Equal(2, votes.Count);
        Assert.Contains(both, votes);
        Assert.Contains(onlyDuplicate, votes);
        Assert.Equal((2, 2), await _h.VoteCountsAsync(target));

        // The duplicate leaves lists, takes no votes, and its page points to the target.
        var listed = await _h.Queries(q => q.ListAsync(new IdeaFilter(ConsultationId: consultation)));
        Assert.DoesNotContain(listed.Items, i => i.Id == duplicate);
        Assert.Equal(CastVoteOutcome.Withdrawn, await _h.Votes(v => v.CastAsync(author, duplicate)));
        Assert.Equal(target, (await _h.Queries(q => q.GetAsync(duplicate)))!.MergedIntoId);
        Assert.Equal(1, await _h.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == IdeaAuditActions.IdeaMerged)));
    }

    [Fact]
    public async Task ClosedConsultationRejectsIdeasCommentsAndVotes()
    {
        var consultation = await _h.CreateConsultationAsync();
        var author = await _h.CreateUserAsync("author");
        var voter = await _h.CreateUserAsync("voter");
        var idea = await _h.SubmitAsync(author, consultation);
        Assert.Equal(CastVoteOutcome.Voted, await _h.Votes(v => v.CastAsync(voter, idea)));
        var comment = (await _h.Comments(c => c.AddAsync(voter, idea, null, "Godt forslag!"))).CommentId!.Value;

        _h.Clock.Advance(TimeSpan.FromDays(15));

        var submit = await _h.Ideas(s => s.SubmitAsync(author, consultation, new IdeaContent("For sent", "Denne kommer for sent.")));
        Assert.Equal(SubmitOutcome.ConsultationNotOpen, submit.Outcome);
        Assert.Equal(AddCommentOutcome.Closed, (await _h.Comments(c => c.AddAsync(voter, idea, null, "For sent"))).Outcome);
        Assert.Equal(AddCommentOutcome.Closed, (await _h.Comments(c => c.AddAsync(voter, idea, comment, "For sent"))).Outcome);
        Assert.Equal(CastVoteOutcome.VotingClosed, await _h.Votes(v => v.CastAsync(author, idea)));
        Assert.Equal(WithdrawVoteOutcome.VotingClosed, await _h.Votes(v => v.WithdrawAsync(voter, idea)));

        Assert.Equal(1, await _h.WithDbAsync(db => db.Ideas.CountAsync(i => i.ConsultationId == consultation)));
        Assert.Equal(1, await _h.WithDbAsync(db => db.Comments.CountAsync()));
        Assert.Equal((1, 1), await _h.VoteCountsAsync(idea));
        Assert.Equal(ConsultationPhase.Closed, (await _h.Queries(q => q.GetConsultationAsync(consultation)))!.Summary.Phase);

        // Concluding makes it so for good.
        Assert.Equal(ConcludeOutcome.Concluded, await _h.WithAsync<ConcludeOutcome, ConsultationService>(s => s.ConcludeAsync(new Actor("staff", "Staff"), consultation)));
        Assert.Equal(ConsultationPhase.Concluded, (await _h.Queries(q => q.GetConsultationAsync(consultation)))!.Summary.Phase);
    }

    [Fact]
    public async Task UpcomingConsultationTakesNothingYet()
    {
        var theme = await _h.CreateThemeAsync();
        var result = await _h.WithAsync<SaveResult, ConsultationService>(s => s.CreateAsync(new Actor("staff", "Staff"),
            new ConsultationInput("Kommer snart", "Snart.", theme, IdeasHarness.Start.AddDays(1), IdeasHarness.Start.AddDays(2), IdeasHarness.Start.AddDays(3))));
        var author = await _h.CreateUserAsync();
        var submit = await _h.Ideas(s => s.SubmitAsync(author, result.Id!.Value, new IdeaContent("Tidlig", "For tidlig.")));
        Assert.Equal(SubmitOutcome.ConsultationNotOpen, submit.Outcome);
    }

    [Fact]
    public async Task VotingOnlyPhaseAcceptsVotesButNotIdeas()
    {
        var consultation = await _h.CreateConsultationAsync();
        var author = await _h.CreateUserAsync("author");
        var voter = await _h.CreateUserAsync("voter");
        var idea = await _h.SubmitAsync(author, consultation);

        _h.Clock.Advance(TimeSpan.FromDays(11));

        Assert.Equal(ConsultationPhase.VotingOnly, (await _h.Queries(q => q.GetConsultationAsync(consultation)))!.Summary.Phase);
        var submit = await _h.Ideas(s => s.SubmitAsync(author, consultation, new IdeaContent("Ny idé", "For sent for ideer.")));
        Assert.Equal(SubmitOutcome.ConsultationNotOpen, submit.Outcome);
        Assert.Equal(CastVoteOutcome.Voted, await _h.Votes(v => v.CastAsync(voter, idea)));
        Assert.Equal(AddCommentOutcome.Added, (await _h.Comments(c => c.AddAsync(voter, idea, null, "Enig!"))).Outcome);
        Assert.Equal(WithdrawVoteOutcome.Withdrawn, await _h.Votes(v => v.WithdrawAsync(voter, idea)));
        Assert.Equal(WithdrawVoteOutcome.NotVoted, await _h.Votes(v => v.WithdrawAsync(voter, idea)));
        Assert.Equal((0, 0), await _h.VoteCountsAsync(idea));
    }

    [Fact]
    public async Task WithdrawnIdeaTakesNoVotes()
    {
        var consultation = await _h.CreateConsultationAsync();
        var author = await _h.CreateUserAsync("author");
        var voter = await _h.CreateUserAsync("voter");
        var idea = await _h.SubmitAsync(author, consultation);

        Assert.Equal(WithdrawIdeaOutcome.NotAuthor, await _h.Ideas(s => s.WithdrawAsync(voter, idea)));
        Assert.Equal(WithdrawIdeaOutcome.Withdrawn, await _h.Ideas(s => s.WithdrawAsync(author, idea)));
        Assert.Equal(WithdrawIdeaOutcome.AlreadyWithdrawn, await _h.Ideas(s => s.WithdrawAsync(author, idea)));

        Assert.Equal(CastVoteOutcome.Withdrawn, await _h.Votes(v => v.CastAsync(voter, idea)));
        Assert.Equal(AddCommentOutcome.IdeaWithdrawn, (await _h.Comments(c => c.AddAsync(voter, idea, null, "Hei"))).Outcome);
        Assert.Equal((0, 0), await _h.VoteCountsAsync(idea));
        Assert.Empty((await _h.Queries(q => q.ListAsync(new IdeaFilter(ConsultationId: consultation)))).Items);
        Assert.NotNull((await _h.Queries(q => q.GetAsync(idea)))!.WithdrawnAt);
    }

    [Fact]
    public async Task VoteForMissingIdeaIsNotFound()
    {
        var voter = await _h.CreateUserAsync("voter");
        Assert.Equal(CastVoteOutcome.NotFound, await _h.Votes(v => v.CastAsync(voter, 424242)));
        Assert.Equal(WithdrawVoteOutcome.NotFound, await _h.Votes(v => v.WithdrawAsync(voter, 424242)));
        Assert.Equal(0, await _h.WithDbAsync(db => db.Votes.CountAsync()));
    }

    [Fact]
    public async Task ReplayedVoteIsAlreadyVotedAndStoresNothing()
    {
        var consultation = await _h.CreateConsultationAsync();
        var author = await _h.CreateUserAsync("author");
        var voter = await _h.CreateUserAsync("voter");
        var idea = await _h.SubmitAsync(author, consultation);
        Assert.Equal(CastVoteOutcome.Voted, await _h.Votes(v => v.CastAsync(voter, idea)));
        Assert.Equal(CastVoteOutcome.AlreadyVoted, await _h.Votes(v => v.CastAsync(voter, idea)));
        Assert.Equal((1, 1), await _h.VoteCountsAsync(idea));
    }

    [Fact]
    public async Task UniqueIndexRefusesASecondVoteWrittenBehindTheServicesBack()
    {
        var consultation = await _h.CreateConsultationAsync();
        var author = await _h.CreateUserAsync("author");
        var idea = await _h.SubmitAsync(author, consultation);
        await _h.Votes(v => v.CastAsync(author, idea));
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
            await using var other = new SqliteConnection(new SqliteConnectionStringBuilder(_h.ConnectionString) { DefaultTimeout = 1 }.ToString());
            await other.OpenAsync();
            await using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            var busy = await Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync());
            Assert.Equal(5 /* SQLITE_BUSY */, busy.SqliteErrorCode);
        });
    }
}
