using System.Diagnostics;
using Bylab.Core.Auditing;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Moderation;

/// <summary>
/// The moderators' word list: new and edited ideas, comments and replies that match a word (whole words, any case) or a
/// pattern are held – their author reads them, nobody else, no list counts them – with an audit entry «held by the word
/// list»; patterns that could backtrack are refused, and matching stays linear.
/// </summary>
public sealed class WordListTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<Actor> AddAsync(string text, bool pattern = false)
    {
        var moderator = await _h.Moderation.ModeratorAsync();
        Assert.Equal(WordListOutcome.Done, await _h.WithAsync((WordList w) => w.AddAsync(moderator, text, pattern)));
        return moderator;
    }

    [Fact]
    public async Task MatchingIdeasCommentsRepliesAndEditsAreHeldAndSeenOnlyByTheirAuthor()
    {
        await AddAsync("svindel");
        await AddAsync(@"kj[øo]p\s+n[åa]", pattern: true);
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("forfatter")).Id;
        var reader = (await _h.Users.CreateAsync("leser")).Id;

        var held = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, consultation, new IdeaContent("Billige klokker", "KJØP NÅ, før det er for sent!", null, null, null)));
        var clean = await _h.WithAsync((IdeaService s) => s.SubmitAsync(author, consultation, new IdeaContent("Svindelfri handel", "Et marked på torget.", null, null, null)));
        Assert.True(held.Held);
        Assert.False(clean.Held); // «svindel» is a whole word; «Svindelfri» is not it.
        var comment = await _h.WithAsync((CommentService s) => s.AddAsync(reader, clean.IdeaId!.Value, null, "Dette er SVINDEL."));
        var top = await _h.WithAsync((CommentService s) => s.AddAsync(reader, clean.IdeaId!.Value, null, "Fin idé."));
        var reply = await _h.WithAsync((CommentService s) => s.AddAsync(author, clean.IdeaId!.Value, top.CommentId, "Svindel, sier du?"));
        Assert.True(comment.Held);
        Assert.False(top.Held);
        Assert.True(reply.Held);

        var states = await _h.WithDbAsync(db => db.Comments.Where(c => c.IdeaId == clean.IdeaId).ToDictionaryAsync(c => c.Id, c => c.ModerationState));
        Assert.Equal(ModerationState.Held, states[comment.CommentId!.Value]);
        Assert.Equal(ModerationState.Visible, states[top.CommentId!.Value]);
        Assert.Equal(ModerationState.Held, states[reply.CommentId!.Value]);
        Assert.Equal(ModerationState.Held, await _h.WithDbAsync(db => db.Ideas.Where(i => i.Id == held.IdeaId).Select(i => i.ModerationState).SingleAsync()));

        // Only the author reads them; the list and the counter leave them out.
        Assert.True((await _h.WithAsync((IdeaQueries q) => q.GetAsync(held.IdeaId!.Value, reader)))!.TextWithheld);
        Assert.False((await _h.WithAsync((IdeaQueries q) => q.GetAsync(held.IdeaId!.Value, author)))!.TextWithheld);
        var list = await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(ConsultationId: consultation)));
        Assert.Equal([clean.IdeaId!.Value], list.Items.Select(i => i.Id));
        Assert.Equal(1, list.Items.Single().CommentCount);
        var stranger = (await _h.Users.CreateAsync("tredje")).Id;
        var seen = (await _h.WithAsync((IdeaQueries q) => q.GetAsync(clean.IdeaId!.Value, stranger)))!.Comments;
        Assert.Equal([top.CommentId!.Value], seen.Select(c => c.Id));
        Assert.Empty(seen.Single().Replies);
        // Its author reads the held comment, marked.
        var own = (await _h.WithAsync((IdeaQueries q) => q.GetAsync(clean.IdeaId!.Value, reader)))!.Comments;
        Assert.Equal(ModerationState.Held, own.Single(c => c.Id == comment.CommentId).Moderation!.State);

        // An edit is new text: the clean comment edited to match is held too.
        Assert.Equal(EditCommentOutcome.Edited, await _h.WithAsync((CommentService s) => s.EditAsync(reader, top.CommentId!.Value, "Kjøp nå!")));
        Assert.Equal(ModerationState.Held, await _h.WithDbAsync(db => db.Comments.Where(c => c.Id == top.CommentId).Select(c => c.ModerationState).SingleAsync()));

        // Each hold is in the audit log as the transparency page counts it, by the system, with the reason first.
        var audit = (await _h.AuditAsync()).Where(a => a.Action == ModerationAuditActions.HeldByWordList).ToList();
        Assert.Equal(4, audit.Count);
        Assert.All(audit, a => Assert.Equal(AuditLog.System.UserId, a.ActorId));
        Assert.All(audit, a => Assert.StartsWith("Other;", a.Details));
        Assert.Equal(["comment", "comment", "comment", "idea"], audit.Select(a => a.TargetType!).Order());
    }

    [Theory]
    [InlineData(@"(\w+)\1", true)]          // a back-reference needs backtracking
    [InlineData(@"(?=spam)spam", true)]     // so does a look-around
    [InlineData(@"(a+", true)]              // not a pattern at all
    [InlineData("linje\nskift", false)]
    [InlineData("", false)]
    public async Task EntriesThatCouldHangOrDoNotParseAreRefused(string text, bool pattern)
    {
        var moderator = await _h.Moderation.ModeratorAsync();
        Assert.Equal(WordListOutcome.InvalidInput, await _h.WithAsync((WordList w) => w.AddAsync(moderator, text, pattern)));
        Assert.Equal(0, await _h.WithDbAsync(db => db.WordListEntries.CountAsync()));
    }

    [Fact]
    public async Task ACatastrophicPatternRunsInLinearTimeAndAddingTwiceIsRefused()
    {
        var moderator = await AddAsync("(a+)+$", pattern: true);
        Assert.Equal(WordListOutcome.AlreadyThere, await _h.WithAsync((WordList w) => w.AddAsync(moderator, " (a+)+$ ", true)));
        // With backtracking, 40 a's and a «b» take minutes; without it this is instant (the timeout would count it a match).
        var watch = Stopwatch.StartNew();
        var entry = await _h.WithAsync((WordList w) => w.MatchAsync([new string('a', 40) + "b"]));
        Assert.Null(entry);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Single(await _h.AuditAsync(), a => a.Action == ModerationAuditActions.WordListAdded);
    }

    [Fact]
    public async Task RemovingAnEntryStopsItHoldingAndIsAudited()
    {
        var moderator = await AddAsync("reklame");
        var id = await _h.WithDbAsync(db => db.WordListEntries.Select(e => e.Id).SingleAsync());
        Assert.Equal(WordListOutcome.Done, await _h.WithAsync((WordList w) => w.RemoveAsync(moderator, id)));
        Assert.Equal(WordListOutcome.NotFound, await _h.WithAsync((WordList w) => w.RemoveAsync(moderator, id)));
        Assert.Null(await _h.WithAsync((WordList w) => w.MatchAsync(["Ren reklame"])));
        Assert.Single(await _h.AuditAsync(), a => a.Action == ModerationAuditActions.WordListRemoved && a.Details == "word: reklame");
    }
}
