using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Ideas;

public sealed class IdeaLifecycleTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync(settings: new Dictionary<string, string?> { ["Bylab:Ideas:EditWindowMinutes"] = "45" });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static IdeaContent Edit(string title) => new(title, "Ny tekst.");

    [Fact]
    public async Task EditWindowEndsAfterConfiguredMinutes()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var other = (await _h.Users.CreateAsync("other 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;

        Assert.Equal(EditIdeaOutcome.NotAuthor, (await _h.WithAsync((IdeaService s) => s.EditAsync(other, idea, Edit("Kapret")))).Outcome);
        _h.Clock.Advance(TimeSpan.FromMinutes(44));
        Assert.True((await _h.WithAsync((IdeaQueries q) => q.GetAsync(idea, author)))!.ViewerCanEdit);
        Assert.Equal(EditIdeaOutcome.Edited, (await _h.WithAsync((IdeaService s) => s.EditAsync(author, idea, Edit("Endret tittel")))).Outcome);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(EditIdeaOutcome.WindowClosed, (await _h.WithAsync((IdeaService s) => s.EditAsync(author, idea, Edit("For sent")))).Outcome);

        var details = await _h.WithAsync((IdeaQueries q) => q.GetAsync(idea, author));
        Assert.Equal("Endret tittel", details!.Title);
        Assert.False(details.ViewerCanEdit);
        Assert.NotNull(details.EditedAt);
    }

    [Fact]
    public async Task NoEditAfterOfficialAnswer()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;

        var staff = TestUsers.ActorOf(await _h.Users.CreateAsync("Sindre Bylab-ansatt"));
        var answer = await _h.WithAsync((IdeaService s) => s.AnswerAsync(staff, idea, IdeaStatus.UnderConsideration, "Vi ser på dette."));
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);

        Assert.Equal(EditIdeaOutcome.Answered, (await _h.WithAsync((IdeaService s) => s.EditAsync(author, idea, Edit("Etter svaret")))).Outcome);
        var details = await _h.WithAsync((IdeaQueries q) => q.GetAsync(idea, author));
        Assert.Equal("Flere benker på Stortorget", details!.Title);
        Assert.False(details.ViewerCanEdit);
        Assert.Equal(IdeaStatus.UnderConsideration, details.Status);
    }

    [Fact]
    public async Task AWithdrawnIdeaCannotBeFollowedAnewButCanBeLeft()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var early = (await _h.Users.CreateAsync("early 0")).Id;
        var late = (await _h.Users.CreateAsync("late 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        await _h.WithAsync((IdeaService s) => s.FollowAsync(early, idea));
        await _h.WithAsync((IdeaService s) => s.WithdrawAsync(author, idea));

        Assert.Equal(FollowOutcome.Withdrawn, (await _h.WithAsync((IdeaService s) => s.FollowAsync(late, idea))).Outcome);
        Assert.Equal(FollowOutcome.NotFollowing, (await _h.WithAsync((IdeaService s) => s.UnfollowAsync(early, idea))).Outcome);
        await _h.WithDbAsync(async db => Assert.False(await db.IdeaFollowers.AnyAsync(f => f.IdeaId == idea && (f.UserId == late || f.UserId == early))));
    }

    [Fact]
    public async Task AnswerReturnsFollowersToNotify()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var follower = (await _h.Users.CreateAsync("follower 0")).Id;
        var quitter = (await _h.Users.CreateAsync("quitter 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        Assert.Equal(FollowOutcome.Following, (await _h.WithAsync((IdeaService s) => s.FollowAsync(follower, idea))).Outcome);
        Assert.Equal(FollowOutcome.Following, (await _h.WithAsync((IdeaService s) => s.FollowAsync(follower, idea))).Outcome);
        await _h.WithAsync((IdeaService s) => s.FollowAsync(quitter, idea));
        Assert.Equal(FollowOutcome.NotFollowing, (await _h.WithAsync((IdeaService s) => s.UnfollowAsync(quitter, idea))).Outcome);
        Assert.Equal(FollowOutcome.NotFound, (await _h.WithAsync((IdeaService s) => s.FollowAsync(follower, 99999))).Outcome);
        await _h.WithDbAsync(db => db.Users.Where(u => u.Id == follower).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "nn")));
        var staff = TestUsers.ActorOf(await _h.Users.CreateAsync("Sindre Bylab-ansatt"));

        Assert.Equal(AnswerOutcome.InvalidInput, (await _h.WithAsync((IdeaService s) => s.AnswerAsync(staff, idea, IdeaStatus.Accepted, "   "))).Outcome);
        Assert.Equal(AnswerOutcome.InvalidInput, (await _h.WithAsync((IdeaService s) => s.AnswerAsync(staff, idea, IdeaStatus.New, "Tekst"))).Outcome);
        var result = await _h.WithAsync((IdeaService s) => s.AnswerAsync(staff, idea, IdeaStatus.Accepted, "Vi setter ut ti nye benker i vår."));

        Assert.Equal(AnswerOutcome.Answered, result.Outcome);
        Assert.Equal(new[] { author, follower }.Order(), result.Followers.Select(f => f.UserId).Order());
        var nn = Assert.Single(result.Followers, f => f.UserId == follower);
        Assert.Equal("nn", nn.PreferredCulture);
        Assert.EndsWith("@test.bylab.no", nn.Email);
        Assert.Equal(1, await _h.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == IdeaAuditActions.IdeaAnswered && a.TargetId == idea.ToString())));

        var listed = Assert.Single((await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(ConsultationId: consultation, Status: IdeaStatus.Accepted)))).Items);
        Assert.NotNull(listed.AnsweredAt);
    }

    [Fact]
    public async Task WhitespaceTitleIsRefused()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;

        var blank = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, consultation, new IdeaContent(" \t\n ", "Tekst")));
        Assert.Equal(SubmitOutcome.InvalidInput, blank.Outcome);
        Assert.Contains(nameof(IdeaContent.Title), blank.InvalidFields!);

        var huge = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, consultation, new IdeaContent("Tittel", new string('x', Idea.BodyMaxLength + 1))));
        Assert.Equal(SubmitOutcome.InvalidInput, huge.Outcome);
        Assert.Contains(nameof(IdeaContent.BodyMarkdown), huge.InvalidFields!);

        var tags = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, consultation, new IdeaContent("Tittel", "Tekst", Principles: ["finnes-ikke"], Goals: [18])));
        Assert.Equal(SubmitOutcome.InvalidInput, tags.Outcome);
        Assert.Contains(nameof(IdeaContent.Principles), tags.InvalidFields!);
        Assert.Contains(nameof(IdeaContent.Goals), tags.InvalidFields!);

        var missing = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, 99999, new IdeaContent("Tittel", "Tekst")));
        Assert.Equal(SubmitOutcome.NotFound, missing.Outcome);

        Assert.Equal(0, await _h.WithDbAsync(db => db.Ideas.CountAsync()));

        // Trimmed before it is stored.
        var ok = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, consultation, new IdeaContent("  Grønn lunge i sentrum  ", " Tekst ", PlaceName: "  ")));
        var stored = await _h.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Id == ok.IdeaId));
        Assert.Equal("Grønn lunge i sentrum", stored.Title);
        Assert.Null(stored.PlaceName);
    }

    [Fact]
    public async Task MarkdownWithScriptIsStoredAsWrittenAndRenderedSafe()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var body = "<script>alert(1)</script> [klikk](javascript:alert(1)) **fet**";
        var idea = (await _h.Ideas.IdeaAsync(author, consultation, "Skript", body)).Id;
        var details = await _h.WithAsync((IdeaQueries q) => q.GetAsync(idea));

        var html = new Bylab.Core.Markdown.MarkdownRenderer().ToSafeHtml(details!.BodyMarkdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>fet</strong>", html);
    }

    [Fact]
    public async Task AccountDeletionAnonymisesIdeasAndComments()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("author 0")).Id;
        var other = (await _h.Users.CreateAsync("other 0")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation, goals: [11, 13], principles: ["klima-og-miljo"])).Id;
        var otherIdea = (await _h.Ideas.IdeaAsync(other, consultation, "Annen idé")).Id;
        await _h.WithAsync((VoteService v) => v.CastAsync(author, otherIdea));
        var comment = await _h.WithAsync((CommentService c) => c.AddAsync(author, otherIdea, null, "Min kommentar"));
        await _h.WithAsync((IdeaService s) => s.FollowAsync(author, otherIdea));

        var export = await _h.WithAsync<AccountService, PersonalDataExport?>(s => s.ExportAsync(author));
        Assert.NotNull(export);
        var exportedIdea = Assert.Single(export!.Ideas);
        Assert.Equal(idea, exportedIdea.Id);
        Assert.Equal([11, 13], exportedIdea.Goals);
        Assert.Single(export.Comments);
        Assert.Single(export.Votes);
        Assert.Equal(2, export.Follows.Count);

        Assert.True(await _h.WithAsync<AccountService, bool>(s => s.DeleteAsync(author)));

        await _h.WithDbAsync(async db =>
        {
            var kept = await db.Ideas.SingleAsync(i => i.Id == idea);
            Assert.Null(kept.AuthorId);
            var keptComment = await db.Comments.SingleAsync(c => c.Id == comment.CommentId);
            Assert.Null(keptComment.AuthorId);
            Assert.Equal("Min kommentar", keptComment.BodyMarkdown);
            // The vote stays, anonymous: the result does not change when someone leaves.
            var vote = await db.Votes.SingleAsync(v => v.IdeaId == otherIdea);
            Assert.Null(vote.UserId);
            Assert.Equal(1, (await db.Ideas.SingleAsync(i => i.Id == otherIdea)).VoteCount);
            Assert.False(await db.IdeaFollowers.AnyAsync(f => f.UserId == author));
        });
        var details = await _h.WithAsync((IdeaQueries q) => q.GetAsync(idea));
        Assert.Null(details!.AuthorName);
        var listed = await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(ConsultationId: consultation)));
        Assert.Null(listed.Items.Single(i => i.Id == idea).AuthorName);
    }

    [Fact]
    public async Task ConsultationDatesOutOfOrderAreRefused()
    {
        var theme = (await _h.Ideas.ThemeAsync()).Id;
        var start = CoreHarness.Start;
        var result = await _h.WithAsync<ConsultationService, SaveResult>(s => s.CreateAsync(new Actor("staff", "S"),
            new ConsultationInput("Høring", "Tekst", theme, start.AddDays(5), start.AddDays(2), start.AddDays(1))));
        Assert.Equal(SaveOutcome.InvalidInput, result.Outcome);
        Assert.Contains(nameof(ConsultationInput.IdeasCloseAt), result.InvalidFields!);
        Assert.Contains(nameof(ConsultationInput.ClosesAt), result.InvalidFields!);

        var slugged = await _h.WithAsync<ConsultationService, SaveResult>(s => s.CreateAsync(new Actor("staff", "S"),
            new ConsultationInput("Sykkelbyen Hamar – hvor er det vanskelig å sykle?", "Tekst", theme, start, start.AddDays(1), start.AddDays(2))));
        Assert.Equal("sykkelbyen-hamar-hvor-er-det-vanskelig-a-sykle", slugged.Slug);
        var again = await _h.WithAsync<ConsultationService, SaveResult>(s => s.CreateAsync(new Actor("staff", "S"),
            new ConsultationInput("Sykkelbyen Hamar – hvor er det vanskelig å sykle?", "Tekst", theme, start, start.AddDays(1), start.AddDays(2))));
        Assert.Equal("sykkelbyen-hamar-hvor-er-det-vanskelig-a-sykle-2", again.Slug);
    }

    [Fact]
    public void SlugsWriteNorwegianLettersPlainly()
    {
        Assert.Equal("grona-lunger-pa-oya-aerlig", Slugs.From("Grøna lunger på Øya – ærlig!"));
        Assert.Equal("flere-benker-pa-stortorget-42", Slugs.WithId("Flere benker på Stortorget", 42));
        Assert.Equal(42, Slugs.IdFrom("flere-benker-pa-stortorget-42"));
        Assert.Null(Slugs.IdFrom("flere-benker"));
    }
}
