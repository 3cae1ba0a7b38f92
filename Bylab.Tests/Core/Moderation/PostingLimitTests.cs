using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Moderation;

/// <summary>
/// The hourly limits of ideas and comments per person hold when one person's requests race (the count and the insert
/// run under the write lock), count deleted comments too, and free up an hour later.
/// </summary>
public sealed class PostingLimitTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync(settings: new Dictionary<string, string?>
    {
        ["Bylab:Moderation:IdeasPerHour"] = "3",
        ["Bylab:Moderation:CommentsPerHour"] = "4",
    });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TenConcurrentIdeasFromOnePersonStoreExactlyTheLimit()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var me = (await _h.Users.CreateAsync("ivrig")).Id;
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(n => Task.Run(() =>
            _h.WithAsync((IdeaService s) => s.SubmitAsync(me, consultation, new IdeaContent($"Idé nummer {n}", "Tekst.", null, null, null))))));
        Assert.Equal(3, results.Count(r => r.Outcome == SubmitOutcome.Created));
        Assert.Equal(7, results.Count(r => r.Outcome == SubmitOutcome.TooMany));
        Assert.Equal(3, await _h.WithDbAsync(db => db.Ideas.CountAsync(i => i.AuthorId == me)));

        // Another person is not held back by it, and an hour later the first one may write again.
        var other = (await _h.Users.CreateAsync("annen")).Id;
        Assert.Equal(SubmitOutcome.Created, (await _h.WithAsync((IdeaService s) => s.SubmitAsync(other, consultation, new IdeaContent("Annens idé", "Tekst.", null, null, null)))).Outcome);
        _h.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(SubmitOutcome.Created, (await _h.WithAsync((IdeaService s) => s.SubmitAsync(me, consultation, new IdeaContent("Ny time", "Tekst.", null, null, null)))).Outcome);
    }

    [Fact]
    public async Task ConcurrentCommentsAndRepliesStopAtTheLimitAndDeletingDoesNotGiveItBack()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("forfatter")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        var me = (await _h.Users.CreateAsync("pratsom")).Id;
        var first = await _h.WithAsync((CommentService c) => c.AddAsync(me, idea, null, "Først"));
        // A reply to a deleted comment is refused anyway; the deleted one still counts against the limit.
        var parent = await _h.WithAsync((CommentService c) => c.AddAsync(author, idea, null, "Start på en tråd"));
        Assert.Equal(DeleteCommentOutcome.Deleted, await _h.WithAsync((CommentService c) => c.DeleteAsync(me, first.CommentId!.Value)));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(() =>
            _h.WithAsync((CommentService c) => c.AddAsync(me, idea, n % 2 == 0 ? null : parent.CommentId, $"Kommentar {n}")))));
        Assert.Equal(3, results.Count(r => r.Outcome == AddCommentOutcome.Added));
        Assert.Equal(5, results.Count(r => r.Outcome == AddCommentOutcome.TooMany));
        Assert.Equal(4, await _h.WithDbAsync(db => db.Comments.CountAsync(c => c.AuthorId == me)));
    }
}

/// <summary>The hourly limits and the digest interval are checked when the site starts (ValidateOnStart).</summary>
public sealed class ModerationOptionsTests
{
    [Theory]
    [InlineData("IdeasPerHour", 0)]
    [InlineData("CommentsPerHour", 1001)]
    [InlineData("DigestIntervalMinutes", 4)]
    public void OutOfRangeLimitsAndIntervalsStopTheStart(string name, int value)
    {
        var options = new ModerationOptions();
        typeof(ModerationOptions).GetProperty(name)!.SetValue(options, value);
        var result = new ModerationOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("Bylab:Moderation:" + name, Assert.Single(result.Failures!));
        Assert.True(new ModerationOptionsValidator().Validate(null, new ModerationOptions()).Succeeded);
    }
}
