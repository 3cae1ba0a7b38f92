using Microsoft.Playwright;

namespace Bylab.Tests.Browser;

/// <summary>The accessibility check every browser test relies on must be able to fail, and say why.</summary>
public sealed class AccessibilityCheckTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task AccessibilityCheckFailsOnAnUnlabelledField() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=\"unlabelled\" type=\"text\">')");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(page.AssertAccessibleAsync);
        Assert.Contains("- label (critical):", failure.Message);
        Assert.Contains("#unlabelled", failure.Message);
    });
}
