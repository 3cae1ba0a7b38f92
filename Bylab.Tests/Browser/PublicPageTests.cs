using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

public sealed class PublicPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("nb", "Bokmål", "Forside", "Fant ikke siden")]
    [InlineData("nn", "Nynorsk", "Framside", "Fann ikkje sida")]
    [InlineData("en", "English", "Home", "Page not found")]
    public Task PublicPagesAreAccessibleInEveryLanguage(string lang, string button, string home, string notFound) => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = button })).ToHaveAttributeAsync("aria-pressed", "true");

        foreach (var path in new[] { "/", "/tilgjengelighet", "/personvern", "/konto/logg-inn", "/konto/registrer", "/medvirkning", "/ideer" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await AssertInLanguageAsync(page, lang, home);
            await page.AssertAccessibleAsync();
        }

        var missing = await page.GotoAsync("/finnes-ikke");
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(notFound);
        await AssertInLanguageAsync(page, lang, home);
        await page.AssertAccessibleAsync();
    }, lang);

    [Fact]
    public Task SkipLinkIsFirstAndMovesFocusToMain() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Hopp til hovedinnhold" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToHaveAttributeAsync("href", "#main");
        // Hidden until focused, then on screen for sighted keyboard users (WCAG 2.4.7).
        await Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main")).ToBeFocusedAsync();

        // The next Tab goes into the content, past the header: on the login page that is the first field.
        await page.GotoAsync("/konto/logg-inn");
        await page.AssertAccessibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(skipLink).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("E-postadresse")).ToBeFocusedAsync();
    });

    private static async Task AssertInLanguageAsync(IPage page, string lang, string home)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link, new() { Name = home, Exact = true })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("Bylab Hamar$"));
    }
}
