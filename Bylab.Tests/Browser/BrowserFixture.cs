using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bylab.Tests.Browser;

/// <summary>
/// The real app on Kestrel at a loopback port, and one headless Chromium, shared by every test in the
/// "Browser" collection. Each test gets a fresh browser context (cookies, storage) of its own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFactory Factory { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Where the app listens, for example http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // Playwright never downloads a browser here: it drives the Debian package. test.sh installs it.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}, and it is not there. " +
                "Run ./test.sh (it installs it) or `apt-get install -y chromium`.");
        }

        Factory.UseKestrel(Factory.Port);
        Factory.StartServer();
        BaseUrl = Factory.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // --disable-dev-shm-usage: CI containers often have a 64 MB /dev/shm, too small for Chromium's renderers.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh context: no cookies, bokmål, a desktop-sized window. Relative URLs resolve against the app.</summary>
    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new()
    {
        BaseURL = BaseUrl.ToString(),
        Locale = "nb-NO",
        TimezoneId = "Europe/Oslo",
        ViewportSize = new() { Width = 1280, Height = 900 },
    });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>
/// The test host of the browser tests: the same app and database setup as the HTTP tests, on a loopback port chosen
/// up front, so that its public address – the base of every link in its mails – is where the browser finds it.
/// </summary>
public sealed class BrowserFactory : BylabFactory
{
    public int Port { get; } = FreePort();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Bylab:Site:PublicUrl", $"http://127.0.0.1:{Port}"), new("AllowedHosts", "127.0.0.1")];

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

[CollectionDefinition("Browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
