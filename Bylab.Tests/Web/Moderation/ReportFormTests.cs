using System.Net;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Moderation;

/// <summary>
/// The report form over HTTP, posting the real form with its antiforgery token: a report is stored and the item's page
/// then says «reported»; bad input (one's own item, a hidden or deleted one, the same report twice, a note of 10,000
/// characters, an unknown reason, a replayed form) gets a clear answer in the person's language and stores nothing.
/// </summary>
public sealed class ReportFormTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private async Task<(BylabClient Client, string UserId)> CitizenAsync(string culture = "nb")
    {
        var user = await factory.Users.CitizenAsync("melder", culture);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(user.Email!, TestData.Password);
        if (culture != "nb")
        {
            await client.SubmitAsync("/", new Dictionary<string, string>(), "form.language-switcher", $"button[value={culture}]");
        }
        return (client, user.Id);
    }

    private async Task<(string AuthorId, TestIdea Idea, int CommentId)> ContentAsync()
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Meldinger"));
        var author = await factory.Users.CitizenAsync("forfatter");
        var idea = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, "Benker ved Koigen");
        var comment = (await factory.WithAsync((CommentService c) => c.AddAsync(author.Id, idea.Id, null, "En kommentar om benker"))).CommentId!.Value;
        return (author.Id, idea, comment);
    }

    private Task<int> ReportsAsync(ContentKind kind, int id) =>
        factory.WithDbAsync(db => db.Reports.CountAsync(r => r.ItemKind == kind && r.ItemId == id));

    [Fact]
    public async Task ACitizenReportsACommentWithAReasonAndThePageThenSaysReported()
    {
        var (_, idea, comment) = await ContentAsync();
        var (client, me) = await CitizenAsync();

        var ideaPage = await client.GetPageAsync("/ideer/" + idea.Slug);
        var link = ideaPage.QuerySelector($"#kommentar-{comment} a[href='/meld/kommentar/{comment}']");
        Assert.Equal("Meld kommentaren", link!.TextContent.Trim());
        var form = await client.GetPageAsync($"/meld/kommentar/{comment}");
        Assert.Equal(5, form.QuerySelectorAll("input[name=Reason]").Length);
        Assert.Contains("Støtende eller hatefullt", form.QuerySelector("fieldset")!.TextContent);

        var sent = await client.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = "OffensiveOrHateful", ["Note"] = "Han kaller folk idioter." });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/ideer/{idea.Slug}#kommentar-{comment}", sent.Headers.Location!.OriginalString);
        var report = await factory.WithDbAsync(db => db.Reports.SingleAsync(r => r.ItemKind == ContentKind.Comment && r.ItemId == comment));
        Assert.Equal((me, ModerationReason.OffensiveOrHateful, "Han kaller folk idioter."), (report.ReporterId, report.Reason, report.Note));
        var after = await client.GetPageAsync("/ideer/" + idea.Slug);
        Assert.Contains("Meldingen er sendt", after.QuerySelector("main")!.TextContent);
        Assert.Equal("Du har meldt dette", after.QuerySelector($"#kommentar-{comment} .report-link")!.TextContent.Trim());
        Assert.Contains("Du har allerede meldt dette", (await client.GetPageAsync($"/meld/kommentar/{comment}")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task TheSameFormPostedTwiceStoresOneReportAndSaysSo()
    {
        var (_, idea, _) = await ContentAsync();
        var (client, _) = await CitizenAsync();
        var form = await client.GetPageAsync($"/meld/ide/{idea.Id}");
        var values = new Dictionary<string, string> { ["Reason"] = "Spam" };

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form, values)).StatusCode);
        var replay = await client.SubmitAsync(form, values);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("Du har allerede meldt dette", (await BylabClient.ParseAsync(replay)).QuerySelector("main")!.TextContent);
        Assert.Equal(1, await ReportsAsync(ContentKind.Idea, idea.Id));
    }

    [Fact]
    public async Task OwnHiddenAndDeletedItemsCannotBeReportedAndNothingIsStored()
    {
        var (authorId, idea, comment) = await ContentAsync();
        var author = factory.CreateBylabClient();
        var authorEmail = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == authorId).Select(u => u.Email!).SingleAsync());
        await author.LogInAsync(authorEmail, TestData.Password);
        var (client, _) = await CitizenAsync("en");

        // One's own: the page says so, and a post made anyway (with another page's token) stores nothing.
        var own = await author.GetPageAsync($"/meld/ide/{idea.Id}");
        Assert.Contains("Du kan ikke melde noe du har skrevet selv.", own.QuerySelector("main")!.TextContent);
        Assert.Null(own.QuerySelector("main form"));
        var token = BylabClient.TokenFrom(await author.GetPageAsync("/ideer/" + idea.Slug));
        var forced = await author.PostRawAsync($"/meld/ide/{idea.Id}", [new("__RequestVerificationToken", token), new("Reason", "Spam")]);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);

        // Deleted, then hidden by a moderator: in English for a person who chose it.
        var form = await client.GetPageAsync($"/meld/kommentar/{comment}");
        await factory.WithAsync((CommentService c) => c.DeleteAsync(authorId, comment));
        var late = await client.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = "Spam" });
        Assert.Contains("This cannot be reported", (await BylabClient.ParseAsync(late)).QuerySelector("main")!.TextContent);
        await factory.Moderation.HideAsync(ContentKind.Idea, idea.Id);
        var hidden = await client.GetPageAsync($"/meld/ide/{idea.Id}");
        Assert.Contains("This cannot be reported", hidden.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Benker ved Koigen", hidden.DocumentElement.OuterHtml);

        Assert.Equal(0, await ReportsAsync(ContentKind.Idea, idea.Id));
        Assert.Equal(0, await ReportsAsync(ContentKind.Comment, comment));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/meld/ide/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/meld/tull/{idea.Id}")).StatusCode);
    }

    [Fact]
    public async Task ANoteOf10000CharactersOrNoReasonComesBackWithTheMessageOnTheFieldAndTheTextKept()
    {
        var (_, idea, _) = await ContentAsync();
        var (client, _) = await CitizenAsync("nn");
        var note = new string('å', 10_000);

        var tooLong = await client.SubmitAsync($"/meld/ide/{idea.Id}", new Dictionary<string, string> { ["Reason"] = "Other", ["Note"] = note });
        var page = await BylabClient.ParseAsync(tooLong);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("Skriv høgst 1000 teikn (no 10000).", page.ErrorSummary());
        Assert.Equal(note, page.FieldValue("Note"));
        Assert.Equal("Other", page.QuerySelector("input[name=Reason]:checked")!.GetAttribute("value"));

        var noReason = await BylabClient.ParseAsync(await client.SubmitAsync($"/meld/ide/{idea.Id}", new Dictionary<string, string> { ["Note"] = "Hei" }));
        Assert.Contains("Vel kvifor du melder dette.", noReason.ErrorSummary());
        var unknown = await BylabClient.ParseAsync(await client.SubmitAsync($"/meld/ide/{idea.Id}", new Dictionary<string, string> { ["Reason"] = "42" }));
        Assert.Contains("Vel kvifor du melder dette.", unknown.ErrorSummary());

        Assert.Equal(0, await ReportsAsync(ContentKind.Idea, idea.Id));
    }

    [Fact]
    public async Task SomeoneSignedOutIsSentToLogInAndAPostWithoutTheTokenIsRefused()
    {
        var (_, idea, _) = await ContentAsync();
        using var anonymous = factory.CreateBylabClient();
        var get = await anonymous.Http.GetAsync($"/meld/ide/{idea.Id}");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/konto/logg-inn", get.Headers.Location!.OriginalString);

        var (client, _) = await CitizenAsync();
        var noToken = await client.PostRawAsync($"/meld/ide/{idea.Id}", [new("Reason", "Spam")]);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(0, await ReportsAsync(ContentKind.Idea, idea.Id));
    }
}
