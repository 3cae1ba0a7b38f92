using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Ideas;

/// <summary>
/// The vote allowance as people meet it: several voters, several consultations, ideas withdrawn after people voted
/// on them, the site-wide default (<see cref="IdeaOptions.MaxVotesPerConsultation"/>) and a consultation's own value.
/// Each test would pass against code that got one part of the rule wrong if it had only one voter or one consultation.
/// (Checked against VoteService mutated to count everyone's votes, other consultations' votes, votes on withdrawn
/// ideas, or to ignore the site-wide default: each of those fails a test here.)
/// </summary>
public sealed class VoteAllowanceTests
{
    /// <param name="siteWideLimit">Bylab:Ideas:MaxVotesPerConsultation, as appsettings.json would give it.</param>
    private static Task<CoreHarness> HarnessAsync(int? siteWideLimit = null) => CoreHarness.CreateAsync(settings: siteWideLimit is { } limit
        ? new Dictionary<string, string?> { ["Bylab:Ideas:MaxVotesPerConsultation"] = limit.ToString() }
        : null);

    private static async Task<string> UserAsync(CoreHarness h, string name) => (await h.Users.CreateAsync(name)).Id;

    private static async Task<List<int>> IdeasAsync(CoreHarness h, string author, int consultation, int count, string prefix) =>
        (await h.Ideas.IdeasAsync(author, consultation, count, prefix)).Select(i => i.Id).ToList();

    private static async Task<int?> VotesLeftAsync(CoreHarness h, int idea, string viewer) => (await h.Ideas.DetailsAsync(idea, viewer)).ViewerVotesLeft;

