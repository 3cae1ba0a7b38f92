using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Ideas;

public sealed class DemoContentTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task DemoContentHasOpenAndConcludedConsultationsWithExactCounters()
    {
        var ids = new Dictionary<string, string>();
        foreach (var (email, _, _) in DemoSeeder.People)
        {
            ids[email] = (await _h.Users.CreateAsync(email.Split('@')[0])).Id;
        }
        await _h.WithDbAsync(db => IdeasDemoContent.SeedAsync(db, ids, _h.Now, CancellationToken.None));

        Assert.Equal(5, (await _h.WithAsync((IdeaQueries q) => q.ThemesAsync())).Count);
        var consultations = await _h.WithAsync((IdeaQueries q) => q.ConsultationsAsync());
        Assert.Equal(2, consultations.Count(c => c.Phase == ConsultationPhase.OpenForIdeas));
        var concluded = Assert.Single(consultations, c => c.Phase == ConsultationPhase.Concluded);
        var answered = await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(concluded.Id, PageSize: 100)));
        Assert.NotEmpty(answered.Items);
        Assert.All(answered.Items, i => Assert.NotNull(i.AnsweredAt));

        await _h.WithDbAsync(async db =>
        {
            Assert.InRange(await db.Ideas.CountAsync(), 15, 25);
            Assert.Equal(0, await db.Ideas.CountAsync(i => i.VoteCount != db.Votes.Count(v => v.IdeaId == i.Id)));
            Assert.Equal(0, await db.Ideas.CountAsync(i => i.CommentCount != db.Comments.Count(c => c.IdeaId == i.Id && c.DeletedAt == null)));
            Assert.True(await db.Comments.AnyAsync(c => c.ParentId != null));
        });
        // The demo answers promise nothing the site does not do: there is no booking on it (yet).
        var answers = await _h.WithDbAsync(db => db.Ideas.Where(i => i.AnswerMarkdown != null).Select(i => i.AnswerMarkdown!).ToListAsync());
        Assert.DoesNotContain(answers, a => a.Contains("booke Bylab her på nettsiden", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(IdeaStatus.UnderConsideration, await _h.WithDbAsync(db =>
            db.Ideas.Where(i => i.Title == "Enklere å låne lokalet for frivillige lag").Select(i => i.Status).SingleAsync()));

        // Search works on the seeded text, nynorsk included.
        var found = await _h.WithAsync((IdeaQueries q) => q.ListAsync(new IdeaFilter(Search: "leikeplass")));
        Assert.Equal("Leikeplass for dei minste", Assert.Single(found.Items).Title);
    }
}
