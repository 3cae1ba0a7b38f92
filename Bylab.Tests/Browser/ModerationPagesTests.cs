using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>
/// The pages of issue 13's second half, walked in the browser with axe: the transparency page from the footer (375 and
/// 1280 px, nothing wider than the screen), a hidden event's notice, the idea page with its honeypot, Min side with a
/// hidden idea, and – as a moderator who is also staff – the word list (with a refused pattern) and staff's idea list.
/// </summary>
public sealed class ModerationPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task ThePublicPagesReadWellAtBothWidths() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Åpent"));
        var author = await Factory.Users.CitizenAsync("forfatter");
        var idea = await Factory.Ideas.IdeaAsync(author.Id, setup.Id, "Sykkelparkering ved stasjonen");
        var hidden = await Factory.Ideas.IdeaAsync(author.Id, setup.Id, "Min skjulte idé");
        await Factory.Moderation.ReportAsync((await Factory.Users.CitizenAsync("melder")).Id, ContentKind.Idea, idea.Id, ModerationReason.OffTopic);
        await Factory.Moderation.HideAsync(ContentKind.Idea, hidden.Id, ModerationReason.Spam, "Reklame.");
        var ev = await Factory.Events.AtBylabAsync(TestData.Unique("Skjult kveld"));
        await Factory.Moderation.HideAsync(ContentKind.Event, ev.Id, ModerationReason.OffensiveOrHateful, "Hets.");

        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, width == 375 ? 812 : 900);
            await page.GotoAsync("/");
            await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Åpenhet om moderering" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Åpenhet om moderering");
            await Expect(page.Locator("section[data-month]").First.Locator("table[data-table=kinds] tr[data-measure=HiddenByModerator] td[data-total]")).Not.ToHaveTextAsync("0");
            await NoSidewaysScrollAsync(page, width);
            await page.AssertAccessibleAsync();
            await ShotAsync(page, $"apenhet-{width}");

            await page.GotoAsync("/arrangementer/" + ev.Slug);
            await Expect(Heading(page)).ToHaveTextAsync("Arrangementet er skjult");
            await Expect(page.Locator("main")).ToContainTextAsync("Hets.");
            await NoSidewaysScrollAsync(page, width);
            await page.AssertAccessibleAsync();
            await ShotAsync(page, $"skjult-arrangement-{width}");
        }

        // Signed in: the idea page's comment form carries the honeypot, which nobody sees or reaches; Min side marks the hidden idea.
        await SubmitLoginAsync(page, author.Email!, TestData.Password);
        await page.GotoAsync("/ideer/" + idea.Slug);
        await Expect(page.Locator("#ny-kommentar input[name=Nettside]")).Not.ToBeInViewportAsync();
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/min-side");
        await Expect(page.Locator("#ideer [data-moderation=Hidden]")).ToHaveTextAsync("Skjult");
        await page.AssertAccessibleAsync();
    });

    [Fact]
    public Task AModeratorWhoIsStaffKeepsTheWordListAndSeesHiddenIdeasMarked() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Ordliste"));
        var author = await Factory.Users.CitizenAsync("forfatter");
        var hidden = await Factory.Ideas.IdeaAsync(author.Id, setup.Id, "Skjult for publikum");
        await Factory.Moderation.HideAsync(ContentKind.Idea, hidden.Id, ModerationReason.Spam);
        var email = TestData.UniqueEmail("moderator");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Moderator, Roles.Staff]);
        var key = await Factory.EnableTotpAsync(email);
        await SubmitLoginAsync(page, email, TestData.Password);
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Administrasjon" }).GetByRole(AriaRole.Link, new() { Name = "Ordliste" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Ordliste for moderering");
        await page.GetByLabel("Ord eller mønster").FillAsync(@"(\w+)\1");
        await page.GetByLabel("Regulært uttrykk").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("ikke et gyldig regulært uttrykk");
        await Expect(page.GetByLabel("Ord eller mønster")).ToHaveValueAsync(@"(\w+)\1");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Ord eller mønster").FillAsync(@"kj[øo]p\s+n[åa]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync("er lagt til i ordlisten");
        await Expect(page.Locator("tr[data-entry]")).ToContainTextAsync(@"kj[øo]p\s+n[åa]");
        await page.AssertAccessibleAsync();
        await ShotAsync(page, "ordliste-1280");

        await page.GotoAsync($"/admin/ideer?medvirkning={setup.Id}");
        await Expect(page.Locator($"tr[data-idea='{hidden.Id}'] [data-moderation=Hidden]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.Locator($"tr[data-idea='{hidden.Id}']").GetByRole(AriaRole.Link, new() { Name = "Skjult for publikum", Exact = true }).ClickAsync();
        await Expect(page.Locator("main [data-moderation=Hidden]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    });

    private static async Task NoSidewaysScrollAsync(IPage page, int width)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than a {width} px screen");
    }

    /// <summary>For a person to look at (BYLAB_SCREENSHOTS=folder); the tests never read them.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("BYLAB_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
