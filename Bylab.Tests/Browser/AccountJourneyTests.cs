using System.Text.RegularExpressions;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

public sealed class AccountJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task CitizenRegistersConfirmsLogsInAndSwitchesToNynorsk() => InBrowserAsync(async page =>
    {
        var email = TestData.UniqueEmail("reise");

        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();
        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Opprett konto" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/konto/registrer$"));
        await Expect(Heading(page)).ToHaveTextAsync("Opprett konto");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Kari Nordmann");
        await page.GetByLabel("E-postadresse").FillAsync(email);
        await page.GetByLabel("Nytt passord").FillAsync(TestData.Password);
        await page.GetByLabel("Gjenta passordet").FillAsync(TestData.Password);
        await page.GetByLabel("Jeg har lest hvordan Bylab behandler personopplysningene mine").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett konto" }).ClickAsync();

        await Expect(Heading(page)).ToHaveTextAsync("Sjekk e-posten din");
        await page.AssertAccessibleAsync();

        var mail = Assert.Single(await Factory.OutboxForAsync(email));
        await page.GotoAsync(BylabClient.FirstLink(mail.TextBody));
        await Expect(Heading(page)).ToHaveTextAsync("Bekreft e-postadressen");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft e-postadressen" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/konto/logg-inn"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("E-postadressen er bekreftet");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("E-postadresse").FillAsync(email);
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();

        await Expect(page).Not.ToHaveURLAsync(new Regex("/konto/logg-inn"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
        await Expect(MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Min side" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // The language buttons in the header: the choice follows the person from page to page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Nynorsk" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nn");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nynorsk" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(MainMenu(page, "Hovudmeny").GetByRole(AriaRole.Link, new() { Name = "Mi side" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // Mi side, in nynorsk from the menu to the facts about the account.
        await MainMenu(page, "Hovudmeny").GetByRole(AriaRole.Link, new() { Name = "Mi side" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nn");
        await Expect(Heading(page)).ToHaveTextAsync("Mi side");
        await Expect(page.GetByText("Her ser du kva du er påmeld, ideane og røystene dine, og opplysningane om kontoen din.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Innlogging og tryggleik" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Byt passord" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Bylab – ein arena for å skape ein god by saman");
        await Expect(MainMenu(page, "Hovudmeny").GetByRole(AriaRole.Link, new() { Name = "Logg inn" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToHaveCountAsync(0);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nn");
        await page.AssertAccessibleAsync();
    });

    [Fact]
    public Task RegistrationErrorsAreSummarisedAndLinked() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/konto/registrer");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett konto" }).ClickAsync();

        // site.js moves focus to the summary, and its heading names it, so a screen reader announces what went wrong.
        var summary = ErrorSummary(page);
        await Expect(summary).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();

        var links = summary.GetByRole(AriaRole.Link);
        var hrefs = new List<string>();
        foreach (var link in await links.AllAsync())
        {
            hrefs.Add(await link.GetAttributeAsync("href") ?? "");
        }
        // In the order of the fields on the page. Two empty passwords do not differ, so "repeat" has nothing to say yet.
        Assert.Equal(["#DisplayName", "#Email", "#Password", "#AcceptPrivacy"], hrefs);
        foreach (var href in hrefs)
        {
            // Every link leads to a field that says it is invalid and points to its own message.
            var field = page.Locator(href);
            await Expect(field).ToHaveCountAsync(1);
            await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            var describedBy = (await field.GetAttributeAsync("aria-describedby"))!.Split(' ');
            Assert.Contains($"{href[1..]}-error", describedBy);
            await Expect(page.Locator($"#{href[1..]}-error")).ToBeVisibleAsync();
        }

        // Following a link puts the keyboard in the field, with its label in sight (not scrolled off the top).
        await links.Nth(3).ClickAsync();
        await Expect(page.GetByLabel("Jeg har lest hvordan Bylab behandler personopplysningene mine")).ToBeFocusedAsync();
        await links.Nth(1).ClickAsync();
        await Expect(page.GetByLabel("E-postadresse")).ToBeFocusedAsync();
        await Expect(page.Locator("label[for=Email]")).ToBeInViewportAsync(new() { Ratio = 1 });
    });
}
