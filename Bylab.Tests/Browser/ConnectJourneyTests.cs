using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Connect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>
/// A citizen signs in to a test client through Bylab (the client's loopback address answered by the browser's own
/// route, so nothing else listens), grants the consent, and later takes it back on Min side; the admin's client pages.
/// Each page is checked with axe, and photographed at 375 and 1280 px into artifacts/connect/.
/// </summary>
public sealed class ConnectJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static string AuthorizeUrl()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = OidcHarness.ClientId, ["redirect_uri"] = OidcHarness.RedirectUri, ["response_type"] = "code",
            ["scope"] = "openid profile email bylab.api", ["state"] = "browser-state", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
    }

    private static async Task ShootAsync(IPage page, string name, ILocator? part = null)
    {
        var folder = Path.Combine(ArtifactsFolder(), "connect");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var file = Path.Combine(folder, $"{name}-{width}.png");
            if (part is null)
            {
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            }
            else
            {
                await part.ScreenshotAsync(new() { Path = file });
            }
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public Task CitizenGrantsAClientAccessAndLaterTakesItBackOnMinSide() => InBrowserAsync(async page =>
    {
        await new OidcHarness(Factory).EnsureClientAsync();
        var email = TestData.UniqueEmail("connect");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        await page.Context.RouteAsync(OidcHarness.RedirectUri + "**", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "text/html", Body = "<!doctype html><html lang=nb><title>Testappen</title><h1>Innlogget</h1></html>",
        }));

        await page.GotoAsync(AuthorizeUrl());
        await Expect(page).ToHaveURLAsync(new Regex("/konto/logg-inn"));
        await SubmitLoginAsync(page, email, TestData.Password);

        await Expect(Heading(page)).ToHaveTextAsync("Vil du logge inn på Testappen for innbyggere med Bylab?");
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "E-postadressen din" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await ShootAsync(page, "consent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gi tilgang" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(OidcHarness.RedirectUri) + @"\?code=.+&state=browser-state"));

        // Signed out and back through the client: the remembered consent is not asked again, and the login form's answer
        // (a redirect through /connect/authorize to the client) is not blocked by the page's form-action policy.
        await page.GotoAsync("/");
        await page.Locator("form[action='/konto/logg-ut'] button").First.ClickAsync();
        await Expect(page.Locator("form[action='/konto/logg-ut']")).ToHaveCountAsync(0);
        await page.GotoAsync(AuthorizeUrl());
        await SubmitLoginAsync(page, email, TestData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(OidcHarness.RedirectUri) + @"\?code=.+&state=browser-state"));

        await page.GotoAsync("/min-side#tilkoblede-tjenester");
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Tilkoblede tjenester" });
        await Expect(section).ToContainTextAsync("Testappen for innbyggere");
        await Expect(section).ToContainTextAsync("Stemme og trekke stemmer på ideer");
        await Expect(section).Not.ToContainTextAsync("<time");
        await page.AssertAccessibleAsync();
        await section.ScrollIntoViewIfNeededAsync();
        await ShootAsync(page, "min-side", section);
        await section.GetByRole(AriaRole.Button, new() { Name = "Ta tilbake tilgangen for Testappen for innbyggere" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync("Tilgangen er tatt tilbake.");
        await Expect(section).ToContainTextAsync("Du har ikke gitt noen andre tjenester tilgang");
        await page.AssertAccessibleAsync();
    });

    [Fact]
    public Task AdminRegistersAClientOnAccessiblePages() => InBrowserAsync(async page =>
    {
        var email = TestData.UniqueEmail("connect-admin");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Admin]);
        var key = await Factory.EnableTotpAsync(email);
        await page.LogInWithTotpAsync(email, key);

        await page.GotoAsync("/admin/klienter");
        await Expect(Heading(page)).ToHaveTextAsync("Klienter (innlogging med Bylab)");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrer en klient" }).ClickAsync();
        await page.GetByLabel("Klient-ID").FillAsync("kulturhuset-" + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByLabel("Navn innbyggerne ser").FillAsync("Kulturhuset");
        await page.GetByLabel("Adresser tilbake etter innlogging").FillAsync("http://kulturhuset.example/cb");
        await page.GetByLabel("Konfidensiell klient (har en hemmelighet på en server)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre klienten" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("http://kulturhuset.example/cb");
        await page.AssertAccessibleAsync();
        await ShootAsync(page, "admin-client-form", page.Locator("main"));
        await page.GetByLabel("Adresser tilbake etter innlogging").FillAsync("https://kulturhuset.example/cb");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre klienten" }).ClickAsync();
        await Expect(page.GetByLabel("Klienthemmelighet")).Not.ToBeEmptyAsync();
        await page.AssertAccessibleAsync();
    });
}
