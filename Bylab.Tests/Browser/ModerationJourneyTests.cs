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

    private async Task SignInModeratorAsync(IPage page)
    {
        var moderator = TestData.UniqueEmail("moderator");
        await Factory.Users.CreateAsync(email: moderator, password: TestData.Password, roles: [Bylab.Core.Accounts.Roles.Moderator]);
        var key = await Factory.EnableTotpAsync(moderator);
        await SubmitLoginAsync(page, moderator, TestData.Password);
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
    }

    /// <summary>
    /// The journey: the third citizen's report hides a comment; the moderator finds it in the queue and restores
    /// it with a note; hides a reported idea with a reason; its author reads the statement of reasons and asks for a
    /// review; the moderator answers, and the author reads the answer. Every page is checked with axe.
    /// </summary>
    [Fact]
    public Task ReportsHideACommentTheModeratorRestoresItHidesAnIdeaAndAnswersItsAuthorsReviewRequest() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Reisen"));
        var commenter = await Factory.Users.CitizenAsync("kommentator");
        var ideaAuthor = await Factory.Users.CitizenAsync("forfatter");
        var idea = await Factory.Ideas.IdeaAsync(ideaAuthor.Id, setup.Id, "Parkering i hele Strandgata", "Fjern sykkelstien og lag parkering.");
        var comment = (await Factory.WithAsync((CommentService c) => c.AddAsync(commenter.Id, idea.Id, null, "Sykkelstien er viktig for skoleveien."))).CommentId!.Value;
        // The transparency page's figures for this month before the journey: its steps must show as differences (browser
        // tests run one at a time, so nothing else moves them meanwhile).
        var before = await MonthFiguresAsync(page);
        var reporters = await Factory.Users.CreateManyAsync(2, "melder");
        foreach (var r in reporters)
        {
            await Factory.Moderation.ReportAsync(r.Id, ContentKind.Comment, comment, ModerationReason.OffTopic);
        }
        await Factory.Moderation.ReportAsync(reporters[0].Id, ContentKind.Idea, idea.Id, ModerationReason.OffensiveOrHateful);

        // The third citizen reports the comment: it disappears.
        var third = await Factory.Users.CitizenAsync("melder");
        await SubmitLoginAsync(page, third.Email!, TestData.Password);
        await page.GotoAsync($"/meld/kommentar/{comment}");
        await page.GetByLabel("Utenfor tema").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send melding" }).ClickAsync();
        await Expect(page.Locator($"#kommentar-{comment}")).ToContainTextAsync("Skjult automatisk");
        await Expect(page.GetByText("Sykkelstien er viktig")).ToHaveCountAsync(0);

        // The moderator restores it with a note.
        await using var moderatorContext = await Fixture.NewContextAsync();
        var moderator = await moderatorContext.NewPageAsync();
        await SignInModeratorAsync(moderator);
        await moderator.GotoAsync("/admin/moderering");
        var card = moderator.Locator($"#sak-Comment-{comment}");
        await Expect(card).ToContainTextAsync("Meldinger (3)");
        await moderator.AssertAccessibleAsync();
        await card.GetByLabel("Begrunnelse (vises offentlig, valgfri)").FillAsync("Kommentaren handler om saken.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Gjenopprett" }).ClickAsync();
        await Expect(Confirmation(moderator)).ToContainTextAsync("Gjenopprettet");
        await page.GotoAsync("/ideer/" + idea.Slug);
        await Expect(page.Locator($"#kommentar-{comment}")).ToContainTextAsync("Sykkelstien er viktig for skoleveien.");

        // The idea: hidden with a reason; a missing reason first comes back on the field.
        var ideaCard = moderator.Locator($"#sak-Idea-{idea.Id}");
        await ideaCard.GetByLabel("Grunn", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Velg" });
        await ideaCard.GetByRole(AriaRole.Button, new() { Name = "Skjul" }).ClickAsync();
        await Expect(ErrorSummary(moderator)).ToContainTextAsync("Velg en grunn.");
        await moderator.AssertAccessibleAsync();
        ideaCard = moderator.Locator($"#sak-Idea-{idea.Id}");
        await ideaCard.GetByLabel("Grunn", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Støtende eller hatefullt" });
        await ideaCard.GetByLabel("Begrunnelse (vises offentlig, valgfri)").FillAsync("Ideen angriper syklister som gruppe.");
        await ideaCard.GetByRole(AriaRole.Button, new() { Name = "Skjul" }).ClickAsync();
        await Expect(Confirmation(moderator)).ToContainTextAsync("Skjult.");

        // Its author reads the statement of reasons and asks for a review.
        await using var authorContext = await Fixture.NewContextAsync();
        var author = await authorContext.NewPageAsync();
        await SubmitLoginAsync(author, ideaAuthor.Email!, TestData.Password);
        await author.GotoAsync($"/moderering/ide/{idea.Id}");
        await Expect(Heading(author)).ToHaveTextAsync("Avgjørelse om ideen din");
        await Expect(author.Locator("main")).ToContainTextAsync("Ideen angriper syklister som gruppe.");
        await Expect(author.Locator("main")).ToContainTextAsync("Fjern sykkelstien og lag parkering.");
        await author.GetByRole(AriaRole.Button, new() { Name = "Send forespørselen" }).ClickAsync();
        await Expect(ErrorSummary(author)).ToContainTextAsync("Skriv hva du mener er feil.");
        await author.AssertAccessibleAsync();
        await author.GetByLabel("Hva mener du er feil?").FillAsync("Jeg angriper ingen, jeg vil ha parkering.");
        await author.GetByRole(AriaRole.Button, new() { Name = "Send forespørselen" }).ClickAsync();
        await Expect(Confirmation(author)).ToContainTextAsync("Forespørselen er sendt");
        await author.AssertAccessibleAsync();

        // The moderator answers from the review tab.
        await moderator.GotoAsync("/admin/moderering");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Ny vurdering" }).ClickAsync();
        var review = moderator.Locator("li[id^=review-]").Filter(new() { HasText = "Jeg angriper ingen" });
        await Expect(review).ToContainTextAsync("Fjern sykkelstien og lag parkering.");
        await moderator.AssertAccessibleAsync();
        await review.GetByLabel("Avgjørelsen står ved lag").CheckAsync();
        await review.GetByLabel("Begrunnelse til forfatteren").FillAsync("Ordlyden er nedsettende; skriv ideen på nytt uten det.");
        await review.GetByRole(AriaRole.Button, new() { Name = "Send svaret" }).ClickAsync();
        await Expect(Confirmation(moderator)).ToContainTextAsync("Svaret er sendt");
        await moderator.AssertAccessibleAsync();

        await author.ReloadAsync();
        await Expect(author.Locator("main")).ToContainTextAsync("avgjørelsen står ved lag");
        await Expect(author.Locator("main")).ToContainTextAsync("Ordlyden er nedsettende");
        await author.AssertAccessibleAsync();

        // The transparency page, from the footer, counts the month's journey: 4 reports (3 on the comment, 1 on the idea),
        // 1 automatic hide, 1 hide by a moderator, 1 restore, 1 review – by kind, with no names and no texts.
        var after = await MonthFiguresAsync(author);
        Assert.Equal(4, after["Reported"] - before.GetValueOrDefault("Reported"));
        Assert.Equal(1, after["HiddenAutomatically"] - before.GetValueOrDefault("HiddenAutomatically"));
        Assert.Equal(1, after["HiddenByModerator"] - before.GetValueOrDefault("HiddenByModerator"));
        Assert.Equal(1, after["Restored"] - before.GetValueOrDefault("Restored"));
        Assert.Equal(1, after["Reviewed"] - before.GetValueOrDefault("Reviewed"));
        await Expect(author.Locator("main")).Not.ToContainTextAsync("Sykkelstien er viktig");
        await Expect(author.Locator("main")).Not.ToContainTextAsync(ideaAuthor.DisplayName);
        await author.AssertAccessibleAsync();
    });

    /// <summary>This month's totals per measure on the transparency page, reached from the footer (empty when none yet).</summary>
    private static async Task<Dictionary<string, int>> MonthFiguresAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Åpenhet om moderering" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Åpenhet om moderering");
        var figures = new Dictionary<string, int>();
        foreach (var row in await page.Locator("section[data-month]").First.Locator("table[data-table=kinds] tr[data-measure]").AllAsync())
        {
            figures[(await row.GetAttributeAsync("data-measure"))!] = int.Parse(await row.Locator("td[data-total]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return figures;
    }

    /// <summary>The blocks page (block the author of a queue item, the list, unblock) and the page a blocked person meets.</summary>
    [Fact]
    public Task AModeratorBlocksAnAuthorWhoseNextCommentMeetsTheBlockedPage() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Sperre"));
        var spammer = await Factory.Users.CitizenAsync("spammer");
        var idea = await Factory.Ideas.IdeaAsync(spammer.Id, setup.Id, "Billige klokker");
        var reporter = await Factory.Users.CreateAsync("melder");
        await Factory.Moderation.ReportAsync(reporter.Id, ContentKind.Idea, idea.Id);

        await SignInModeratorAsync(page);
        await page.GotoAsync("/admin/moderering");
        await page.Locator($"#sak-Idea-{idea.Id}").GetByRole(AriaRole.Link, new() { Name = "Sperr forfatteren" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Sperrede brukere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sperr" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Skriv en begrunnelse.");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Begrunnelse (sendes til personen)").FillAsync("Gjentatt reklame for klokker.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sperr" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync("Personen er sperret");
        await Expect(page.Locator($"#sperre-{spammer.Id}")).ToContainTextAsync("Gjentatt reklame for klokker.");
        await page.AssertAccessibleAsync();

        await using var spammerContext = await Fixture.NewContextAsync();
        var blocked = await spammerContext.NewPageAsync();
        await SubmitLoginAsync(blocked, spammer.Email!, TestData.Password);
        var other = await Factory.Ideas.IdeaAsync(reporter.Id, setup.Id, "Flere benker");
        await blocked.GotoAsync("/ideer/" + other.Slug);
        await blocked.Locator("#ny-kommentar textarea").FillAsync("Kjøp klokker!");
        await blocked.Locator("#ny-kommentar").GetByRole(AriaRole.Button).Last.ClickAsync();
        await Expect(Heading(blocked)).ToHaveTextAsync("Du er sperret fra å skrive");
        await Expect(blocked.Locator("main")).ToContainTextAsync("Gjentatt reklame for klokker.");
        await blocked.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"Opphev sperren for {spammer.DisplayName}" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync("Sperren er opphevet");
    });
}
