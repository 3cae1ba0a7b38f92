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
    private async Task<(int Idea, int Comment, string AuthorEmail)> ReportedAsync() => (await ReportedWithAuthorAsync()) is var r ? (r.Idea, r.Comment, r.AuthorEmail) : default;

    private async Task<(int Idea, int Comment, string AuthorEmail, string AuthorId, int Consultation)> ReportedWithAuthorAsync()
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Kø"));
        var author = await factory.Users.CitizenAsync("forfatter");
        var idea = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, TestData.Unique("Idé i køen"));
        var comment = (await factory.WithAsync((CommentService c) => c.AddAsync(author.Id, idea.Id, null, TestData.Unique("Meldt kommentar")))).CommentId!.Value;
        var reporter = await factory.Users.CreateAsync("melder");
        await factory.Moderation.ReportAsync(reporter.Id, ContentKind.Comment, comment, ModerationReason.OffTopic, "Handler om noe annet.");
        return (idea.Id, comment, author.Email!, author.Id, consultation.Id);
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
        var (idea, comment, authorEmail, authorId, _) = await ReportedWithAuthorAsync();
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
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostRawAsync("/admin/moderering/flere",
                [new("__RequestVerificationToken", t), new("Items", $"Comment-{comment}"), new("Operation", "Hide"), new("Reason", "Spam")])).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostRawAsync("/admin/moderering/sperrer",
                [new("__RequestVerificationToken", t), new("UserId", authorId), new("Reason", "Spam"), new("HideAll", "true")])).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin/moderering/sperrer")).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PostingBlocks.CountAsync(b => b.UserId == authorId)));
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

    [Fact]
    public async Task TheQueueFiltersByConsultationAndReasonAndShowsEachItemsHistory()
    {
        var first = await ReportedWithAuthorAsync();
        var second = await ReportedWithAuthorAsync();
        var spammer = await factory.Users.CreateAsync("melder");
        await factory.Moderation.ReportAsync(spammer.Id, ContentKind.Idea, second.Idea, ModerationReason.Spam);
        await factory.Moderation.HideAsync(ContentKind.Comment, first.Comment, ModerationReason.OffTopic, "Utenfor.");
        await factory.Moderation.RestoreAsync(ContentKind.Comment, first.Comment, "Likevel relevant.");
        var (client, _) = await factory.SignedInWithTotpAsync("moderator", Roles.Moderator);

        var byConsultation = await client.GetPageAsync($"/admin/moderering?fane=meldt&konsultasjon={second.Consultation}");
        Assert.NotNull(byConsultation.QuerySelector($"#sak-Comment-{second.Comment}"));
        Assert.NotNull(byConsultation.QuerySelector($"#sak-Idea-{second.Idea}"));
        Assert.Null(byConsultation.QuerySelector($"#sak-Comment-{first.Comment}"));
        var byReason = await client.GetPageAsync($"/admin/moderering?fane=meldt&konsultasjon={second.Consultation}&grunn=Spam");
        Assert.NotNull(byReason.QuerySelector($"#sak-Idea-{second.Idea}"));
        Assert.Null(byReason.QuerySelector($"#sak-Comment-{second.Comment}"));

        // «All» keeps what was restored (its reports dismissed), with its history from the audit log.
        Assert.Null((await client.GetPageAsync("/admin/moderering")).QuerySelector($"#sak-Comment-{first.Comment}"));
        var all = await client.GetPageAsync($"/admin/moderering?fane=alle&konsultasjon={first.Consultation}");
        var history = all.QuerySelector($"#sak-Comment-{first.Comment} details.history")!.TextContent;
        Assert.Contains("Historikk (2)", history);
        Assert.Contains("OffTopic; Utenfor.", history);
        Assert.Contains("Likevel relevant.", history);
    }

    [Fact]
    public async Task AMissingReasonOrALongNoteComesBackOnTheFieldAndNothingChanges()
    {
        var (_, comment, authorEmail) = await ReportedAsync();
        var (client, _) = await factory.SignedInWithTotpAsync("moderator", Roles.Moderator);
        var queue = await client.GetPageAsync("/admin/moderering");
        var form = $"#sak-Comment-{comment} form[action$='/skjul']";

        var noReason = await BylabClient.ParseAsync(await client.SubmitAsync(queue, new Dictionary<string, string> { ["Reason"] = "", ["Note"] = "Mitt notat" }, form));
        Assert.Equal("Velg en grunn.", noReason.QuerySelector($"#Comment-{comment}-hide-Reason-error")?.TextContent.Trim());
        Assert.Equal("Mitt notat", noReason.QuerySelector($"#Comment-{comment}-hide-Note")!.TextContent);
        Assert.NotNull(noReason.QuerySelector($".ds-error-summary a[href='#Comment-{comment}-hide-Reason']"));
        var longNote = await BylabClient.ParseAsync(await client.SubmitAsync(queue, new Dictionary<string, string> { ["Reason"] = "Spam", ["Note"] = new string('x', 10_000) }, form));
        Assert.Contains("10000", longNote.QuerySelector($"#Comment-{comment}-hide-Note-error")?.TextContent);

        Assert.Equal("Visible", await StateAsync(ContentKind.Comment, comment));
        Assert.Empty(await factory.OutboxForAsync(authorEmail));
    }

    [Fact]
    public async Task BulkHidesTheCheckedItemsAndAReplayedFormChangesNothingTwice()
    {
        var a = await ReportedAsync();
        var b = await ReportedAsync();
        var (client, _) = await factory.SignedInWithTotpAsync("moderator", Roles.Moderator);
        var queue = await client.GetPageAsync("/admin/moderering");
        foreach (var key in new[] { $"Comment-{a.Comment}", $"Comment-{b.Comment}" })
        {
            ((AngleSharp.Html.Dom.IHtmlInputElement)queue.QuerySelector($"#velg-{key}")!).IsChecked = true;
        }

        // No action chosen: the message is on the field; nothing changes.
        var none = await BylabClient.ParseAsync(await client.SubmitAsync(queue, new Dictionary<string, string>(), "#bulk"));
        Assert.Equal("Velg hva som skal gjøres.", none.QuerySelector("#bulk-Operation-error")?.TextContent.Trim());
        Assert.Equal("Visible", await StateAsync(ContentKind.Comment, a.Comment));

        var values = new Dictionary<string, string> { ["Operation"] = "Hide", ["Reason"] = "Spam", ["Note"] = "Reklame." };
        var done = await client.SubmitAsync(queue, values, "#bulk");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Utført for 2. Hoppet over 0", (await client.GetPageAsync(done.Headers.Location!.ToString())).QuerySelector("main")!.TextContent);
        Assert.Equal("Hidden", await StateAsync(ContentKind.Comment, a.Comment));
        Assert.Equal("Hidden", await StateAsync(ContentKind.Comment, b.Comment));

        var replay = await client.SubmitAsync(queue, values, "#bulk");
        Assert.Contains("Utført for 0. Hoppet over 2", (await client.GetPageAsync(replay.Headers.Location!.ToString())).QuerySelector("main")!.TextContent);
        Assert.Single(await factory.OutboxForAsync(a.AuthorEmail));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(x => x.Action == ModerationAuditActions.Hidden
            && (x.TargetId == a.Comment.ToString() || x.TargetId == b.Comment.ToString())));
        Assert.Equal(2, audit);

        // A single item's restore posted twice: the second says it was done already.
        var hidden = await client.GetPageAsync("/admin/moderering?fane=skjult");
        var form = $"#sak-Comment-{a.Comment} form[action$='/gjenopprett']";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(hidden, new Dictionary<string, string> { ["Note"] = "Ok." }, form)).StatusCode);
        var again = await client.SubmitAsync(hidden, new Dictionary<string, string> { ["Note"] = "Ok." }, form);
        Assert.Contains("Det var allerede gjort", (await client.GetPageAsync(again.Headers.Location!.ToString())).QuerySelector("main")!.TextContent);
        Assert.Single(await factory.WithDbAsync(db => db.AuditEntries.Where(x => x.Action == ModerationAuditActions.Restored && x.TargetId == a.Comment.ToString()).ToListAsync()));
    }
}
