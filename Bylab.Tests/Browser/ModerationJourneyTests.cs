using System.Text.RegularExpressions;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>
/// A citizen reports a comment two others reported already: the report form (with its error summary) and the idea page
/// afterwards, where the comment has made way for the reason it was hidden; and the page of an idea a moderator hid.
/// Every page is checked with axe.
/// </summary>
public sealed class ModerationJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task TheThirdReportHidesACommentAndThePageShowsWhy() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Parker"));
        var author = await Factory.Users.CitizenAsync("forfatter");
        var idea = await Factory.Ideas.IdeaAsync(author.Id, setup.Id, "Flere trær i Rådhusparken");
        var comment = (await Factory.WithAsync((CommentService c) => c.AddAsync(author.Id, idea.Id, null, "Kjøp billige klokker hos oss!"))).CommentId!.Value;
        foreach (var other in await Factory.Users.CreateManyAsync(2, "melder"))
        {
            Assert.Equal(ReportOutcome.Reported, (await Factory.Moderation.ReportAsync(other.Id, ContentKind.Comment, comment)).Outcome);
        }
        var me = await Factory.Users.CitizenAsync("nettleser");
        await SubmitLoginAsync(page, me.Email!, TestData.Password);

        await page.GotoAsync("/ideer/" + idea.Slug);
        await page.Locator($"#kommentar-{comment}").GetByRole(AriaRole.Link, new() { Name = "Meld kommentaren" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Meld en kommentar");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send melding" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToBeVisibleAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Velg hvorfor du melder dette.");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Spam eller reklame").CheckAsync();
        await page.GetByLabel("Noe mer moderatorene bør vite? (valgfritt)").FillAsync("Reklame for klokker.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send melding" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/ideer/{idea.Slug}#kommentar-{comment}$"));
        await Expect(Confirmation(page)).ToContainTextAsync("Innholdet er nå skjult");
        var hidden = page.Locator($"#kommentar-{comment}");
        await Expect(hidden).ToContainTextAsync("Skjult automatisk");
        await Expect(hidden).ToContainTextAsync("Grunn: Spam eller reklame");
        await Expect(page.GetByText("Kjøp billige klokker")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    });

    [Fact]
    public Task AnIdeaAModeratorHidSaysWhyAndNothingElse() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Torget"));
        var author = await Factory.Users.CitizenAsync("forfatter");
        var idea = await Factory.Ideas.IdeaAsync(author.Id, setup.Id, "Navn og adresse til naboen min", "Han bor i Hjalmar Hjorths gate 9.");
        await Factory.Moderation.HideAsync(ContentKind.Idea, idea.Id, ModerationReason.PersonalInformation, "Opplysninger om en annen person.");

        await page.GotoAsync("/ideer/" + idea.Slug);

        await Expect(page).ToHaveURLAsync(new Regex($"/ideer/{idea.Id}$"));
        await Expect(Heading(page)).ToHaveTextAsync("Skjult idé");
        await Expect(page.Locator("main")).ToContainTextAsync("Grunn: Personopplysninger om andre");
        await Expect(page.Locator("main")).ToContainTextAsync("Opplysninger om en annen person.");
        await Expect(page.GetByText("Hjalmar Hjorths")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    });

    [Fact]
    public Task AModeratorFindsTheReportedCommentInTheQueueAndRestoresItWithANote() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Køen"));
        var author = await Factory.Users.CitizenAsync("forfatter");
        var idea = await Factory.Ideas.IdeaAsync(author.Id, setup.Id, "Lekeplass ved Domkirkeodden");
        var comment = (await Factory.WithAsync((CommentService c) => c.AddAsync(author.Id, idea.Id, null, "Dette er en helt vanlig kommentar."))).CommentId!.Value;
        foreach (var other in await Factory.Users.CreateManyAsync(3, "melder"))
        {
            await Factory.Moderation.ReportAsync(other.Id, ContentKind.Comment, comment, ModerationReason.OffTopic);
        }
        var moderator = TestData.UniqueEmail("moderator");
        await Factory.Users.CreateAsync(email: moderator, password: TestData.Password, roles: [Bylab.Core.Accounts.Roles.Moderator]);
        var key = await Factory.EnableTotpAsync(moderator);

        await SubmitLoginAsync(page, moderator, TestData.Password);
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Administrasjon" }).GetByRole(AriaRole.Link, new() { Name = "Moderering" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Moderering");
        var card = page.Locator($"#sak-Comment-{comment}");
        await Expect(card).ToContainTextAsync("Dette er en helt vanlig kommentar.");
        await Expect(card).ToContainTextAsync("Meldinger (3)");
        await page.AssertAccessibleAsync();

        await card.GetByLabel("Begrunnelse (vises offentlig, valgfri)").Last.FillAsync("Kommentaren handler om lekeplassen.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Gjenopprett" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync("Gjenopprettet");
        await Expect(page.Locator($"#sak-Comment-{comment}")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/ideer/" + idea.Slug);
        await Expect(page.Locator($"#kommentar-{comment}")).ToContainTextAsync("Dette er en helt vanlig kommentar.");
    });
}
