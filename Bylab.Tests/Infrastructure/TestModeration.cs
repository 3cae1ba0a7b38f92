using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// Moderation for tests, for Core and HTTP tests alike: reports and a moderator's decisions through the Core services, and
/// «held» (which only the word list will decide, in a later step) through the entity's own method.
/// </summary>
public sealed class TestModeration(IServiceProvider services)
{
    private const string ModeratorEmail = "test-moderator@bylab.test";

    /// <summary>The tests' moderator: one account per database (a decision names a real account, its foreign key insists).</summary>
    public async Task<Actor> ModeratorAsync()
    {
        var id = await WithAsync((BylabDbContext db) => db.Users.Where(u => u.Email == ModeratorEmail).Select(u => u.Id).SingleOrDefaultAsync());
        id ??= (await new TestUsers(services).CreateAsync("Test moderator", ModeratorEmail, roles: [Bylab.Core.Accounts.Roles.Moderator])).Id;
        return new Actor(id, "Test moderator");
    }

    private DateTime Now => services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    public async Task HideAsync(ContentKind kind, int id, ModerationReason reason = ModerationReason.OffensiveOrHateful, string? note = null) =>
        Assert.Equal(ModerationOutcome.Done, await HideAsAsync(await ModeratorAsync(), kind, id, reason, note));

    public Task<ModerationOutcome> HideAsAsync(Actor moderator, ContentKind kind, int id, ModerationReason reason = ModerationReason.OffensiveOrHateful, string? note = null) =>
        WithAsync((ModerationService s) => s.HideAsync(moderator, kind, id, reason, note));

    public async Task RestoreAsync(ContentKind kind, int id, string? note = null)
    {
        var moderator = await ModeratorAsync();
        Assert.Equal(ModerationOutcome.Done, await WithAsync((ModerationService s) => s.RestoreAsync(moderator, kind, id, note)));
    }

    public Task HoldAsync(ContentKind kind, int id) => WithAsync(async (BylabDbContext db) =>
    {
        IModerated item = kind switch
        {
            ContentKind.Idea => await db.Ideas.SingleAsync(i => i.Id == id),
            ContentKind.Comment => await db.Comments.SingleAsync(c => c.Id == id),
            _ => await db.Events.SingleAsync(e => e.Id == id),
        };
        item.Hold(ModerationReason.Other, Now);
        await db.SaveChangesAsync();
        if (item is Bylab.Core.Ideas.Comment c)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Ideas SET CommentCount = (SELECT COUNT(*) FROM Comments WHERE IdeaId = {c.IdeaId} AND DeletedAt IS NULL AND ModerationState = 'Visible') WHERE Id = {c.IdeaId}");
        }
    });

    public Task<ReportResult> ReportAsync(string reporterId, ContentKind kind, int id, ModerationReason reason = ModerationReason.Spam, string? note = null) =>
        WithAsync((ReportService s) => s.ReportAsync(reporterId, kind, id, reason, note));

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task WithAsync<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
