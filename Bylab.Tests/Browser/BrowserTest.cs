using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Bylab.Tests.Browser;

/// <summary>
/// Base of the browser tests: one shared app and Chromium (the "Browser" collection), a fresh context per test,
/// and a screenshot plus the page's HTML in artifacts/screenshots when a test fails (never otherwise).
/// </summary>
[Collection("Browser")]
public abstract class BrowserTest(BrowserFixture fixture)
{
    protected BrowserFixture Fixture => fixture;
    protected BrowserFactory Factory => fixture.Factory;

    /// <summary>Runs the steps of one test in a new browser context.</summary>
    /// <param name="variant">Tells the cases of a theory apart in the names of failure screenshots.</param>
    protected async Task InBrowserAsync(Func<IPage, Task> steps, string? variant = null, [CallerMemberName] string test = "")
    {
        await using var context = await fixture.NewContextAsync();
        // Fail fast with the step that hangs, instead of Playwright's default 30 s per action.
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        try
        {
            await steps(page);
        }
        catch
        {
            await SaveFailureAsync(page, variant is null ? test : $"{test}-{variant}");
            throw;
        }
    }

    private async Task SaveFailureAsync(IPage page, string name)
    {
        try
        {
            var folder = Path.Combine(ArtifactsFolder(), "screenshots");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{GetType().Name}.{name}");
            await page.ScreenshotAsync(new() { Path = file + ".png", FullPage = true, Timeout = 5_000 });
            await File.WriteAllTextAsync(file + ".html", $"<!-- {page.Url} -->\n" + await page.ContentAsync());
        }
        catch (Exception e)
        {
            // The test's own failure is what matters; a page that cannot be photographed must not hide it.
            Console.Error.WriteLine($"Could not save a screenshot of the failed test {name}: {e.Message}");
        }
    }

    /// <summary>artifacts/ at the repository root, or BYLAB_ARTIFACTS when test.sh sets it.</summary>
    private static string ArtifactsFolder()
    {
        if (Environment.GetEnvironmentVariable("BYLAB_ARTIFACTS") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bylab.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "artifacts");
    }
}