    [Fact]
    public async Task EachPersonHasAnAllowanceOfTheirOwn()
    {
        await using var h = await HarnessAsync();
        var consultation = (await h.Ideas.ConsultationAsync(maxVotes: 2)).Id;
        var author = await UserAsync(h, "author");
        var (kari, ola) = (await UserAsync(h, "kari"), await UserAsync(h, "ola"));
        var ideas = await IdeasAsync(h, author, consultation, 3, "Idé");

        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(kari, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(kari, ideas[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await h.Ideas.CastAsync(kari, ideas[2]));

        // Kari's two votes are not Ola's: he still has both of his, on the same ideas and on the third.
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(ola, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(ola, ideas[2]));
        Assert.Equal(CastVoteOutcome.LimitReached, await h.Ideas.CastAsync(ola, ideas[1]));

        Assert.Equal((2, 2), await h.Ideas.VoteCountsAsync(ideas[0]));
        Assert.Equal((1, 1), await h.Ideas.VoteCountsAsync(ideas[1]));
        Assert.Equal((1, 1), await h.Ideas.VoteCountsAsync(ideas[2]));
    }

    [Fact]
    public async Task VotesInAnotherConsultationDoNotUseTheAllowance()
    {
        await using var h = await HarnessAsync();
        var stortorget = (await h.Ideas.ConsultationAsync(maxVotes: 2, title: "Hvordan skal Stortorget brukes?")).Id;
        var strandsonen = (await h.Ideas.ConsultationAsync(maxVotes: 2, title: "Hva skal skje i strandsonen?")).Id;
        var author = await UserAsync(h, "author");
        var voter = await UserAsync(h, "voter");
        var torget = await IdeasAsync(h, author, stortorget, 3, "Torget");
        var strand = await IdeasAsync(h, author, strandsonen, 3, "Strand");

        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, strand[0]));
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, strand[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await h.Ideas.CastAsync(voter, strand[2]));

        // Both used up in the strand consultation; the torget consultation is a fresh allowance of two.
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, torget[0]));
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, torget[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await h.Ideas.CastAsync(voter, torget[2]));
        Assert.Equal(4, await h.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == voter)));
    }

    [Fact]
    public async Task AVoteOnAnIdeaWithdrawnSinceIsGivenBack()
    {
        await using var h = await HarnessAsync();
        var consultation = (await h.Ideas.ConsultationAsync(maxVotes: 2)).Id;
        var author = await UserAsync(h, "author");
        var voter = await UserAsync(h, "voter");
        var ideas = await IdeasAsync(h, author, consultation, 4, "Idé");
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, ideas[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await h.Ideas.CastAsync(voter, ideas[2]));

        // The author takes idea 0 back: the vote on it stays in the table but no longer counts against the voter.
        Assert.Equal(WithdrawIdeaOutcome.Withdrawn, (await h.WithAsync((IdeaService s) => s.WithdrawAsync(author, ideas[0]))).Outcome);
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, ideas[2]));
        Assert.Equal(CastVoteOutcome.LimitReached, await h.Ideas.CastAsync(voter, ideas[3]));

        Assert.Equal(3, await h.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == voter)));
        Assert.Equal(0, await VotesLeftAsync(h, ideas[3], voter));
    }

    [Fact]
    public async Task TheSiteWideDefaultLimitsAConsultationWithoutItsOwnValue()
    {
        await using var h = await HarnessAsync(siteWideLimit: 2);
        var consultation = (await h.Ideas.ConsultationAsync()).Id;
        var author = await UserAsync(h, "author");
        var (kari, ola) = (await UserAsync(h, "kari"), await UserAsync(h, "ola"));
        var ideas = await IdeasAsync(h, author, consultation, 3, "Idé");

        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(kari, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(kari, ideas[1]));
        Assert.Equal(CastVoteOutcome.LimitReached, await h.Ideas.CastAsync(kari, ideas[2]));
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(ola, ideas[2]));
        Assert.Equal(0, await VotesLeftAsync(h, ideas[2], kari));
        Assert.Equal(1, await VotesLeftAsync(h, ideas[2], ola));
    }

    [Fact]
    public async Task AConsultationsOwnValueWinsOverTheSiteWideDefault()
    {
        await using var h = await HarnessAsync(siteWideLimit: 2);
        var generous = (await h.Ideas.ConsultationAsync(maxVotes: 3, title: "Raus høring")).Id;
        var strict = (await h.Ideas.ConsultationAsync(maxVotes: 1, title: "Streng høring")).Id;
        var author = await UserAsync(h, "author");
        var voter = await UserAsync(h, "voter");
        var many = await IdeasAsync(h, author, generous, 4, "Raus");
        var few = await IdeasAsync(h, author, strict, 2, "Streng");

        Assert.Equal(
            [CastVoteOutcome.Voted, CastVoteOutcome.Voted, CastVoteOutcome.Voted, CastVoteOutcome.LimitReached],
            [await h.Ideas.CastAsync(voter, many[0]), await h.Ideas.CastAsync(voter, many[1]), await h.Ideas.CastAsync(voter, many[2]),
             await h.Ideas.CastAsync(voter, many[3])]);
        Assert.Equal(
            [CastVoteOutcome.Voted, CastVoteOutcome.LimitReached],
            [await h.Ideas.CastAsync(voter, few[0]), await h.Ideas.CastAsync(voter, few[1])]);
    }

    [Fact]
    public async Task WithoutAnyLimitAPersonMayVoteForEveryIdea()
    {
        await using var h = await HarnessAsync();
        var consultation = (await h.Ideas.ConsultationAsync()).Id;
        var author = await UserAsync(h, "author");
        var voter = await UserAsync(h, "voter");
        var ideas = await IdeasAsync(h, author, consultation, 5, "Idé");

        foreach (var idea in ideas)
        {
            Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, idea));
        }
        Assert.Null(await VotesLeftAsync(h, ideas[0], voter));
    }

    [Fact]
    public async Task AVoteSentAgainAtTheLimitIsAlreadyVotedNotLimitReached()
    {
        // The second tab or the back button, once the allowance is used up: the person is told they already voted
        // for this idea, which is true, rather than that they have no votes left.
        await using var h = await HarnessAsync();
        var consultation = (await h.Ideas.ConsultationAsync(maxVotes: 2)).Id;
        var author = await UserAsync(h, "author");
        var voter = await UserAsync(h, "voter");
        var ideas = await IdeasAsync(h, author, consultation, 2, "Idé");
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, ideas[0]));
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, ideas[1]));

        Assert.Equal(CastVoteOutcome.AlreadyVoted, await h.Ideas.CastAsync(voter, ideas[0]));
        Assert.Equal((1, 1), await h.Ideas.VoteCountsAsync(ideas[0]));
    }

    [Fact]
    public async Task AVoteAndAWithdrawnVoteSayTheVotesLeftAsTheIdeaPageCountsThem()
    {
        await using var h = await HarnessAsync(siteWideLimit: 3);
        var consultation = (await h.Ideas.ConsultationAsync(maxVotes: 2)).Id;
        var other = (await h.Ideas.ConsultationAsync(title: "Hva skal skje i strandsonen?")).Id;
        var author = await UserAsync(h, "author");
        var voter = await UserAsync(h, "voter");
        var ideas = await IdeasAsync(h, author, consultation, 3, "Idé");
        var elsewhere = await IdeasAsync(h, author, other, 1, "Strand");
        // A vote in another consultation (its allowance is the site-wide three), and one on an idea withdrawn since.
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, elsewhere[0]));
        Assert.Equal(CastVoteOutcome.Voted, await h.Ideas.CastAsync(voter, ideas[2]));
        await h.WithAsync((IdeaService s) => s.WithdrawAsync(author, ideas[2]));

        var voted = await h.WithAsync((VoteService v) => v.CastAsync(voter, ideas[0]));
        Assert.Equal((CastVoteOutcome.Voted, 1), (voted.Outcome, voted.VotesLeft));
        Assert.Equal(await VotesLeftAsync(h, ideas[0], voter), voted.VotesLeft);
        var full = await h.WithAsync((VoteService v) => v.CastAsync(voter, ideas[1]));
        Assert.Equal((CastVoteOutcome.Voted, 0), (full.Outcome, full.VotesLeft));
        var refused = await h.WithAsync((VoteService v) => v.CastAsync(voter, ideas[1]));
        Assert.Equal(0, refused.VotesLeft);
        var withdrawn = await h.WithAsync((VoteService v) => v.WithdrawAsync(voter, ideas[0]));
        Assert.Equal((WithdrawVoteOutcome.Withdrawn, 1), (withdrawn.Outcome, withdrawn.VotesLeft));
        Assert.Equal(2, (await h.WithAsync((VoteService v) => v.CastAsync(voter, elsewhere[0]))).VotesLeft);
    }
}
