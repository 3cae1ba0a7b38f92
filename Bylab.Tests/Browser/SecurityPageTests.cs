using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>The pages issue 9 added or changed, walked in a real browser with the accessibility check on each.</summary>
public sealed class SecurityPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task AStaffMemberGetsTheirFirstAuthenticatorThroughTheAdminsLink() => InBrowserAsync(async page =>
    {
        var staffEmail = TestData.UniqueEmail("ny-ansatt");
        var staff = await Factory.Users.CreateAsync(email: staffEmail, password: TestData.Password, roles: [Roles.Staff]);

        // The staff member alone: the password leads to the two-factor page, which says a link is needed.
        await SubmitLoginAsync(page, staffEmail, TestData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/min-side/tofaktor$"));
        await Expect(page.GetByText("Be en administrator om å sende deg en lenke")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Slå på tofaktorautentisering" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/min-side/tofaktor/aktiver");
        await Expect(Heading(page)).ToHaveTextAsync("Du trenger en lenke fra en administrator");
        await Expect(page.Locator("#authenticator-key")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        // An admin sends the link from the person's page.
        var adminEmail = TestData.UniqueEmail("admin");
        await Factory.Users.CreateAsync(email: adminEmail, password: TestData.Password, roles: [Roles.Admin]);
        var adminKey = await Factory.EnableTotpAsync(adminEmail);
        await using (var adminContext = await Fixture.NewContextAsync())
        {
            var admin = await adminContext.NewPageAsync();
            await SubmitLoginAsync(admin, adminEmail, TestData.Password);
            await admin.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(adminKey));
            await admin.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
            await admin.GotoAsync($"/admin/brukere/{staff.Id}");
            await Expect(admin.GetByText("De kan bare gjøre det med en lenke du sender")).ToBeVisibleAsync();
            await admin.AssertAccessibleAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Send lenke for tofaktor" }).ClickAsync();
            await Expect(Confirmation(admin)).ToContainTextAsync($"Lenken for å sette opp tofaktor er sendt til {staffEmail}.");
            await admin.AssertAccessibleAsync();
        }

        // The link in the mail opens the setup; the code from the app finishes it, and /admin opens.
        var mail = Assert.Single(await Factory.OutboxForAsync(staffEmail));
        Assert.Equal("Sett opp tofaktorinnlogging hos Bylab Hamar", mail.Subject);
        await page.GotoAsync(BylabClient.FirstLink(mail.TextBody));
        await Expect(Heading(page)).ToHaveTextAsync("Slå på tofaktorautentisering");
        await page.AssertAccessibleAsync();
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Trim();
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft og slå på" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side/tofaktor/gjenopprettingskoder$"));
        await page.GotoAsync("/admin");
        await Expect(Heading(page)).ToHaveTextAsync("Administrasjon");
    });

    [Fact]
    public Task TurningTwoFactorOffAndNewCodesAskForThePassword() => InBrowserAsync(async page =>
    {
        var email = TestData.UniqueEmail("tofaktor-av");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        var key = await Factory.EnableTotpAsync(email);
        await SubmitLoginAsync(page, email, TestData.Password);
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await page.GotoAsync("/min-side/tofaktor");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lag nye gjenopprettingskoder" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Lag nye gjenopprettingskoder");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync("ikke passordet mitt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lag nye gjenopprettingskoder" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Det nåværende passordet er feil.");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lag nye gjenopprettingskoder" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side/tofaktor/gjenopprettingskoder$"));

        await page.GotoAsync("/min-side/tofaktor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Slå av tofaktorautentisering" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Slå av tofaktorautentisering");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Slå av tofaktorautentisering" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync("Tofaktorautentisering er slått av.");
    });

    /// <summary>
    /// Every page issue 9 added or changed, on a phone (375 px) and a desktop (1280 px): nothing scrolls sideways and
    /// axe finds nothing serious at either width. The outbox shows a reset mail with its token hidden.
    /// Screenshots of each go to artifacts/shots/ to be looked at.
    /// </summary>
    [Fact]
    public Task TheNewPagesFitAPhoneAndADesktop() => InBrowserAsync(async page =>
    {
        var adminEmail = TestData.UniqueEmail("admin-med-et-ganske-langt-navn");
        await Factory.Users.CreateAsync(email: adminEmail, password: TestData.Password, roles: [Roles.Admin]);
        var adminKey = await Factory.EnableTotpAsync(adminEmail);
        var staffEmail = TestData.UniqueEmail("ansatt-uten-app");
        var staff = await Factory.Users.CreateAsync(email: staffEmail, password: TestData.Password, roles: [Roles.Staff]);
        const string token = "CfDJ8HemmeligTokenSomIkkeSkalVises";
        await Factory.WithScopeAsync(sp => sp.GetRequiredService<Bylab.Core.Email.IEmailSender>().SendAsync(new Bylab.Core.Email.EmailMessage(
            staffEmail, "Nytt passord hos Bylab Hamar",
            $"Hei!\n\nLag et nytt passord her: http://127.0.0.1/konto/passord/ny?email={staffEmail}&token={token}\n\nHilsen Bylab Hamar")));
        var mailId = await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == staffEmail).Select(m => m.Id).SingleAsync());
        var (consultationId, _) = await Factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        // A theme named as real ones are (the test's unique names are one long word, which no tag can wrap).
        await Factory.WithDbAsync(db => db.Themes.Where(t => db.Consultations.Any(c => c.Id == consultationId && c.ThemeId == t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "Byrom og møteplasser " + consultationId)));
        var author = await Factory.Users.CitizenAsync("trekker");
        var ideaId = (await Factory.Ideas.IdeaAsync(author.Id, consultationId, "Idé som er trukket tilbake", "Det som ikke lenger vises.")).Id;
        await Factory.WithScopeAsync(async sp => await sp.GetRequiredService<IdeaService>().WithdrawAsync(author.Id, ideaId));

        await SubmitLoginAsync(page, adminEmail, TestData.Password);
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(adminKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
        foreach (var (path, name) in new[]
        {
            ("/min-side/tofaktor", "tofaktor-paa"), ("/min-side/tofaktor/nye-koder", "nye-koder"),
            ("/min-side/e-post", "e-post"), ($"/admin/brukere/{staff.Id}", "admin-bruker-lenke"), ($"/admin/utboks/{mailId}", "utboks-maskert"),
            ($"/ideer/{ideaId}", "ide-trukket"), ("/feil/413", "feil-413"),
        })
        {
            await AtBothWidthsAsync(page, path, name);
        }
        await page.GotoAsync($"/admin/utboks/{mailId}");
        await Expect(page.Locator("pre")).ToContainTextAsync("/konto/passord/ny?email=•••&token=•••");
        Assert.DoesNotContain(token, await page.ContentAsync());

        await using var staffContext = await Fixture.NewContextAsync();
        var staffPage = await staffContext.NewPageAsync();
        await SubmitLoginAsync(staffPage, staffEmail, TestData.Password);
        await Expect(staffPage).ToHaveURLAsync(new Regex("/min-side/tofaktor$"));
        await AtBothWidthsAsync(staffPage, "/min-side/tofaktor", "tofaktor-trenger-lenke");
        await AtBothWidthsAsync(staffPage, "/min-side/tofaktor/aktiver", "tofaktor-uten-lenke");

        // Turning two-factor off is for roles that do not need it.
        var citizenEmail = TestData.UniqueEmail("innbygger-med-app");
        await Factory.Users.CreateAsync(email: citizenEmail, password: TestData.Password, roles: [Roles.Citizen]);
        var citizenKey = await Factory.EnableTotpAsync(citizenEmail);
        await using var citizenContext = await Fixture.NewContextAsync();
        var citizenPage = await citizenContext.NewPageAsync();
        await SubmitLoginAsync(citizenPage, citizenEmail, TestData.Password);
        await citizenPage.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(citizenKey));
        await citizenPage.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Expect(citizenPage.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
        await AtBothWidthsAsync(citizenPage, "/min-side/tofaktor/deaktiver", "deaktiver");
    });

    private static async Task AtBothWidthsAsync(IPage page, string path, string name)
    {
        foreach (var (width, height) in new[] { (375, 812), (1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(path);
            // The 413 page is the error page itself; it answers with the status it explains.
            Assert.True(response!.Ok || path == "/feil/413", $"{path} answered {response.Status}");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a {width} px window");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(new() { Path = ShotPath($"security-{name}-{width}.png"), FullPage = true });
        }
    }

    private static string ShotPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bylab.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "shots", name);
            }
        }
        return Path.Combine(Path.GetTempPath(), name);
    }

    [Fact]
    public Task AWithdrawnIdeaAndTheTooLargeFormPageAreReadable() => InBrowserAsync(async page =>
    {
        var (consultationId, _) = await Factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var author = await Factory.Users.CitizenAsync("forfatter");
        var ideaId = (await Factory.Ideas.IdeaAsync(author.Id, consultationId, "Idé som trekkes tilbake", "Teksten som ikke skal vises mer.")).Id;
        await Factory.WithScopeAsync(async sp =>
            Assert.Equal(WithdrawIdeaOutcome.Withdrawn, (await sp.GetRequiredService<IdeaService>().WithdrawAsync(author.Id, ideaId)).Outcome));

        await page.GotoAsync($"/ideer/{ideaId}");
        await Expect(page.GetByText("Forfatteren har trukket tilbake denne ideen")).ToBeVisibleAsync();
        await Expect(page.GetByText("Teksten som ikke skal vises mer.")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/feil/413");
        await Expect(Heading(page)).ToHaveTextAsync("Skjemaet er for stort");
        await page.AssertAccessibleAsync();
    });
}
