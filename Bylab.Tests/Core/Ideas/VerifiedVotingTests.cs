using Bylab.Core.Accounts;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bylab.Tests.Core.Ideas;

/// <summary>
/// «Krev verifisert konto for å stemme»: a consultation that asks for it takes votes only from accounts verified by
/// an eID sign-in; the service says so, and the trigger TR_Votes_VerifiedOnly holds it for every path.
/// </summary>
public sealed class VerifiedVotingTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<int> RequiringConsultationAsync(bool requires = true)
    {
        var c = await _h.Ideas.ConsultationAsync();
        await _h.WithDbAsync(db => db.Consultations.Where(x => x.Id == c.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RequiresVerifiedAccount, requires)));
        return c.Id;
    }

    private Task VerifyAsync(BylabUser user) => _h.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id)
        .ExecuteUpdateAsync(s => s.SetProperty(u => u.VerifiedAt, _h.Clock.GetUtcNow().UtcDateTime).SetProperty(u => u.VerifiedBy, "ID-porten")));

    [Fact]
    public async Task OnlyVerifiedAccountsVoteWhereTheConsultationRequiresIt()
    {
        var required = await RequiringConsultationAsync();
        var open = await RequiringConsultationAsync(requires: false);
        var author = await _h.Users.CreateAsync("author");
        var (kari, ola) = (await _h.Users.CreateAsync("kari"), await _h.Users.CreateAsync("ola"));
        await VerifyAsync(ola);
        var idea = (await _h.Ideas.IdeaAsync(author.Id, required)).Id;
        var other = (await _h.Ideas.IdeaAsync(author.Id, open, "Idé i en åpen medvirkning")).Id;

        Assert.Equal(CastVoteOutcome.NotVerified, await _h.Ideas.CastAsync(kari.Id, idea));
        Assert.Equal(CastVoteOutcome.Voted, await _h.Ideas.CastAsync(ola.Id, idea));
        // Another consultation that does not ask for it takes Kari's vote.
        Assert.Equal(CastVoteOutcome.Voted, await _h.Ideas.CastAsync(kari.Id, other));
        Assert.Equal((1, 1), await _h.Ideas.VoteCountsAsync(idea));

        await VerifyAsync(kari);
        Assert.Equal(CastVoteOutcome.Voted, await _h.Ideas.CastAsync(kari.Id, idea));
        Assert.Equal((2, 2), await _h.Ideas.VoteCountsAsync(idea));
    }

    [Fact]
    public async Task TheDatabaseRefusesAnUnverifiedVoteWrittenPastTheService()
    {
        var required = await RequiringConsultationAsync();
        var author = await _h.Users.CreateAsync("author");
        var (kari, ola) = (await _h.Users.CreateAsync("kari"), await _h.Users.CreateAsync("ola"));
        await VerifyAsync(ola);
        var idea = (await _h.Ideas.IdeaAsync(author.Id, required)).Id;
        var now = _h.Clock.GetUtcNow().UtcDateTime;

        var refused = await Assert.ThrowsAsync<SqliteException>(() => _h.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"INSERT INTO Votes (IdeaId, UserId, CreatedAt) VALUES ({idea}, {kari.Id}, {now})")));
        Assert.Contains(VoteService.VerifiedVoteError, refused.Message);
        Assert.Equal(1, await _h.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"INSERT INTO Votes (IdeaId, UserId, CreatedAt) VALUES ({idea}, {ola.Id}, {now})")));
    }

    [Fact]
    public async Task AConsultationThatBeginsToRequireItWhileAVoteIsOnItsWayRefusesTheVote()
    {
        // The worst moment: staff tick «Krev verifisert konto» after the service has read the consultation (still
        // open to everyone) and before its insert. The trigger reads the consultation as it is at the insert.
        var consultation = await RequiringConsultationAsync(requires: false);
        var author = await _h.Users.CreateAsync("author");
        var kari = await _h.Users.CreateAsync("kari");
        var idea = (await _h.Ideas.IdeaAsync(author.Id, consultation)).Id;
        var hook = new CommandHook(
            c => c.CommandText.StartsWith("INSERT INTO Votes", StringComparison.Ordinal),
            async c =>
            {
                // Inside the voter's write transaction; a second connection would wait for it, so the change is made on
                // the same connection, as if it had committed just before.
                await using var update = c.Connection!.CreateCommand();
                update.Transaction = c.Transaction;
                update.CommandText = $"UPDATE Consultations SET RequiresVerifiedAccount = 1 WHERE Id = {consultation}";
                await update.ExecuteNonQueryAsync();
            });
        await using var db = hook.NewContext(_h.ConnectionString);
        var result = await new VoteService(db, _h.Clock, Options.Create(new IdeaOptions())).CastAsync(kari.Id, idea);

        Assert.Equal(1, hook.Matched);
        Assert.Equal(CastVoteOutcome.NotVerified, result.Outcome);
        Assert.False(result.Voted);
        Assert.Equal((0, 0), await _h.Ideas.VoteCountsAsync(idea));
    }
}
