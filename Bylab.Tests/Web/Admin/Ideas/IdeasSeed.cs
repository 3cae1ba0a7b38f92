using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Admin.Ideas;

/// <summary>Themes, consultations, ideas, votes and follows made through the Core services, for tests about the pages on top.</summary>
internal static class IdeasSeed
{
    private static readonly Actor Setup = new("seed", "Oppsett");

    public static async Task<int> ThemeAsync(this BylabFactory factory, string? title = null)
    {
        var id = 0;
        await factory.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<ThemeService>().CreateAsync(Setup,
                new ThemeInput(title ?? $"Tema {Guid.NewGuid():N}", "Et tema for tester."));
            id = result.Id!.Value;
        });
        return id;
    }

    /// <summary>A consultation open for ideas now (the test host runs on the real clock).</summary>
    public static async Task<(int Id, string Slug)> OpenConsultationAsync(this BylabFactory factory, string? title = null)
    {
        var themeId = await factory.ThemeAsync();
        var now = DateTime.UtcNow;
        (int, string) made = default;
        await factory.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<ConsultationService>().CreateAsync(Setup, new ConsultationInput(
                title ?? $"Medvirkning {Guid.NewGuid():N}", "Hva vil du med byen?", themeId, now.AddDays(-1), now.AddDays(10), now.AddDays(20)));
            made = (result.Id!.Value, result.Slug!);
        });
        return made;
    }

    /// <summary>A citizen with a confirmed address and the language they chose.</summary>
    public static async Task<BylabUser> CitizenAsync(this BylabFactory factory, string prefix, string culture = "nb")
    {
        var user = await factory.CreateUserAsync(TestData.UniqueEmail(prefix), TestData.Password, Roles.Citizen);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, culture)));
        return user;
    }

    public static async Task<int> IdeaAsync(this BylabFactory factory, string authorId, int consultationId, string title, string body = "Flere benker langs stien, **gjerne** med ryggstøtte.")
    {
        var id = 0;
        await factory.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<IdeaService>().SubmitAsync(authorId, consultationId, new IdeaContent(title, body));
            Assert.Equal(SubmitOutcome.Created, result.Outcome);
            id = result.IdeaId!.Value;
        });
        return id;
    }

    public static Task FollowAsync(this BylabFactory factory, string userId, int ideaId) =>
        factory.WithScopeAsync(async sp => Assert.Equal(FollowOutcome.Following, await sp.GetRequiredService<IdeaService>().FollowAsync(userId, ideaId)));

    public static Task VoteAsync(this BylabFactory factory, string userId, int ideaId) =>
        factory.WithScopeAsync(async sp => Assert.Equal(CastVoteOutcome.Voted, await sp.GetRequiredService<VoteService>().CastAsync(userId, ideaId)));

    public static async Task<IdeaDetails> IdeaDetailsAsync(this BylabFactory factory, int ideaId)
    {
        IdeaDetails? details = null;
        await factory.WithScopeAsync(async sp => details = await sp.GetRequiredService<IdeaQueries>().GetAsync(ideaId));
        return details!;
    }
}
