using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>The page that documents the open API: reached from the footer and the open-data page, accessible, no sideways scrolling on a phone.</summary>
public sealed class ApiDocsPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public Task TheApiPageIsReachedFromTheOpenDataPageAndReadsOnAPhone(int width, int height) => InBrowserAsync(async page =>
    {
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/apne-data/medvirkning");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Åpent API for utviklere" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Åpent API");
        await Expect(page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Åpent API" })).ToHaveAttributeAsync("href", "/apne-data/api");
        await Expect(page.Locator("#api-endpoints")).ToContainTextAsync("GET /api/v1/ideas");
        await page.AssertAccessibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the API page is {overflow} px too wide at {width} px");

        // The OpenAPI document it links to is there.
        var document = await page.Context.APIRequest.GetAsync("/api/v1/openapi.json");
        Assert.Equal(200, document.Status);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder(), $"api-docs-{width}.png"), FullPage = true });
    }, width.ToString());
}
