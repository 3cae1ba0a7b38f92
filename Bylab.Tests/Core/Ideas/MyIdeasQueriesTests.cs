using Bylab.Core.Ideas;

namespace Bylab.Tests.Core.Ideas;

/// <summary>Min side lists the person's ideas, their votes with what is left per consultation, and the ideas they follow.</summary>
public sealed class MyIdeasQueriesTests : IAsyncLifetime
{
    private IdeasHarness _h = null!;

    public async Task InitializeAsync() => _h = await IdeasHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task MyPageShowsMyIdeasVotesLeftPerConsultationAndFollows()
    {
        var limited = await _h.CreateConsultationAsync(maxVotes: 3, title: "Stortorget");
        var open = await _h.CreateConsultationAsync(title: "Sykkelbyen");
        var (me, other) = (await _h.CreateUserAsync("meg"), await _h.CreateUserAsync("annen"));
        var mine = await _h.SubmitAsync(me, limited, title: "Benker på torget");
        var a = await _h.SubmitAsync(other, limited, title: "Marked hver lørdag");
        var b = await _h.SubmitAsync(other, limited, title: "Skøytebane om vinteren");
        var c = await _h.SubmitAsync(other, open, title: "Sykkelparkering ved stasjonen");
        foreach (var idea in new[] { a, b, c })
        {
            Assert.Equal(CastVoteOutcome.Voted, await _h.Votes(v => v.CastAsync(me, idea)));
        }
        Assert.Equal(FollowOutcome.Following, await _h.Ideas(s => s.FollowAsync(me, c)));

        var page = await _h.WithAsync<MyIdeasOverview, MyIdeasQueries>(q => q.ForAsync(me));

        Assert.Equal(["Benker på torget"], page.Ideas.Select(i => i.Title));
        Assert.Equal(mine, page.Ideas.Single().Id);
        var stortorget = page.Votes.Single(v => v.ConsultationId == limited);
        Assert.Equal(["Marked hver lørdag", "Skøytebane om vinteren"], stortorget.Ideas.Select(i => i.Title));
        Assert.Equal(1, stortorget.Left);
        Assert.Null(page.Votes.Single(v => v.ConsultationId == open).Left);
        // The followed idea, and the author's own (authors follow their ideas).
        Assert.Contains(page.Follows, f => f.Id == c);

        // A withdrawn idea gives its votes back, as the vote limit counts them.
        Assert.Equal(WithdrawIdeaOutcome.Withdrawn, await _h.Ideas(s => s.WithdrawAsync(other, a)));
        var after = await _h.WithAsync<MyIdeasOverview, MyIdeasQueries>(q => q.ForAsync(me));
        Assert.Equal(2, after.Votes.Single(v => v.ConsultationId == limited).Left);
    }
}
