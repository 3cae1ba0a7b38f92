using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Moderation;

/// <summary>
/// Requests for review over HTTP: the author of a hidden comment reads the statement of reasons (their text, the decision)
/// and asks for a review once per decision; nobody else sees the page; the moderator answers once in the queue, the
/// author is mailed the outcome in their language, and the audit log has «moderation.review-answered».
/// </summary>
public sealed class ReviewRequestTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private async Task<(BylabClient Author, string AuthorEmail, int IdeaId, int CommentId)> HiddenCommentAsync(string culture = "nb")
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Vurdering"));
        var author = await factory.Users.CitizenAsync("forfatter", culture);
        var idea = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, TestData.Unique("Idé"));
        var comment = (await factory.WithAsync((CommentService c) => c.AddAsync(author.Id, idea.Id, null, "Naboen min er en idiot."))).CommentId!.Value;
        await factory.Moderation.HideAsync(ContentKind.Comment, comment, ModerationReason.OffensiveOrHateful, "Personangrep.");
        var client = factory.CreateBylabClient();
        await client.LogInAsync(author.Email!, TestData.Password);
        return (client, author.Email!, idea.Id, comment);
    }

    private Task<int> RequestsAsync(int commentId) =>
        factory.WithDbAsync(db => db.ReviewRequests.CountAsync(r => r.ItemKind == ContentKind.Comment && r.ItemId == commentId));

    [Fact]
    public async Task TheAuthorReadsTheStatementAndAsksForAReviewOnceAndNobodyElseSeesIt()
    {
        var (author, _, _, comment) = await HiddenCommentAsync();
        var page = await author.GetPageAsync($"/moderering/kommentar/{comment}");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Avgjørelse om kommentaren din", main);
        Assert.Contains("Naboen min er en idiot.", main);
        Assert.Contains("Grunn: Støtende eller hatefullt", main);
        Assert.Contains("Personangrep.", main);

        // Empty, then 10,000 characters: the message is on the field, the text is kept, nothing is stored.
        var empty = await BylabClient.ParseAsync(await author.SubmitAsync(page, new Dictionary<string, string> { ["Message"] = "  " }));
        Assert.Equal("Skriv hva du mener er feil.", empty.QuerySelector("#Message-error")?.TextContent.Trim());
        var tooLong = await BylabClient.ParseAsync(await author.SubmitAsync(page, new Dictionary<string, string> { ["Message"] = new string('x', 10_000) }));
        Assert.Contains("10000", tooLong.QuerySelector("#Message-error")?.TextContent);
        Assert.Equal(10_000, tooLong.QuerySelector("#Message")!.TextContent.Length);
        Assert.Equal(0, await RequestsAsync(comment));

        var sent = await author.SubmitAsync(page, new Dictionary<string, string> { ["Message"] = "Det var ment som en spøk." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await author.GetPageAsync(sent.Headers.Location!.ToString());
        Assert.Contains("Forespørselen er sendt", after.QuerySelector("main")!.TextContent);
        Assert.Contains("Det var ment som en spøk.", after.QuerySelector("main")!.TextContent);
        Assert.Null(after.QuerySelector("textarea[name=Message]"));

        // The form posted again: one request, and the author is told.
        var replay = await author.SubmitAsync(page, new Dictionary<string, string> { ["Message"] = "Igjen." });
        Assert.Contains("Du har allerede bedt om ny vurdering", (await author.GetPageAsync(replay.Headers.Location!.ToString())).QuerySelector("main")!.TextContent);
        Assert.Equal(1, await RequestsAsync(comment));

        // Anyone else: not found, and their post stores nothing.
        var (other, _) = await factory.SignedInAsync("annen", Roles.Citizen);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/moderering/kommentar/{comment}")).StatusCode);
        var token = BylabClient.TokenFrom(await other.GetPageAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.PostRawAsync($"/moderering/kommentar/{comment}", [new("__RequestVerificationToken", token), new("Message", "Fjern det")])).StatusCode);
        Assert.Equal(1, await RequestsAsync(comment));
    }

    [Fact]
    public async Task TheModeratorRestoresOnReviewOnceAndTheAuthorIsToldInTheirLanguage()
    {
        var (author, authorEmail, ideaId, comment) = await HiddenCommentAsync("en");
        await author.SubmitAsync($"/moderering/kommentar/{comment}", new Dictionary<string, string> { ["Message"] = "Det var ment som en spøk." });
        var (moderator, _) = await factory.SignedInWithTotpAsync("moderator", Roles.Moderator);
        var queue = await moderator.GetPageAsync("/admin/moderering?fane=vurdering");
        var id = await factory.WithDbAsync(db => db.ReviewRequests.Where(r => r.ItemId == comment).Select(r => r.Id).SingleAsync());
        var card = queue.QuerySelector($"#review-{id}")!;
        Assert.Contains("Det var ment som en spøk.", card.TextContent);
        Assert.Contains("Naboen min er en idiot.", card.TextContent);

        // No outcome and no answer: both fields say so; nothing changes.
        var invalid = await BylabClient.ParseAsync(await moderator.SubmitAsync(queue, new Dictionary<string, string>(), $"#review-{id} form"));
        Assert.NotNull(invalid.QuerySelector($"#review-{id}-Outcome-error"));
        Assert.Equal("Skriv en begrunnelse til forfatteren.", invalid.QuerySelector($"#review-{id}-Answer-error")?.TextContent.Trim());
        Assert.Null(await factory.WithDbAsync(db => db.ReviewRequests.Where(r => r.Id == id).Select(r => r.AnsweredAt).SingleAsync()));

        var values = new Dictionary<string, string> { ["Outcome"] = "Restored", ["Answer"] = "Vi ser det som en spøk." };
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.SubmitAsync(queue, values, $"#review-{id} form")).StatusCode);
        Assert.Equal(ModerationState.Visible, await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == comment).Select(c => c.ModerationState).SingleAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == ideaId).Select(i => i.CommentCount).SingleAsync()));
        var mail = Assert.Single(await factory.OutboxForAsync(authorEmail), m => m.Subject == "Your review request: your content is restored");
        Assert.Contains("Vi ser det som en spøk.", mail.TextBody);

        // The same answer posted again (a second tab, another moderator): answered once, one audit entry, one mail.
        var replay = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["Outcome"] = "Upheld", ["Answer"] = "Nei likevel." }, $"#review-{id} form");
        Assert.Contains("allerede besvart", (await moderator.GetPageAsync(replay.Headers.Location!.ToString())).QuerySelector("main")!.TextContent);
        var answered = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "moderation.review-answered" && a.TargetId == comment.ToString()).ToListAsync());
        // The reviewed decision's reason first: the transparency page counts reviews by reason.
        Assert.Matches(@"^(Spam|OffensiveOrHateful|PersonalInformation|OffTopic|Other); Restored; Vi ser det som en spøk\.$", Assert.Single(answered).Details);
        Assert.Single(await factory.OutboxForAsync(authorEmail), m => m.Subject.StartsWith("Your review request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CitizensAndStaffWithoutTheRoleCannotAnswerAReview()
    {
        var (author, _, _, comment) = await HiddenCommentAsync();
        await author.SubmitAsync($"/moderering/kommentar/{comment}", new Dictionary<string, string> { ["Message"] = "Feil." });
        var id = await factory.WithDbAsync(db => db.ReviewRequests.Where(r => r.ItemId == comment).Select(r => r.Id).SingleAsync());
        foreach (var (client, _) in new[] { await factory.SignedInAsync("innbygger", Roles.Citizen), await factory.SignedInWithTotpAsync("stab", Roles.Staff) })
        {
            var token = BylabClient.TokenFrom(await client.GetPageAsync("/"));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostRawAsync($"/admin/moderering/vurdering/{id}",
                [new("__RequestVerificationToken", token), new("Outcome", "Restored"), new("Answer", "Ja")])).StatusCode);
        }
        Assert.Null(await factory.WithDbAsync(db => db.ReviewRequests.Where(r => r.Id == id).Select(r => r.AnsweredAt).SingleAsync()));
        Assert.Equal(ModerationState.Hidden, await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == comment).Select(c => c.ModerationState).SingleAsync()));
    }
}
