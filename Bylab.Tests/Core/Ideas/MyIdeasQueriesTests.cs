using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Ideas;

/// <summary>Min side lists the person's ideas, their votes with what is left per consultation, and the ideas they follow.</summary>
public sealed class MyIdeasQueriesTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task MyPageShowsMyIdeasVotesLeftPerConsultationAndFollows()
    {
        var limited = (await _h.Ideas.ConsultationAsync("Stortorget", maxVotes: 3)).Id;
        var open = (await _h.Ideas.ConsultationAsync("Sykkelbyen")).Id;
        var (me, other) = ((await _h.Users.CreateAsync("meg")).Id, (await _h.Users.CreateAsync("annen")).Id);
        var mine = (await _h.Ideas.IdeaAsync(me, limited, title: "Benker på torget")).Id;
        var a = (await _h.Ideas.IdeaAsync(other, limited, title: "Marked hver lørdag")).Id;
        var b = (await _h.Ideas.IdeaAsync(other, limited, title: "Skøytebane om vinteren")).Id;
        var c = (await _h.Ideas.IdeaAsync(other, open, title: "Sykkelparkering ved stasjonen")).Id;
        foreach (var idea in new[] { a, b, c })
        {
            await _h.Ideas.VoteAsync(me, idea);
        }
        await _h.Ideas.FollowAsync(me, c);

        var page = await _h.WithAsync((MyIdeasQueries q) => q.ForAsync(me));

        Assert.Equal(["Benker på torget"], page.Ideas.Select(i => i.Title));
        Assert.Equal(mine, page.Ideas.Single().Id);
        var stortorget = page.Votes.Single(v => v.ConsultationId == limited);
        Assert.Equal(["Marked hver lørdag", "Skøytebane om vinteren"], stortorget.Ideas.Select(i => i.Title));
        Assert.Equal(1, stortorget.Left);
        Assert.Null(page.Votes.Single(v => v.ConsultationId == open).Left);
        // The followed idea, and the author's own (authors follow their ideas).
        Assert.Contains(page.Follows, f => f.Id == c);

        // A withdrawn idea gives its votes back, as the vote limit counts them.
        Assert.Equal(WithdrawIdeaOutcome.Withdrawn, (await _h.WithAsync((IdeaService s) => s.WithdrawAsync(other, a))).Outcome);
        var after = await _h.WithAsync((MyIdeasQueries q) => q.ForAsync(me));
        Assert.Equal(2, after.Votes.Single(v => v.ConsultationId == limited).Left);
    }
}
