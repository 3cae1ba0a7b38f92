using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Ideas;

/// <summary>
/// The vote allowance as people meet it: several voters, several consultations, ideas withdrawn after people voted
/// on them, the site-wide default (<see cref="IdeaOptions.MaxVotesPerConsultation"/>) and a consultation's own value.
/// Each test would pass against code that got one part of the rule wrong if it had only one voter or one consultation.
/// </summary>
public sealed class VoteAllowanceTests
{
    private static async Task<List<int>> IdeasAsync(IdeasHarness h, string author, int consultation, int count, string prefix)
    {
        var ideas = new List<int>();
        for (var n = 0; n < count; n++)
        {
            ideas.Add(await h.SubmitAsync(author, consultation, $"{prefix} nummer {n}"));
        }
        return ideas;
    }

    private static Task<CastVoteOutcome> VoteAsync(IdeasHarness h, string voter, int idea) => h.Votes(v => v.CastAsync(voter, idea));

    [Fact]
    public async Task EachPersonHasAnAllowanceOfTheirOwn()
    {
        await using var h = await IdeasHarness.CreateAsync();
        var consultation = await h.CreateConsultationAsync(maxVotes: 2);
        var author = await h.CreateUserAsync("author");
        var (kari, ola) = (await h.CreateUserAsync("kari"), await h.CreateUserAsync("ola"));
        var ideas = await IdeasAsync(h, author, consultation, 3, "Idé");

        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, kari, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, kari, ideas[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await VoteAsync(h, kari, ideas[2]));

        // Kari's two votes are not Ola's: he still has both of his, on the same ideas and on the third.
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, ola, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, ola, ideas[2]));
        Assert.Equal(CastVoteOutcome.LimitReached, await VoteAsync(h, ola, ideas[1]));

        Assert.Equal((2, 2), await h.VoteCountsAsync(ideas[0]));
        Assert.Equal((1, 1), await h.VoteCountsAsync(ideas[1]));
        Assert.Equal((1, 1), await h.VoteCountsAsync(ideas[2]));
    }

    [Fact]
    public async Task VotesInAnotherConsultationDoNotUseTheAllowance()
    {
        await using var h = await IdeasHarness.CreateAsync();
        var stortorget = await h.CreateConsultationAsync(maxVotes: 2, title: "Hvordan skal Stortorget brukes?");
        var strandsonen = await h.CreateConsultationAsync(maxVotes: 2, title: "Hva skal skje i strandsonen?");
        var author = await h.CreateUserAsync("author");
        var voter = await h.CreateUserAsync("voter");
        var torget = await IdeasAsync(h, author, stortorget, 3, "Torget");
        var strand = await IdeasAsync(h, author, strandsonen, 3, "Strand");

        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, strand[0]));
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, strand[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await VoteAsync(h, voter, strand[2]));

        // Both used up in the strand consultation; the torget consultation is a fresh allowance of two.
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, torget[0]));
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, torget[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await VoteAsync(h, voter, torget[2]));
        Assert.Equal(4, await h.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == voter)));
    }

    [Fact]
    public async Task AVoteOnAnIdeaWithdrawnSinceIsGivenBack()
    {
        await using var h = await IdeasHarness.CreateAsync();
        var consultation = await h.CreateConsultationAsync(maxVotes: 2);
        var author = await h.CreateUserAsync("author");
        var voter = await h.CreateUserAsync("voter");
        var ideas = await IdeasAsync(h, author, consultation, 4, "Idé");
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, ideas[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await VoteAsync(h, voter, ideas[2]));

        // The author takes idea 0 back: the vote on it stays in the table but no longer counts against the voter.
        Assert.Equal(WithdrawIdeaOutcome.Withdrawn, await h.Ideas(s => s.WithdrawAsync(author, ideas[0])));
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, ideas[2]));
        Assert.Equal(CastVoteOutcome.LimitReached, await VoteAsync(h, voter, ideas[3]));

        Assert.Equal(3, await h.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == voter)));
        Assert.Equal(0, (await h.Queries(q => q.GetAsync(ideas[3], voter)))!.ViewerVotesLeft);
    }

    [Fact]
    public async Task TheSiteWideDefaultLimitsAConsultationWithoutItsOwnValue()
    {
        await using var h = await IdeasHarness.CreateAsync(o => o.MaxVotesPerConsultation = 2);
        var consultation = await h.CreateConsultationAsync();
        var author = await h.CreateUserAsync("author");
        var (kari, ola) = (await h.CreateUserAsync("kari"), await h.CreateUserAsync("ola"));
        var ideas = await IdeasAsync(h, author, consultation, 3, "Idé");

        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, kari, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, kari, ideas[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await VoteAsync(h, kari, ideas[2]));
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, ola, ideas[2]));
        Assert.Equal(0, (await h.Queries(q => q.GetAsync(ideas[2], kari)))!.ViewerVotesLeft);
        Assert.Equal(1, (await h.Queries(q => q.GetAsync(ideas[2], ola)))!.ViewerVotesLeft);
    }

    [Fact]
    public async Task AConsultationsOwnValueWinsOverTheSiteWideDefault()
    {
        await using var h = await IdeasHarness.CreateAsync(o => o.MaxVotesPerConsultation = 2);
        var generous = await h.CreateConsultationAsync(maxVotes: 3, title: "Raus høring");
        var strict = await h.CreateConsultationAsync(maxVotes: 1, title: "Streng høring");
        var author = await h.CreateUserAsync("author");
        var voter = await h.CreateUserAsync("voter");
        var many = await IdeasAsync(h, author, generous, 4, "Raus");
        var few = await IdeasAsync(h, author, strict, 2, "Streng");

        Assert.Equal(
            [CastVoteOutcome.Voted, CastVoteOutcome.Voted, CastVoteOutcome.Voted, CastVoteOutcome.LimitReached],
            [await VoteAsync(h, voter, many[0]), await VoteAsync(h, voter, many[1]), await VoteAsync(h, voter, many[2]), await VoteAsync(h, voter, many[3])]);
        Assert.Equal(
            [CastVoteOutcome.Voted, CastVoteOutcome.LimitReached],
            [await VoteAsync(h, voter, few[0]), await VoteAsync(h, voter, few[1])]);
    }

    [Fact]
    public async Task WithoutAnyLimitAPersonMayVoteForEveryIdea()
    {
        await using var h = await IdeasHarness.CreateAsync();
        var consultation = await h.CreateConsultationAsync();
        var author = await h.CreateUserAsync("author");
        var voter = await h.CreateUserAsync("voter");
        var ideas = await IdeasAsync(h, author, consultation, 5, "Idé");

        foreach (var idea in ideas)
        {
            Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, idea));
        }
        Assert.Null((await h.Queries(q => q.GetAsync(ideas[0], voter)))!.ViewerVotesLeft);
    }

    [Fact]
    public async Task AVoteSentAgainAtTheLimitIsAlreadyVotedNotLimitReached()
    {
        // The second tab or the back button, once the allowance is used up: the person is told they already voted
        // for this idea, which is true, rather than that they have no votes left.
        await using var h = await IdeasHarness.CreateAsync();
        var consultation = await h.CreateConsultationAsync(maxVotes: 2);
        var author = await h.CreateUserAsync("author");
        var voter = await h.CreateUserAsync("voter");
        var ideas = await IdeasAsync(h, author, consultation, 2, "Idé");
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await VoteAsync(h, voter, ideas[1]));

        Assert.Equal(CastVoteOutcome.AlreadyVoted, await VoteAsync(h, voter, ideas[0]));
        Assert.Equal((1, 1), await h.VoteCountsAsync(ideas[0]));
    }
}
