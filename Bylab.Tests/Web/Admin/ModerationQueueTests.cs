using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Admin;

/// <summary>
/// The moderators' queue over HTTP: a moderator (two factors) sees a reported comment with its reports, hides an idea with
/// a reason (the author is mailed, the audit log has it), restores and dismisses; staff and admins without the Moderator
/// role get 403 on every page and post, and nothing changes.
/// </summary>
public sealed class ModerationQueueTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private async Task<(int Idea, int Comment, string AuthorEmail)> ReportedAsync()
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Kø"));
        var author = await factory.Users.CitizenAsync("forfatter");
        var idea = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, TestData.Unique("Idé i køen"));
        var comment = (await factory.WithAsync((CommentService c) => c.AddAsync(author.Id, idea.Id, null, TestData.Unique("Meldt kommentar")))).CommentId!.Value;
        var reporter = await factory.Users.CreateAsync("melder");
        await factory.Moderation.ReportAsync(reporter.Id, ContentKind.Comment, comment, ModerationReason.OffTopic, "Handler om noe annet.");
        return (idea.Id, comment, author.Email!);
    }

    private Task<string> StateAsync(ContentKind kind, int id) => factory.WithDbAsync(async db => kind == ContentKind.Idea
        ? (await db.Ideas.SingleAsync(i => i.Id == id)).ModerationState.ToString()
        : (await db.Comments.SingleAsync(c => c.Id == id)).ModerationState.ToString());

    [Fact]
    public async Task AModeratorSeesReportsHidesWithAReasonRestoresAndDismisses()
    {
        var (idea, comment, authorEmail) = await ReportedAsync();
        var (client, _) = await factory.SignedInWithTotpAsync("moderator", Roles.Moderator);

        var queue = await client.GetPageAsync("/admin/moderering");
        var card = queue.QuerySelector($"#sak-Comment-{comment}")!;
        Assert.Contains("Utenfor tema", card.TextContent);
        Assert.Contains("Handler om noe annet.", card.TextContent);
        Assert.Contains("Meldt kommentar", card.TextContent);

        var hide = await client.SubmitAsync(queue, new Dictionary<string, string> { ["Reason"] = "Spam", ["Note"] = "Reklame." }, $"#sak-Comment-{comment} form[action$='/skjul']");
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.Equal("Hidden", await StateAsync(ContentKind.Comment, comment));
        Assert.Single(await factory.OutboxForAsync(authorEmail), m => m.Subject == "Innholdet ditt på Bylab er skjult");
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == ModerationAuditActions.Hidden && a.TargetId == comment.ToString()).ToListAsync());
        Assert.Equal("Spam; Reklame.", Assert.Single(audit).Details);

        var hidden = await client.GetPageAsync("/admin/moderering?fane=skjult");
        var restore = await client.SubmitAsync(hidden, new Dictionary<string, string> { ["Note"] = "Ikke reklame likevel." }, $"#sak-Comment-{comment} form[action$='/gjenopprett']");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Equal("Visible", await StateAsync(ContentKind.Comment, comment));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Reports.CountAsync(r => r.ItemKind == ContentKind.Comment && r.ItemId == comment && r.DismissedAt == null)));

        // An idea reported once: the moderator dismisses the report; it leaves the queue.
        var reporter = await factory.Users.CreateAsync("melder");
        await factory.Moderation.ReportAsync(reporter.Id, ContentKind.Idea, idea);
        var again = await client.GetPageAsync("/admin/moderering");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(again, new Dictionary<string, string>(), $"#sak-Idea-{idea} form[action$='/avvis']")).StatusCode);
        Assert.Null((await client.GetPageAsync("/admin/moderering")).QuerySelector($"#sak-Idea-{idea}"));
        Assert.Equal("Visible", await StateAsync(ContentKind.Idea, idea));
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Admin)]
    public async Task StaffAndAdminsWithoutTheModeratorRoleGet403AndChangeNothing(string role)
    {
        var (idea, comment, authorEmail) = await ReportedAsync();
        var (moderator, _) = await factory.SignedInWithTotpAsync("moderator", Roles.Moderator);
        var token = BylabClient.TokenFrom(await moderator.GetPageAsync("/admin/moderering"));
        var (client, _) = await factory.SignedInWithTotpAsync("stab", role);
        var ownToken = BylabClient.TokenFrom(await client.GetPageAsync("/admin"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin/moderering")).StatusCode);
        foreach (var t in new[] { token, ownToken })
        {
            Assert.Equal(HttpStatusCode.Forbidden,
                (await client.PostRawAsync($"/admin/moderering/Comment/{comment}/skjul", [new("__RequestVerificationToken", t), new("reason", "Spam")])).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await client.PostRawAsync($"/admin/moderering/Comment/{comment}/avvis", [new("__RequestVerificationToken", t)])).StatusCode);
        }
        Assert.Equal("Visible", await StateAsync(ContentKind.Comment, comment));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Reports.CountAsync(r => r.ItemKind == ContentKind.Comment && r.ItemId == comment && r.DismissedAt == null)));
        Assert.Empty(await factory.OutboxForAsync(authorEmail));
    }

    [Fact]
    public async Task ACitizenAndAModeratorWithoutASecondFactorGet403AndChangeNothing()
    {
        var (_, comment, _) = await ReportedAsync();
        foreach (var (client, _) in new[] { await factory.SignedInAsync("innbygger", Roles.Citizen), await factory.SignedInAsync("moderator", Roles.Moderator) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin/moderering")).StatusCode);
            var token = BylabClient.TokenFrom(await client.GetPageAsync("/"));
            Assert.Equal(HttpStatusCode.Forbidden,
                (await client.PostRawAsync($"/admin/moderering/Comment/{comment}/skjul", [new("__RequestVerificationToken", token), new("reason", "Spam")])).StatusCode);
        }
        Assert.Equal("Visible", await StateAsync(ContentKind.Comment, comment));
    }
}
