using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>
/// The loopback «ID-porten», a Bylab host on Kestrel configured for it, and one Chromium: the eID sign-in in a real
/// browser, redirects and cookies as they really go. A collection of its own, so the other browser tests keep a login
/// page without the button.
/// </summary>
public sealed class ExternalLoginBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public LoopbackIdProvider Provider { get; private set; } = null!;
    public ExternalBrowserFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {BrowserFixture.ChromiumPath}. Run ./test.sh or `apt-get install -y chromium`.");
        }
        Provider = await LoopbackIdProvider.StartAsync();
        Factory = new ExternalBrowserFactory(Provider);
        Provider.RedirectUri = $"http://127.0.0.1:{Factory.Port}/konto/ekstern/svar";
        Factory.UseKestrel(Factory.Port);
        Factory.StartServer();
        // The first sign-in reads the provider's metadata and keys and warms both hosts up; on a busy machine that is
        // seconds, which belong in the set-up, not in the step a test times.
        using (var warm = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) })
        {
            await warm.GetAsync(Provider.Authority + ".well-known/openid-configuration");
            var challenge = await warm.GetAsync($"http://127.0.0.1:{Factory.Port}/konto/ekstern");
            await warm.GetAsync(challenge.Headers.Location);
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}

public sealed class ExternalBrowserFactory(LoopbackIdProvider provider) : BylabFactory
{
    public int Port { get; } = BrowserFactory.FreePort();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Bylab:Site:PublicUrl", $"http://127.0.0.1:{Port}"), new("AllowedHosts", "127.0.0.1"), .. provider.Settings];
}

[CollectionDefinition("ExternalLoginBrowser")]
public sealed class ExternalLoginBrowserCollection : ICollectionFixture<ExternalLoginBrowserFixture>;

[Collection("ExternalLoginBrowser")]
public sealed class ExternalLoginJourneyTests(ExternalLoginBrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task ACitizenSignsInWithIdPortenAndLandsOnTheirLinkedAccount(int width, int height)
    {
        var kari = await fixture.Factory.Users.CitizenAsync("eid-nettleser");
        fixture.Provider.Person = new TestPerson("sub-" + Guid.NewGuid().ToString("N"), kari.Email!, true, "Kari fra ID-porten");
        await using var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = $"http://127.0.0.1:{fixture.Factory.Port}/",
            Locale = "nb-NO",
            TimezoneId = "Europe/Oslo",
            ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/konto/logg-inn");
        await page.AssertAccessibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot($"login-{width}.png"), FullPage = true });
        // A full-page screenshot resizes the page for a moment: load it again before clicking.
        await page.GotoAsync("/konto/logg-inn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logg inn med ID-porten" }).ClickAsync(new() { Timeout = 30_000 });

        // Back from the provider, signed in to the account that had confirmed the address (not a new one).
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("form[action='/konto/logg-ut']")).ToHaveCountAsync(1);
        await page.GotoAsync("/min-side");
        await Expect(page.Locator("#verified dd")).ToContainTextAsync("Verifisert med ID-porten");
        await Expect(page.GetByText(kari.DisplayName).First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot($"min-side-{width}.png"), FullPage = true });
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px too wide");
    }

    /// <summary>The layouts to look at, beside the tour's (artifacts/eid/).</summary>
    private static string Shot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("BYLAB_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(Path.GetTempPath(), "bylab-artifacts");
        Directory.CreateDirectory(Path.Combine(folder, "eid"));
        return Path.Combine(folder, "eid", name);
    }
}
