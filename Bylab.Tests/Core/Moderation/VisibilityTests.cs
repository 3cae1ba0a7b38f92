using Bylab.Core.Common;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Moderation;

/// <summary>
/// The visibility rule on every Core surface: hidden and held ideas, comments and events are absent from lists, counts,
/// search, duplicate hints, consultation figures, the idea page, the comment thread, comment digests and the event
/// programme, month and calendar feed; a hidden idea keeps its votes, and they count again when it is restored.
/// </summary>
public sealed class VisibilityTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<Paged<IdeaListItem>> ListAsync(IdeaFilter filter) => _h.WithAsync((IdeaQueries q) => q.ListAsync(filter));

    /// <summary>The direct count the counters must equal: visible, not withdrawn, not merged rows of the consultation.</summary>
    private Task<(int Ideas, int Votes)> DirectCountAsync(int consultationId) => _h.WithDbAsync(async db =>
    {
        var rows = db.Ideas.Where(i => i.ConsultationId == consultationId && i.ModerationState == ModerationState.Visible
            && i.WithdrawnAt == null && i.MergedIntoId == null);
        return (await rows.CountAsync(), await db.Votes.CountAsync(v => rows.Any(i => i.Id == v.IdeaId)));
    });

    [Fact]
    public async Task HiddenAndHeldIdeasLeaveListsSearchSimilarAndCountersWhichEqualADirectCount()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("forfatter")).Id;
        var voters = (await _h.Users.CreateManyAsync(3, "velger")).Select(u => u.Id).ToList();
        var shown = (await _h.Ideas.IdeaAsync(author, consultation, "Sykkelstativer ved stasjonen")).Id;
        var hidden = (await _h.Ideas.IdeaAsync(author, consultation, "Sykkelveier langs Mjøsa")).Id;
        var held = (await _h.Ideas.IdeaAsync(author, consultation, "Sykkelverksted på Bylab")).Id;
        foreach (var voter in voters)
        {
            await _h.Ideas.VoteAsync(voter, shown);
            await _h.Ideas.VoteAsync(voter, hidden);
        }
        await _h.Ideas.VoteAsync(voters[0], held);

        await _h.Moderation.HideAsync(ContentKind.Idea, hidden);
        await _h.Moderation.HoldAsync(ContentKind.Idea, held);

        var list = await ListAsync(new IdeaFilter(ConsultationId: consultation));
        Assert.Equal([shown], list.Items.Select(i => i.Id));
        var direct = await DirectCountAsync(consultation);
        Assert.Equal(direct.Ideas, list.Total);
        Assert.Equal([shown], (await ListAsync(new IdeaFilter(Search: "sykkel"))).Items.Select(i => i.Id));
        Assert.Equal([shown], (await ListAsync(new IdeaFilter(Sort: IdeaSort.Trending))).Items.Select(i => i.Id));
        var similar = await _h.WithAsync((IdeaQueries q) => q.SimilarAsync(consultation, "Sykkel", "sykkelveier sykkelverksted"));
        Assert.Equal([shown], similar.Select(s => s.Id));

        var summary = (await _h.WithAsync((IdeaQueries q) => q.GetConsultationAsync(consultation)))!.Summary;
        Assert.Equal((direct.Ideas, direct.Votes), (summary.IdeaCount, summary.VoteCount));
        Assert.Equal((1, 3), (summary.IdeaCount, summary.VoteCount));

        // The hidden idea's votes are kept, and count again as soon as it is restored.
        Assert.Equal((3, 3), await _h.Ideas.VoteCountsAsync(hidden));
        await _h.Moderation.RestoreAsync(ContentKind.Idea, hidden, "Ikke støtende likevel.");
        summary = (await _h.WithAsync((IdeaQueries q) => q.GetConsultationAsync(consultation)))!.Summary;
        Assert.Equal((2, 6), (summary.IdeaCount, summary.VoteCount));
        Assert.Equal(await DirectCountAsync(consultation), (summary.IdeaCount, summary.VoteCount));
        Assert.Equal(2, (await ListAsync(new IdeaFilter(ConsultationId: consultation))).Total);
    }

    [Fact]
    public async Task AHiddenIdeasPageSaysWhyAndShowsNothingItSaid()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("forfatter")).Id;
        var reader = (await _h.Users.CreateAsync("leser")).Id;
        var idea = await _h.Ideas.IdeaAsync(author, consultation, "Stygt ord i tittelen", "Stygg tekst i brødteksten.");
        await _h.WithAsync((CommentService c) => c.AddAsync(reader, idea.Id, null, "En kommentar."));

        await _h.Moderation.HideAsync(ContentKind.Idea, idea.Id, ModerationReason.PersonalInformation, "Navn og adresse på en nabo.");

        foreach (var viewer in new[] { null, reader, author })
        {
            var page = await _h.Ideas.DetailsAsync(idea.Id, viewer);
            Assert.Equal(("", ""), (page.Title, page.BodyMarkdown));
            Assert.DoesNotContain("tittelen", page.Slug);
            Assert.Empty(page.Comments);
            Assert.Equal(new ModerationView(ModerationState.Hidden, ModerationReason.PersonalInformation, "Navn og adresse på en nabo.",
                _h.Now, ByModerator: true), page.Moderation);
        }
        // Nothing can be added to it.
        Assert.Equal(AddCommentOutcome.NotFound, (await _h.WithAsync((CommentService c) => c.AddAsync(reader, idea.Id, null, "Hei"))).Outcome);
        Assert.Equal(CastVoteOutcome.NotFound, await _h.Ideas.CastAsync(reader, idea.Id));
    }

    [Fact]
    public async Task AHeldIdeaIsShownOnlyToItsAuthorMarkedAsAwaitingReview()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("forfatter")).Id;
        var reader = (await _h.Users.CreateAsync("leser")).Id;
        var idea = await _h.Ideas.IdeaAsync(author, consultation, "Benker i Strandgata");
        await _h.Moderation.HoldAsync(ContentKind.Idea, idea.Id);

        var forAuthor = await _h.Ideas.DetailsAsync(idea.Id, author);
        Assert.Equal("Benker i Strandgata", forAuthor.Title);
        Assert.Equal(ModerationState.Held, forAuthor.Moderation?.State);
        var forReader = await _h.Ideas.DetailsAsync(idea.Id, reader);
        Assert.Equal("", forReader.Title);
        Assert.Equal(ModerationState.Held, forReader.Moderation?.State);
        Assert.Equal("", (await _h.Ideas.DetailsAsync(idea.Id)).Title);
    }

    [Fact]
    public async Task HiddenCommentsKeepTheirPlaceWithoutTextHeldOnesShowOnlyToTheirAuthorAndTheCounterCountsVisibleOnes()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("forfatter")).Id;
        var (berit, carl) = ((await _h.Users.CreateAsync("berit")).Id, (await _h.Users.CreateAsync("carl")).Id);
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        async Task<int> CommentAsync(string who, string body, int? parent = null) =>
            (await _h.WithAsync((CommentService c) => c.AddAsync(who, idea, parent, body))).CommentId!.Value;
        var rude = await CommentAsync(berit, "Frekk kommentar");
        var reply = await CommentAsync(carl, "Et svar som står", rude);
        var held = await CommentAsync(carl, "Venter på moderator");
        var fine = await CommentAsync(berit, "Hyggelig kommentar");

        await _h.Moderation.HideAsync(ContentKind.Comment, rude, ModerationReason.OffensiveOrHateful);
        await _h.Moderation.HoldAsync(ContentKind.Comment, held);

        var page = await _h.Ideas.DetailsAsync(idea, berit);
        Assert.Equal([rude, fine], page.Comments.Select(c => c.Id));
        var placeholder = page.Comments[0];
        Assert.Equal(("", null, null), (placeholder.BodyMarkdown, placeholder.AuthorName, placeholder.AuthorId));
        Assert.Equal(ModerationState.Hidden, placeholder.Moderation?.State);
        Assert.False(placeholder.ViewerCanEdit);
        Assert.Equal("Et svar som står", Assert.Single(placeholder.Replies).BodyMarkdown);
        // Its author sees the held comment, marked; nobody else does.
        var forCarl = await _h.Ideas.DetailsAsync(idea, carl);
        Assert.Equal(ModerationState.Held, forCarl.Comments.Single(c => c.Id == held).Moderation?.State);
        Assert.Equal("Venter på moderator", forCarl.Comments.Single(c => c.Id == held).BodyMarkdown);

        var direct = await _h.WithDbAsync(db => db.Comments.CountAsync(c => c.IdeaId == idea && c.DeletedAt == null && c.ModerationState == ModerationState.Visible));
        Assert.Equal(2, direct);
        Assert.Equal(direct, page.CommentCount);
        Assert.Equal(direct, Assert.Single((await ListAsync(new IdeaFilter(ConsultationId: consultation))).Items).CommentCount);
        // Nobody can reply to a hidden comment.
        Assert.Equal(AddCommentOutcome.NotFound, (await _h.WithAsync((CommentService c) => c.AddAsync(author, idea, rude, "Svar"))).Outcome);

        await _h.Moderation.RestoreAsync(ContentKind.Comment, rude);
        Assert.Equal(3, (await _h.Ideas.DetailsAsync(idea)).CommentCount);
        Assert.Equal("Frekk kommentar", (await _h.Ideas.DetailsAsync(idea)).Comments[0].BodyMarkdown);
    }

    [Fact]
    public async Task CommentDigestsLeaveOutHiddenAndHeldComments()
    {
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("forfatter")).Id;
        var berit = (await _h.Users.CreateAsync("berit")).Id;
        var idea = (await _h.Ideas.IdeaAsync(author, consultation)).Id;
        async Task<int> CommentAsync(string body) => (await _h.WithAsync((CommentService c) => c.AddAsync(berit, idea, null, body))).CommentId!.Value;
        var hidden = await CommentAsync("Skjules");
        var held = await CommentAsync("Holdes");
        var shown = await CommentAsync("Vises");
        await _h.Moderation.HideAsync(ContentKind.Comment, hidden);
        await _h.Moderation.HoldAsync(ContentKind.Comment, held);
        var before = _h.Mail.Sent.Count;

        await _h.WithAsync((CommentDigestService d) => d.GatherAsync());
        await _h.WithAsync((CommentDigestService d) => d.SendPendingAsync());

        var digest = Assert.Single(_h.Mail.Sent.Skip(before), m => m.Subject.StartsWith("digest"));
        Assert.Equal($"OnYourIdea {shown} berit", digest.TextBody);
    }

    [Fact]
    public async Task HiddenAndHeldEventsLeaveTheProgrammeTheMonthTheFeedAndTheirPage()
    {
        var shown = await _h.Events.AddAsync("Åpent møte om Stortorget");
        var hidden = await _h.Events.AddAsync("Reklame for en butikk");
        var held = await _h.Events.AddAsync("Møte som venter");
        await _h.Moderation.HideAsync(ContentKind.Event, hidden.Id, ModerationReason.Spam);
        await _h.Moderation.HoldAsync(ContentKind.Event, held.Id);

        var programme = await _h.WithAsync((EventQueries q) => q.ProgrammeAsync(new EventFilter()));
        Assert.Equal([shown.Id], programme.Items.Select(e => e.Id));
        Assert.Equal(1, programme.Total);
        var start = shown.StartsAt;
        var month = await _h.WithAsync((EventQueries q) => q.MonthAsync(start.Year, start.Month, new EventFilter()));
        Assert.Equal([shown.Id], month.Select(e => e.Id));
        Assert.Equal([shown.Id], (await _h.WithAsync((EventQueries q) => q.FeedAsync(null))).Select(e => e.Id));
        Assert.Null(await _h.WithAsync((EventQueries q) => q.BySlugAsync(hidden.Slug, null)));
        Assert.Null(await _h.WithAsync((EventQueries q) => q.BySlugAsync(held.Slug, null)));
    }
}
