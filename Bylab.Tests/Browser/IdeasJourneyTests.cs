using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>Issue 4's story, end to end in Chromium: each person in a browser context of their own.</summary>
public sealed class IdeasJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task CitizenSubmitsAnIdeaOthersVoteAndCommentStaffAnswerAndTheCitizenSeesTheAnswer()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var consultationTitle = $"Et levende Stortorget {run}";
        var (consultationId, consultationSlug) = await Factory.Ideas.ConsultationAsync(consultationTitle);
        // Someone already asked for something like it: the duplicate hint has something to show.
        var earlier = await Factory.Users.CitizenAsync("tidligere");
        await Factory.Ideas.IdeaAsync(earlier.Id, consultationId, "Flere benker på Stortorget", "Det trengs benker å sitte på ved fontenen.");
        var first = await Factory.Users.CitizenAsync("kari");
        var second = await Factory.Users.CitizenAsync("ola");
        var staff = await IdeasAdminPageTests.StaffAsync(Factory);
        const string ideaTitle = "Benker og trær på Stortorget";
        string ideaUrl = "";

        // 1. A citizen finds the consultation and submits an idea, seeing the duplicate hint on the way.
        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(first.Email!);
            await page.GotoAsync("/medvirkning");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = consultationTitle }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/medvirkning/{consultationSlug}$"));
            await Expect(Heading(page)).ToHaveTextAsync(consultationTitle);
            await page.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Send inn en idé" }).ClickAsync();
            await page.AssertAccessibleAsync();
            await page.GetByLabel("Tittel").FillAsync(ideaTitle);
            await page.GetByLabel("Beskriv ideen").FillAsync("Flere benker i skyggen av trær, så folk blir sittende på torget.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis" }).ClickAsync();

            var hint = page.GetByRole(AriaRole.Region, new() { Name = "Lignende ideer finnes allerede" });
            await Expect(hint.GetByRole(AriaRole.Link, new() { Name = "Flere benker på Stortorget" })).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send inn", Exact = true }).ClickAsync();

            await Expect(Heading(page)).ToHaveTextAsync(ideaTitle);
            await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Takk! Ideen din er publisert.");
            await page.AssertAccessibleAsync();
            ideaUrl = new Uri(page.Url).AbsolutePath;
        }, "first-citizen");
        Assert.Matches(@"^/ideer/benker-og-traer-pa-stortorget-\d+$", ideaUrl);

        // 2. A second citizen votes for it and comments.
        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(second.Email!);
            await page.GotoAsync(ideaUrl);
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Stem på ideen" }).ClickAsync();
            await Expect(page.Locator("[data-vote-count]")).ToHaveTextAsync("1");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Fjern stemmen min" })).ToBeVisibleAsync();
            await page.GetByLabel("Kommentar", new() { Exact = true }).FillAsync("Gjerne med plass til barnevogner også.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send kommentar" }).ClickAsync();
            await Expect(page.Locator(".comment-list")).ToContainTextAsync("Gjerne med plass til barnevogner også.");
            await Expect(page.Locator("[data-vote-count]")).ToHaveTextAsync("1");
            await page.AssertAccessibleAsync();
        }, "second-citizen");

        // 3. Staff answer it.
        await InBrowserAsync(async page =>
        {
            await page.LogInWithTotpAsync(staff.Email, staff.Key);
            await page.GotoAsync($"/admin/ideer?medvirkning={consultationId}&ubesvart=true");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = ideaTitle, Exact = true }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync(ideaTitle);
            await Expect(page.Locator("[data-count=votes]")).ToHaveTextAsync("1");
            await page.AssertAccessibleAsync();
            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vedtatt" });
            await page.GetByLabel("Svar", new() { Exact = true }).FillAsync("Kommunen setter ut **seks benker** og planter tre lindetrær i vår.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og send svaret" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Svaret er lagret");
            await page.AssertAccessibleAsync();
        }, "staff");

        // 4. The first citizen sees the answer, on the page and in the e-mail that links to it.
        var mail = Assert.Single(await Factory.OutboxForAsync(first.Email!), m => m.Subject.Contains(ideaTitle));
        Assert.Contains("Status: Vedtatt", mail.TextBody);
        var link = BylabClient.FirstLink(mail.TextBody);
        Assert.EndsWith(ideaUrl, link);
        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(first.Email!);
            await page.GotoAsync(link);
            var answer = page.GetByRole(AriaRole.Region, new() { Name = "Kommunens svar: Vedtatt" });
            await Expect(answer).ToContainTextAsync("Kommunen setter ut seks benker og planter tre lindetrær i vår.");
            await Expect(answer.Locator("strong")).ToHaveTextAsync("seks benker");
            await page.AssertAccessibleAsync();
        }, "first-citizen-again");
    }

}
