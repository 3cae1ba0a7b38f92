using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Moderation;

/// <summary>
/// Posting blocks and requests for review on real SQLite: the database refuses a blocked person's writes whatever code
/// makes them (raw SQL included) and lets them through again once unblocked; one active block per person; one request
/// per decision and one answer per request, even when they race.
/// </summary>
public sealed class BlocksAndReviewsTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TheDatabaseRefusesABlockedPersonsWritesAndAcceptsThemAfterTheUnblock()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var other = await _h.Users.CreateAsync("annen");
        var idea = (await _h.Ideas.IdeaAsync(other.Id, consultation)).Id;
        var me = await _h.Users.CreateAsync("sperret");
        var own = (await _h.WithAsync((CommentService c) => c.AddAsync(me.Id, idea, null, "Min kommentar"))).CommentId!.Value;
        var moderator = await _h.Moderation.ModeratorAsync();
        Assert.Equal(BlockOutcome.Done, await _h.WithAsync((PostingBlocks b) => b.BlockAsync(moderator, me.Id, "Reklame", hideAll: false)));
        Assert.Equal(BlockOutcome.AlreadyBlocked, await _h.WithAsync((PostingBlocks b) => b.BlockAsync(moderator, me.Id, "Igjen", hideAll: false)));

        // A vote by raw SQL, a comment, an edit of one's own comment: each refused by the trigger.
        var vote = await Assert.ThrowsAnyAsync<Exception>(() => _h.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"INSERT INTO Votes (IdeaId, UserId, CreatedAt) VALUES ({idea}, {me.Id}, '2026-12-01 10:00:00')")));
        Assert.True(PostingBlocks.IsBlockedError(vote));
        Assert.True(PostingBlocks.IsBlockedError(await Assert.ThrowsAnyAsync<Exception>(() =>
            _h.WithAsync((CommentService c) => c.AddAsync(me.Id, idea, null, "Ny kommentar")))));
        Assert.True(PostingBlocks.IsBlockedError(await Assert.ThrowsAnyAsync<Exception>(() =>
            _h.WithAsync((CommentService c) => c.EditAsync(me.Id, own, "Endret til reklame")))));
        // Deleting one's own comment is not posting: it goes through.
        Assert.Equal(DeleteCommentOutcome.Deleted, await _h.WithAsync((CommentService c) => c.DeleteAsync(me.Id, own)));
        Assert.Equal(0, await _h.WithDbAsync(db => db.Votes.CountAsync(v => v.UserId == me.Id)));

        Assert.Equal(BlockOutcome.Done, await _h.WithAsync((PostingBlocks b) => b.UnblockAsync(moderator, me.Id, null)));
        Assert.Equal(AddCommentOutcome.Added, (await _h.WithAsync((CommentService c) => c.AddAsync(me.Id, idea, null, "Nå går det"))).Outcome);
        Assert.Equal(["blocked", "unblocked"], _h.Mail.Sent.Where(m => m.To == me.Email).Select(m => m.Subject).ToArray());
    }

    [Fact]
    public async Task TwoRequestsForOneDecisionAtOnceStoreOneAndTwoAnswersAtOnceAnswerOnce()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = await _h.Users.CreateAsync("forfatter");
        var idea = (await _h.Ideas.IdeaAsync(author.Id, consultation)).Id;
        await _h.Moderation.HideAsync(ContentKind.Idea, idea, ModerationReason.OffTopic);

        var requests = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() =>
            _h.WithAsync((Reviews r) => r.RequestAsync(author.Id, ContentKind.Idea, idea, $"Feil {n}")))));
        Assert.Equal(1, requests.Count(r => r == ReviewRequestOutcome.Sent));
        Assert.Equal(3, requests.Count(r => r == ReviewRequestOutcome.AlreadyRequested));
        var id = Assert.Single(await _h.WithDbAsync(db => db.ReviewRequests.Select(r => r.Id).ToListAsync()));

        var moderator = await _h.Moderation.ModeratorAsync();
        var before = _h.Mail.Sent.Count;
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() =>
            _h.WithAsync((Reviews r) => r.AnswerAsync(moderator, id, n % 2 == 0 ? ReviewOutcome.Upheld : ReviewOutcome.Restored, $"Svar {n}")))));
        Assert.Equal(1, answers.Count(a => a == ReviewAnswerOutcome.Done));
        Assert.Equal(3, answers.Count(a => a == ReviewAnswerOutcome.AlreadyAnswered));
        Assert.Single(_h.Mail.Sent.Skip(before));
        Assert.Single((await _h.AuditAsync()).Where(a => a.Action == ModerationAuditActions.ReviewAnswered));

        // A new decision (restored, then hidden again) may be asked about again.
        if (await _h.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea).Select(i => i.ModerationState).SingleAsync()) == ModerationState.Hidden)
        {
            await _h.Moderation.RestoreAsync(ContentKind.Idea, idea);
        }
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await _h.Moderation.HideAsync(ContentKind.Idea, idea, ModerationReason.Spam);
        Assert.Equal(ReviewRequestOutcome.Sent, await _h.WithAsync((Reviews r) => r.RequestAsync(author.Id, ContentKind.Idea, idea, "Igjen feil")));
    }
}
