using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Core.Summaries;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Summaries;

/// <summary>
/// The computed summary is kept per consultation (issue 14, performance) and must never outlive a change: every write
/// through the real services – a vote, a withdrawn vote, a hidden and a restored idea, a new comment – shows in the next
/// summary, while an unchanged consultation is served from the cache.
/// </summary>
public sealed class SummaryCacheTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<ConsultationSummaryReport> SummaryAsync(int consultation) =>
        _h.WithAsync(async (ConsultationSummaryService s) => (await s.GetAsync(consultation))!);

    [Fact]
    public async Task EveryChangeShowsInTheNextSummaryAndNothingElseRecomputesIt()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var people = await _h.Users.CreateManyAsync(3, "deltaker");
        var benker = (await _h.Ideas.IdeaAsync(people[0].Id, consultation, "Flere benker på Stortorget", "Benker for eldre.")).Id;
        var lys = (await _h.Ideas.IdeaAsync(people[1].Id, consultation, "Bedre lys i parken", "Parken er mørk.")).Id;
        await _h.Ideas.VoteAsync(people[1].Id, benker);

        var first = await SummaryAsync(consultation);
        Assert.Equal((2, 1, 0), (first.Participation.Ideas, first.Participation.Votes, first.Participation.Comments));
        // Nothing changed: the same computed figures come back, not a new computation.
        Assert.Same(first.Participation, (await SummaryAsync(consultation)).Participation);

        await _h.Ideas.VoteAsync(people[2].Id, benker);
        var voted = await SummaryAsync(consultation);
        Assert.Equal(2, voted.Participation.Votes);
        Assert.Equal(3, voted.Participation.Participants);
        Assert.Equal(2, voted.TopByVotes[0].Votes);

        Assert.Equal(WithdrawVoteOutcome.Withdrawn, (await _h.WithAsync((VoteService s) => s.WithdrawAsync(people[2].Id, benker))).Outcome);
        Assert.Equal(1, (await SummaryAsync(consultation)).Participation.Votes);

        await _h.Moderation.HideAsync(ContentKind.Idea, benker);
        var hidden = await SummaryAsync(consultation);
        Assert.Equal((1, 0), (hidden.Participation.Ideas, hidden.Participation.Votes));
        Assert.DoesNotContain(hidden.TopByVotes, t => t.Id == benker);

        await _h.Moderation.RestoreAsync(ContentKind.Idea, benker);
        var restored = await SummaryAsync(consultation);
        Assert.Equal((2, 1), (restored.Participation.Ideas, restored.Participation.Votes));
        Assert.Equal(benker, restored.TopByVotes[0].Id);

        await _h.WithAsync((CommentService s) => s.AddAsync(people[2].Id, lys, null, "Enig, særlig ved stien."));
        Assert.Equal(1, (await SummaryAsync(consultation)).Participation.Comments);
    }
}
