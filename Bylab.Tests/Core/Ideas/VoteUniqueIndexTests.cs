using System.Data.Common;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bylab.Tests.Core.Ideas;

/// <summary>
/// One vote per person and idea is the unique index's rule; the code's check before the insert only gives the
/// friendly answer first. These tests blind that check, so the insert meets the index and the service's fallback
/// (catching SQLITE_CONSTRAINT_UNIQUE) must turn it into «already voted» – alone and under a race. (Checked against
/// VoteService without that catch: both tests fail with the SqliteException.)
/// </summary>
public sealed class VoteUniqueIndexTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static bool IsAlreadyVotedCheck(DbCommand c) =>
        c.CommandText.StartsWith("SELECT EXISTS", StringComparison.Ordinal) && c.CommandText.Contains("FROM \"Votes\"");

    /// <summary>Makes the «has this person voted?» query answer no, whatever is stored (the query still runs).</summary>
    private readonly CommandHook _blindfold = new(IsAlreadyVotedCheck, c =>
    {
        c.CommandText = c.CommandText.Replace("SELECT EXISTS", "SELECT 0 AND EXISTS", StringComparison.Ordinal);
        return Task.CompletedTask;
    }, everyTime: true);

    /// <summary>A blinded VoteService with a connection of its own, as one request would have it.</summary>
    private async Task<CastVoteOutcome> CastBlindedAsync(string voter, int idea)
    {
        await using var db = _blindfold.NewContext(_h.ConnectionString);
        return (await new VoteService(db, _h.Clock, Options.Create(new IdeaOptions())).CastAsync(voter, idea)).Outcome;
    }

    [Fact]
    public async Task WithTheCheckBlindedTheUniqueIndexStillSaysAlreadyVoted()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author")).Id;
        var voter = (await _h.Users.CreateAsync("voter")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        var other = (await _h.Ideas.IdeaAsync(author, consultation, "En annen idé")).Id;
        Assert.Equal(CastVoteOutcome.Voted, await _h.Ideas.CastAsync(voter, idea));

        Assert.Equal(CastVoteOutcome.AlreadyVoted, await CastBlindedAsync(voter, idea));
        Assert.Equal(1, _blindfold.Matched); // the check ran, blinded: a changed query would make this test test nothing

        Assert.Equal((1, 1), await _h.Ideas.VoteCountsAsync(idea));
        // The refused insert was rolled back and let go of the write lock: the next vote goes straight through.
        Assert.Equal(CastVoteOutcome.Voted, await _h.Ideas.CastAsync(voter, other));
        Assert.Equal((1, 1), await _h.Ideas.VoteCountsAsync(other));
    }

    [Fact]
    public async Task TwentyBlindedVotesFromOnePersonAtOnceCountOnce()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author")).Id;
        var voter = (await _h.Users.CreateAsync("voter")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => CastBlindedAsync(voter, idea))));

        Assert.Equal(1, outcomes.Count(o => o == CastVoteOutcome.Voted));
        Assert.Equal(19, outcomes.Count(o => o == CastVoteOutcome.AlreadyVoted));
        Assert.Equal(20, _blindfold.Matched);
        Assert.Equal((1, 1), await _h.Ideas.VoteCountsAsync(idea));
    }
}
