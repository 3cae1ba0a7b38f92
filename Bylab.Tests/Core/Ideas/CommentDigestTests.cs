using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Ideas;

/// <summary>
/// Idea authors hear of comments on their ideas and replies to their comments in one e-mail a day at most, can turn it
/// off, and every comment is told once.
/// </summary>
public sealed class CommentDigestTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<int> CommentAsync(string userId, int ideaId, string body, int? parentId = null)
    {
        var result = await _h.WithAsync((CommentService c) => c.AddAsync(userId, ideaId, parentId, body));
        Assert.Equal(AddCommentOutcome.Added, result.Outcome);
        return result.CommentId!.Value;
    }

    private async Task<(int Made, int Sent)> RoundAsync() =>
        (await _h.WithAsync((CommentDigestService d) => d.GatherAsync()), await _h.WithAsync((CommentDigestService d) => d.SendPendingAsync()));

    private Task<string> EmailOfAsync(string userId) => _h.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());

    [Fact]
    public async Task AuthorsHearOfCommentsAndRepliesInAtMostOneDigestADay()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var (author, berit, carl) = ((await _h.Users.CreateAsync("forfatter")).Id, (await _h.Users.CreateAsync("berit")).Id, (await _h.Users.CreateAsync("carl")).Id);
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;

        var beritsComment = await CommentAsync(berit, idea, "Godt forslag!");
        var authorsReply = await CommentAsync(author, idea, "Takk!", beritsComment);
        var carlsReply = await CommentAsync(carl, idea, "Enig med Berit.", beritsComment);
        // The author's own comment on their own idea tells nobody.
        await CommentAsync(author, idea, "Jeg legger til et bilde senere.");

        Assert.Equal((2, 2), await RoundAsync());
        var mails = _h.Mail.Sent.ToDictionary(m => m.To);
        Assert.Equal($"OnYourIdea {beritsComment} berit\nOnYourIdea {carlsReply} carl", mails[await EmailOfAsync(author)].TextBody);
        Assert.Equal($"ReplyToYourComment {authorsReply} forfatter\nReplyToYourComment {carlsReply} carl", mails[await EmailOfAsync(berit)].TextBody);
        Assert.False(mails.ContainsKey(await EmailOfAsync(carl)));

        // Nothing more to tell: another round sends nothing.
        Assert.Equal((0, 0), await RoundAsync());

        // A new comment an hour later waits for the next day.
        _h.Clock.Advance(TimeSpan.FromHours(1));
        var later = await CommentAsync(carl, idea, "Og en ting til.");
        Assert.Equal((0, 0), await RoundAsync());
        _h.Clock.Advance(TimeSpan.FromHours(23) - TimeSpan.FromMinutes(1));
        Assert.Equal((0, 0), await RoundAsync());
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((1, 1), await RoundAsync());
        Assert.Equal($"OnYourIdea {later} carl", _h.Mail.Sent.Last().TextBody);
        Assert.Equal(3, _h.Mail.Sent.Count);
    }

    [Fact]
    public async Task NobodyIsToldWhoTurnedItOffAndDeletedCommentsAreLeftOut()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var (author, other, writer) = ((await _h.Users.CreateAsync("forfatter")).Id, (await _h.Users.CreateAsync("annen")).Id, (await _h.Users.CreateAsync("skribent")).Id);
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        var otherIdea = (await _h.Ideas.IdeaAsync(other, consultation, title: "Et annet forslag")).Id;
        await _h.WithDbAsync(db => db.Users.Where(u => u.Id == author).ExecuteUpdateAsync(s => s.SetProperty(u => u.CommentDigestOptOut, true)));

        await CommentAsync(writer, idea, "Fin idé.");
        Assert.Equal(0, await _h.WithDbAsync(db => db.CommentNotices.CountAsync(n => n.RecipientId == author)));

        // Turned off after the comment came: the waiting notice is dropped, no mail.
        var deleted = await CommentAsync(writer, otherIdea, "Dette angrer jeg på.");
        await _h.WithDbAsync(db => db.Users.Where(u => u.Id == other).ExecuteUpdateAsync(s => s.SetProperty(u => u.CommentDigestOptOut, true)));
        Assert.Equal((0, 0), await RoundAsync());
        Assert.Equal(0, await _h.WithDbAsync(db => db.CommentNotices.CountAsync(n => n.RecipientId == other)));

        // Turned on again; a comment deleted before the digest goes is left out of it, and a digest of nothing is not sent.
        await _h.WithDbAsync(db => db.Users.Where(u => u.Id == other).ExecuteUpdateAsync(s => s.SetProperty(u => u.CommentDigestOptOut, false)));
        deleted = await CommentAsync(writer, otherIdea, "Dette angrer jeg på.");
        Assert.Equal(DeleteCommentOutcome.Deleted, await _h.WithAsync((CommentService c) => c.DeleteAsync(writer, deleted)));
        Assert.Equal((1, 0), await RoundAsync());
        Assert.Empty(_h.Mail.Sent);
        Assert.Equal("Skipped: the comments were deleted", await _h.WithDbAsync(db => db.CommentDigests.Where(d => d.RecipientId == other).Select(d => d.LastError).SingleAsync()));
    }

    [Fact]
    public async Task ManyRoundsAtOnceSendEachPersonOneDigest()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var authors = (await _h.Users.CreateManyAsync(5, "forfatter")).Select(u => u.Id).ToList();
        var writer = (await _h.Users.CreateAsync("skribent")).Id;
        foreach (var author in authors)
        {
            var idea = (await _h.Ideas.IdeaAsync(author, consultation, title: $"Forslag fra {author[..6]}")).Id;
            await CommentAsync(writer, idea, "Godt tenkt.");
            await CommentAsync(writer, idea, "Og en ting til.");
        }

        // As two instances and their background services would: rounds racing on the same database.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(RoundAsync)));

        Assert.Equal(5, _h.Mail.Sent.Count);
        Assert.Equal(5, _h.Mail.Sent.Select(m => m.To).Distinct().Count());
        Assert.All(_h.Mail.Sent, m => Assert.Equal("digest 2", m.Subject));
        Assert.Equal(0, await _h.WithDbAsync(db => db.CommentNotices.CountAsync(n => n.DigestId == null)));
    }

    [Fact]
    public async Task AFailedSendIsTriedAgainAndSentOnce()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var (author, writer) = ((await _h.Users.CreateAsync("forfatter")).Id, (await _h.Users.CreateAsync("skribent")).Id);
        await CommentAsync(writer, (await _h.Ideas.IdeaAsync(author, consultation)).Id, "Hei!");
        _h.Mail.FailBefore = 1;

        Assert.Equal((1, 0), await RoundAsync());
        Assert.Equal((0, 0), await RoundAsync());
        _h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal((0, 1), await RoundAsync());
        Assert.Single(_h.Mail.Sent);
    }

    [Fact]
    public void ABadBackgroundIntervalIsNamed()
    {
        var failure = Assert.Single(new IdeaOptionsValidator().Validate(null, new IdeaOptions { BackgroundIntervalSeconds = 0 }).Failures!);
        Assert.StartsWith("Bylab:Ideas:BackgroundIntervalSeconds", failure);
    }
}
