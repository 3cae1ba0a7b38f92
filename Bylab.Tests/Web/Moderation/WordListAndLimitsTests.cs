using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Moderation;

/// <summary>A host with low hourly limits, so a test reaches them in a few posts.</summary>
public sealed class LowLimitsFactory : BylabFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Bylab:Moderation:IdeasPerHour", "2"),
        new("Bylab:Moderation:CommentsPerHour", "2"),
    ];
}

/// <summary>
/// Over HTTP, as people post the forms: the moderators' word list page (Moderator role only, audited, bad patterns
/// refused on the field with the text kept); a matching idea or comment is held and its author told; the honeypot stores
/// nothing; the hourly limits answer with a clear message on the form and keep what was typed.
/// </summary>
public sealed class WordListAndLimitsTests(LowLimitsFactory factory) : IClassFixture<LowLimitsFactory>
{
    [Fact]
    public async Task ModeratorsMaintainTheWordListAndStaffWithoutTheRoleGet403()
    {
        var (moderator, _) = await factory.SignedInWithTotpAsync("moderator", Roles.Moderator);
        var word = TestData.Unique("Svindelord").Replace(" ", "");
        var page = await moderator.GetPageAsync("/admin/moderering/ordliste");
        var added = await moderator.SubmitAsync(page, new Dictionary<string, string> { ["Text"] = word }, "#word-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await moderator.GetPageAsync("/admin/moderering/ordliste");
        var row = list.QuerySelectorAll("tr[data-entry]").Single(r => r.TextContent.Contains(word));
        Assert.Single(await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == ModerationAuditActions.WordListAdded && a.Details == "word: " + word).ToListAsync()));

        // A pattern that needs backtracking: the message is on the field, the text stays, nothing is stored.
        var bad = await BylabClient.ParseAsync(await moderator.SubmitAsync(list, new Dictionary<string, string>
        {
            ["Text"] = @"(\w+)\1", ["IsPattern"] = "true",
        }, "#word-form"));
        Assert.Contains("ikke et gyldig regulært uttrykk", bad.QuerySelector("#Text-error, .ds-validation-message")?.TextContent ?? bad.ErrorSummary().FirstOrDefault());
        Assert.Equal(@"(\w+)\1", bad.FieldValue("Text"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.WordListEntries.CountAsync(e => e.IsPattern)));

