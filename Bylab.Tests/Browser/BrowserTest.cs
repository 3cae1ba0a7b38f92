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

    /// <summary>The page's one h1.</summary>
    protected static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The site's main menu; its name follows the language ("Hovedmeny", "Hovudmeny", "Main menu").</summary>
    protected static ILocator MainMenu(IPage page, string name = "Hovedmeny") => page.GetByRole(AriaRole.Navigation, new() { Name = name });

    /// <summary>The confirmation the layout shows after a post/redirect/get (role=status).</summary>
    protected static ILocator Confirmation(IPage page) => page.GetByRole(AriaRole.Status);

    /// <summary>The error summary above a form; its heading names it, in the page's language.</summary>
    protected static ILocator ErrorSummary(IPage page, string name = "Skjemaet har feil som må rettes") =>
        page.GetByRole(AriaRole.Group, new() { Name = name });

    /// <summary>Fills in and submits the login form, opening it first unless the page already shows it (for example after a failed attempt).</summary>
    protected static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        if (!page.Url.Contains("/konto/logg-inn") || await page.GetByLabel("Passord", new() { Exact = true }).CountAsync() == 0)
        {
            await page.GotoAsync("/konto/logg-inn");
        }
        await page.GetByLabel("E-postadresse").FillAsync(email);
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
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
    protected static string ArtifactsFolder()
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
