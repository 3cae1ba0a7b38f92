using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>WCAG 1.4.10 Reflow: at 320 CSS pixels wide (400 % zoom of a 1280 px window) nothing scrolls sideways but data tables.</summary>
public sealed class ReflowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task PagesReflowWithoutSidewaysScrollingOnANarrowScreen() => InBrowserAsync(async page =>
    {
        // A long address and name, as real ones can be: they must wrap, not widen the page.
        var admin = TestData.UniqueEmail("administrator-med-et-langt-navn");
        var user = await Factory.Users.CreateAsync(email: admin, password: TestData.Password, roles: [Roles.Admin]);
        var key = await Factory.EnableTotpAsync(admin);
        await page.SetViewportSizeAsync(320, 640);

        await CheckAsync(page, "/");
        await CheckAsync(page, "/konto/logg-inn");
        await SubmitLoginAsync(page, admin, TestData.Password);
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        // Signed in: on a narrow screen the log-out button sits in the folded menu.
        await Expect(page.Locator("form[action='/konto/logg-ut']")).ToHaveCountAsync(1);

        foreach (var path in new[] { "/min-side", "/min-side/tofaktor", "/admin", "/admin/brukere", $"/admin/brukere/{user.Id}", "/admin/revisjonslogg", "/admin/utboks" })
        {
            await CheckAsync(page, path);
        }
    });

    private static async Task CheckAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 320 px screen");
        await page.AssertAccessibleAsync();
    }
}