        // Staff and admins without the Moderator role: 403 on the page and the posts, nothing changes.
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff, Roles.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync("/admin/moderering/ordliste")).StatusCode);
        var token = BylabClient.TokenFrom(await staff.GetPageAsync("/admin/ideer"));
        var id = row.GetAttribute("data-entry")!;
        var removeByStaff = await staff.PostRawAsync($"/admin/moderering/ordliste/{id}/fjern", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Forbidden, removeByStaff.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.WordListEntries.CountAsync(e => e.Text == word)));

        var removed = await moderator.SubmitAsync(list, new Dictionary<string, string>(), $"tr[data-entry='{id}'] form");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.WordListEntries.CountAsync(e => e.Text == word)));
    }

    [Fact]
    public async Task AnIdeaThatMatchesIsHeldAndItsAuthorSeesItAwaitingReview()
    {
        var word = "lureri" + Guid.NewGuid().ToString("N")[..6];
        var moderator = await factory.Moderation.ModeratorAsync();
        await factory.WithAsync((WordList w) => w.AddAsync(moderator, word, false));
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Ordliste"));
        var (client, _) = await factory.SignedInAsync("forfatter");
        var preview = await BylabClient.ParseAsync(await client.SubmitAsync($"/medvirkning/{setup.Slug}/ny-ide", new Dictionary<string, string>
        {
            ["Title"] = "Billig parkering", ["BodyMarkdown"] = $"Rent {word} fra start til slutt.",
        }, submitter: "button[value=preview]"));
        var saved = await client.SubmitAsync(preview, new Dictionary<string, string>(), submitter: "button[value=submit]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var own = await client.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.Contains("moderator ser på den", own.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains(word, own.QuerySelector("main")!.TextContent);
        Assert.Equal(ModerationState.Held, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Title == "Billig parkering" && i.ConsultationId == setup.Id).Select(i => i.ModerationState).SingleAsync()));

        using var other = factory.CreateBylabClient();
        var list = await other.Http.GetStringAsync($"/medvirkning/{setup.Slug}");
        Assert.DoesNotContain("Billig parkering", list);
    }

    [Fact]
    public async Task AFilledHoneypotStoresNothing()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Honningkrukke"));
        var idea = await factory.Ideas.IdeaAsync((await factory.Users.CitizenAsync("forfatter")).Id, setup.Id, TestData.Unique("Mål for honningkrukke"));
        var (client, _) = await factory.SignedInAsync("robot");

        var ideaPost = await client.SubmitAsync($"/medvirkning/{setup.Slug}/ny-ide", new Dictionary<string, string>
        {
            ["Title"] = "Robotidé", ["BodyMarkdown"] = "Tekst.", ["Nettside"] = "http://spam.example", ["Step"] = "submit",
        }, submitter: "button[value=preview]");
        Assert.Equal(HttpStatusCode.Redirect, ideaPost.StatusCode);
        var commentPost = await client.SubmitAsync($"/ideer/{idea.Slug}", new Dictionary<string, string>
        {
            ["Body"] = "Robotkommentar", ["Nettside"] = "http://spam.example",
        }, "#ny-kommentar");
        Assert.Equal(HttpStatusCode.Redirect, commentPost.StatusCode);
        var after = await client.GetPageAsync(commentPost.Headers.Location!.OriginalString);
        Assert.Contains("kunne ikke tas imot", after.QuerySelector("[role=alert], .ds-alert")!.TextContent);

        Assert.Equal(0, await factory.WithDbAsync(db => db.Ideas.CountAsync(i => i.Title == "Robotidé")));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.BodyMarkdown == "Robotkommentar")));
        // The same form without the honeypot is taken (so the test above is about the honeypot, not the form).
        var human = await client.SubmitAsync($"/ideer/{idea.Slug}", new Dictionary<string, string> { ["Body"] = "Menneskekommentar" }, "#ny-kommentar");
        Assert.Equal(HttpStatusCode.Redirect, human.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.BodyMarkdown == "Menneskekommentar")));
    }

    [Fact]
    public async Task TheHourlyLimitsAnswerOnTheFormAndKeepTheText()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Grense"));
        var (client, email) = await factory.SignedInAsync("flittig");
        var me = await factory.Users.IdOfAsync(email);
        await factory.Ideas.IdeaAsync(me, setup.Id, "Første idé");
        var second = await factory.Ideas.IdeaAsync(me, setup.Id, "Andre idé");

        var preview = await BylabClient.ParseAsync(await client.SubmitAsync($"/medvirkning/{setup.Slug}/ny-ide", new Dictionary<string, string>
        {
            ["Title"] = "Tredje idé", ["BodyMarkdown"] = "Teksten min som ikke må forsvinne.",
        }, submitter: "button[value=preview]"));
        var refused = await client.SubmitAsync(preview, new Dictionary<string, string>(), submitter: "button[value=submit]");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await BylabClient.ParseAsync(refused);
        Assert.Contains("Du har sendt inn 2 ideer den siste timen", Assert.Single(form.ErrorSummary()));
        Assert.Equal("Tredje idé", form.FieldValue("Title"));
        Assert.Equal("Teksten min som ikke må forsvinne.", form.FieldValue("BodyMarkdown"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Ideas.CountAsync(i => i.Title == "Tredje idé")));

        await factory.WithAsync((CommentService c) => c.AddAsync(me, second.Id, null, "En"));
        await factory.WithAsync((CommentService c) => c.AddAsync(me, second.Id, null, "To"));
        var page = await BylabClient.ParseAsync(await client.SubmitAsync($"/ideer/{second.Slug}", new Dictionary<string, string> { ["Body"] = "Tre, og den skal bli stående" }, "#ny-kommentar"));
        Assert.Contains("Du har skrevet 2 kommentarer den siste timen", Assert.Single(page.ErrorSummary()));
        Assert.Equal("Tre, og den skal bli stående", page.QuerySelector("#Body")!.TextContent);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.AuthorId == me)));
    }
}
