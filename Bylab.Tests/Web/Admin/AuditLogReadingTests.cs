using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin.Ideas;
using Bylab.Tests.Web.Organise;

namespace Bylab.Tests.Web.Admin;

/// <summary>The audit log reads as words: Oslo times in the reader's language, actions and statuses by name, links to what an entry concerns, and filters.</summary>
public sealed class AuditLogReadingTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task EntriesShowNamesOsloTimesAndLinksAndFilterByKindPersonAndDate()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        var author = await factory.Users.CitizenAsync("forfatter");
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Torget"));
        var ideaId = (await factory.Ideas.IdeaAsync(author.Id, consultationId, "Benker langs Mjøsa")).Id;
        var (eventId, _) = await factory.Events.ForOrganiserAsync(ownerId: null, title: "Åpent møte om torget");
        var actorId = $"actor-{Guid.NewGuid():N}";
        await factory.WithDbAsync(db =>
        {
            db.AuditEntries.AddRange(
                // Summer time: 10:00 UTC is 12:00 in Oslo.
                Entry(actorId, new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc), "idea.answered", "idea", ideaId.ToString(), "UnderConsideration"),
                Entry(actorId, new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc), "event.created", "event", eventId.ToString(),
                    "Åpent møte om torget; 2026-12-01T17:00:00.0000000Z"),
                // 23:30 UTC on 30 November is 00:30 on 1 December in Oslo.
                Entry(actorId, new DateTime(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc), "user.locked", "user", author.Id, author.Email));
            return db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync($"/admin/revisjonslogg?person={actorId}");
        var rows = page.QuerySelectorAll("#audit-log tbody tr");
        Assert.Equal(3, rows.Length);
        var answered = rows.Single(r => r.GetAttribute("data-action") == "idea.answered");
        Assert.Contains("1. juli 2026 kl. 12:00", answered.TextContent);
        Assert.Contains("Idé besvart", answered.TextContent);
        Assert.Contains("«Vurderes»", answered.TextContent);
        Assert.DoesNotContain("UnderConsideration", answered.TextContent);
        var ideaLink = answered.QuerySelector(".audit-target a")!;
        Assert.Equal($"/admin/ideer/{ideaId}", ideaLink.GetAttribute("href"));
        Assert.Equal("Benker langs Mjøsa", ideaLink.TextContent);
        var created = rows.Single(r => r.GetAttribute("data-action") == "event.created");
        Assert.Contains("Åpent møte om torget; 1. desember 2026 kl. 18:00", created.QuerySelector(".audit-details")!.TextContent);
        Assert.DoesNotContain("T17:00", created.TextContent);
        Assert.Equal($"/arrangor/arrangementer/{eventId}", created.QuerySelector(".audit-target a")!.GetAttribute("href"));
        var locked = rows.Single(r => r.GetAttribute("data-action") == "user.locked");
        Assert.Equal($"/admin/brukere/{author.Id}", locked.QuerySelector(".audit-target a")!.GetAttribute("href"));
        Assert.Contains(author.DisplayName, locked.QuerySelector(".audit-target")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#person option"), o => o.GetAttribute("value") == actorId && o.TextContent == "Revisor Testesen");

        var byKind = await client.GetPageAsync($"/admin/revisjonslogg?person={actorId}&handling=idea.answered");
        Assert.Equal(["idea.answered"], byKind.QuerySelectorAll("#audit-log tbody tr").Select(r => r.GetAttribute("data-action")));

        // One Oslo day: the entry at 00:30 Oslo time belongs to 1 December although it was still 30 November in UTC.
        var byDay = await client.GetPageAsync($"/admin/revisjonslogg?person={actorId}&fra=2026-12-01&til=2026-12-01");
        Assert.Equal(["event.created", "user.locked"], byDay.QuerySelectorAll("#audit-log tbody tr").Select(r => r.GetAttribute("data-action")));

        var english = await client.GetPageAsync($"/admin/revisjonslogg?person={actorId}&handling=idea.answered&culture=en&ui-culture=en");
        var row = english.QuerySelector("#audit-log tbody tr")!.TextContent;
        Assert.Contains("1 July 2026, 12:00", row);
        Assert.Contains("Idea answered", row);
        Assert.Contains("Under consideration", row);
    }

    private static AuditEntry Entry(string actorId, DateTime at, string action, string type, string id, string? details) => new()
    {
        At = at, ActorId = actorId, ActorName = "Revisor Testesen", Action = action, TargetType = type, TargetId = id, Details = details,
    };
}
