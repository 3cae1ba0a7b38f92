using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Ideas;

public sealed class CommentTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ReplyToReplyIsRefused()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var other = (await _h.Users.CreateAsync("other 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;

        var top = await _h.WithAsync((CommentService c) => c.AddAsync(other, idea, null, "Godt forslag, men hvor skal benkene stå?"));
        Assert.Equal(AddCommentOutcome.Added, top.Outcome);
        var reply = await _h.WithAsync((CommentService c) => c.AddAsync(author, idea, top.CommentId, "Langs fasaden mot sør, der det er sol."));
        Assert.Equal(AddCommentOutcome.Added, reply.Outcome);
        var deeper = await _h.WithAsync((CommentService c) => c.AddAsync(other, idea, reply.CommentId, "Svar på svar"));
        Assert.Equal(AddCommentOutcome.ReplyToReply, deeper.Outcome);

        var elsewhere = (await _h.Ideas.IdeaAsync(author, consultation, "En annen idé")).Id;
        Assert.Equal(AddCommentOutcome.NotFound, (await _h.WithAsync((CommentService c) => c.AddAsync(other, elsewhere, top.CommentId, "Feil idé"))).Outcome);
        Assert.Equal(AddCommentOutcome.NotFound, (await _h.WithAsync((CommentService c) => c.AddAsync(other, 99999, null, "Finnes ikke"))).Outcome);
        Assert.Equal(AddCommentOutcome.InvalidInput, (await _h.WithAsync((CommentService c) => c.AddAsync(other, idea, null, "   "))).Outcome);
        Assert.Equal(AddCommentOutcome.InvalidInput, (await _h.WithAsync((CommentService c) => c.AddAsync(other, idea, null, new string('a', Comment.BodyMaxLength + 1)))).Outcome);

        var details = await _h.WithAsync((IdeaQueries q) => q.GetAsync(idea, other));
        var shown = Assert.Single(details!.Comments);
        Assert.Equal("other 0", shown.AuthorName);
        Assert.Single(shown.Replies);
        Assert.Equal(2, details.CommentCount);
        Assert.Equal(2, await _h.WithDbAsync(db => db.Comments.CountAsync(c => c.IdeaId == idea)));
    }

    [Fact]
    public async Task DeletedCommentKeepsRepliesReadableAndCountsDrop()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var other = (await _h.Users.CreateAsync("other 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        var top = await _h.WithAsync((CommentService c) => c.AddAsync(other, idea, null, "Første"));
        await _h.WithAsync((CommentService c) => c.AddAsync(author, idea, top.CommentId, "Svar"));

        Assert.Equal(DeleteCommentOutcome.NotAuthor, await _h.WithAsync((CommentService c) => c.DeleteAsync(author, top.CommentId!.Value)));
        Assert.Equal(DeleteCommentOutcome.Deleted, await _h.WithAsync((CommentService c) => c.DeleteAsync(other, top.CommentId!.Value)));

        var details = await _h.WithAsync((IdeaQueries q) => q.GetAsync(idea));
        var shown = Assert.Single(details!.Comments);
        Assert.True(shown.IsDeleted);
        Assert.Equal("", shown.BodyMarkdown);
        Assert.Equal("Svar", Assert.Single(shown.Replies).BodyMarkdown);
        Assert.Equal(1, details.CommentCount);
        var listed = Assert.Single((await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(ConsultationId: consultation)))).Items);
        Assert.Equal(1, listed.CommentCount);
    }

    [Fact]
    public async Task OwnCommentCanBeEditedWithinTheWindowOnly()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var other = (await _h.Users.CreateAsync("other 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        var comment = (await _h.WithAsync((CommentService c) => c.AddAsync(other, idea, null, "Skrivefeil"))).CommentId!.Value;

        Assert.Equal(EditCommentOutcome.NotAuthor, await _h.WithAsync((CommentService c) => c.EditAsync(author, comment, "Kapret")));
        Assert.Equal(EditCommentOutcome.Edited, await _h.WithAsync((CommentService c) => c.EditAsync(other, comment, "Rettet")));
        _h.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(EditCommentOutcome.WindowClosed, await _h.WithAsync((CommentService c) => c.EditAsync(other, comment, "For sent")));
        Assert.Equal("Rettet", await _h.WithDbAsync(db => db.Comments.Where(c => c.Id == comment).Select(c => c.BodyMarkdown).SingleAsync()));
    }
}

public sealed class IdeaOptionsTests
{
    [Fact]
    public void InvalidSettingsAreNamedAtStart()
    {
        var result = new IdeaOptionsValidator().Validate(null, new IdeaOptions { EditWindowMinutes = -1, MaxVotesPerConsultation = 0, PageSize = 500 });
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Bylab:Ideas:EditWindowMinutes"));
        Assert.Contains(result.Failures!, f => f.Contains("Bylab:Ideas:MaxVotesPerConsultation"));
        Assert.Contains(result.Failures!, f => f.Contains("Bylab:Ideas:PageSize"));
        Assert.True(new IdeaOptionsValidator().Validate(null, new IdeaOptions()).Succeeded);
    }
}
