using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bylab.Tests.Core.Moderation;

/// <summary>
/// The moderators' digest, as the background round sends it: one mail per moderator about new reports and held items,
/// at most once per interval, exactly once even when the process restarts or two rounds run at once, and a failed send
/// is retried without sending the others again.
/// </summary>
public sealed class ModeratorDigestTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>A round of a freshly started background service: nothing carried over in memory from the last one.</summary>
    private Task RoundAfterRestartAsync() =>
        new IdeasBackgroundService(_h.Services.GetRequiredService<IServiceScopeFactory>(), _h.Clock,
            _h.Services.GetRequiredService<IOptions<IdeaOptions>>(), NullLogger<IdeasBackgroundService>.Instance).RunOnceAsync();

    private List<string> Digests() => _h.Mail.Sent.Where(m => m.Subject == "moderator digest").Select(m => $"{m.To} {m.TextBody}").ToList();

    [Fact]
    public async Task ModeratorsGetOneDigestPerIntervalExactlyOnceAcrossRestartsAndRacingRounds()
    {
        var nb = await _h.Users.CreateAsync("moderator", email: "moderator-nb@bylab.test", roles: [Roles.Moderator]);
        await _h.Users.CreateAsync("moderator", email: "moderator-en@bylab.test", culture: "en", roles: [Roles.Moderator]);
        await _h.Users.CreateAsync("ansatt", email: "ansatt@bylab.test", roles: [Roles.Staff]);
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var author = (await _h.Users.CreateAsync("forfatter")).Id;
        var ideas = await _h.Ideas.IdeasAsync(author, consultation, 3);
        var reporter = (await _h.Users.CreateAsync("melder")).Id;
        await _h.Moderation.ReportAsync(reporter, ContentKind.Idea, ideas[0].Id);
        await _h.Moderation.ReportAsync(reporter, ContentKind.Idea, ideas[1].Id);
        await _h.WithAsync((WordList w) => w.AddAsync(new Bylab.Core.Auditing.Actor(nb.Id, "m"), "tull", false));
        Assert.True((await _h.WithAsync((CommentService c) => c.AddAsync(reporter, ideas[2].Id, null, "Bare tull."))).Held);

        await RoundAfterRestartAsync();
        Assert.Equal(
            ["moderator-en@bylab.test reports=2 held=1 waiting=3 culture=en", "moderator-nb@bylab.test reports=2 held=1 waiting=3 culture=nb"],
            Digests().Order());

        // A restart, and again within the interval with news: nothing more.
        await RoundAfterRestartAsync();
        _h.Clock.Advance(TimeSpan.FromMinutes(30));
        await _h.Moderation.ReportAsync(reporter, ContentKind.Idea, ideas[2].Id);
        await RoundAfterRestartAsync();
        Assert.Equal(2, Digests().Count);

        // The interval is over: two rounds racing (two instances) send the next digest once to each moderator.
        _h.Clock.Advance(TimeSpan.FromMinutes(31));
        await Task.WhenAll(Task.Run(RoundAfterRestartAsync), Task.Run(RoundAfterRestartAsync));
        Assert.Equal(4, Digests().Count);
        Assert.Equal(2, Digests().Count(d => d.Contains("reports=1 held=0")));

        // With no news, an interval later, there is no digest at all.
        _h.Clock.Advance(TimeSpan.FromHours(2));
        await RoundAfterRestartAsync();
        Assert.Equal(4, Digests().Count);
        Assert.Equal(4, await _h.WithDbAsync(db => db.ModeratorDigests.CountAsync(d => d.SentAt != null)));
    }

    [Fact]
    public async Task AFailedSendIsRetriedAndTheOthersAreNotSentAgain()
    {
        await _h.Users.CreateAsync("moderator", email: "a-moderator@bylab.test", roles: [Roles.Moderator]);
        await _h.Users.CreateAsync("moderator", email: "b-moderator@bylab.test", roles: [Roles.Moderator]);
        var consultation = (await _h.Ideas.ConsultationAsync()).Id;
        var idea = (await _h.Ideas.IdeaAsync((await _h.Users.CreateAsync("forfatter")).Id, consultation)).Id;
        await _h.Moderation.ReportAsync((await _h.Users.CreateAsync("melder")).Id, ContentKind.Idea, idea);

        _h.Mail.FailOnceTo = "b-moderator@bylab.test";
        await RoundAfterRestartAsync();
        Assert.Equal(["a-moderator@bylab.test reports=1 held=0 waiting=1 culture=nb"], Digests());
        // The failed one is claimed for five minutes, then the next round sends it – and only it.
        _h.Clock.Advance(TimeSpan.FromMinutes(6));
        await RoundAfterRestartAsync();
        Assert.Equal(["a-moderator@bylab.test reports=1 held=0 waiting=1 culture=nb", "b-moderator@bylab.test reports=1 held=0 waiting=1 culture=nb"],
            Digests().Order());
    }
}
