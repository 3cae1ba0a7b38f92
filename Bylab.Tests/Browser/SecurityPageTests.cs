using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin.Ideas;
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
        var staff = await Factory.CreateUserAsync(staffEmail, TestData.Password, Roles.Staff);

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
        await Factory.CreateUserAsync(adminEmail, TestData.Password, Roles.Admin);
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
        await Factory.CreateUserAsync(email, TestData.Password, Roles.Citizen);
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

    [Fact]
    public Task AWithdrawnIdeaAndTheTooLargeFormPageAreReadable() => InBrowserAsync(async page =>
    {
        var (consultationId, _) = await Factory.OpenConsultationAsync();
        var author = await Factory.CitizenAsync("forfatter");
        var ideaId = await Factory.IdeaAsync(author.Id, consultationId, "Idé som trekkes tilbake", "Teksten som ikke skal vises mer.");
        await Factory.WithScopeAsync(async sp =>
            Assert.Equal(WithdrawIdeaOutcome.Withdrawn, await sp.GetRequiredService<IdeaService>().WithdrawAsync(author.Id, ideaId)));

        await page.GotoAsync($"/ideer/{ideaId}");
        await Expect(page.GetByText("Forfatteren har trukket tilbake denne ideen")).ToBeVisibleAsync();
        await Expect(page.GetByText("Teksten som ikke skal vises mer.")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/feil/413");
        await Expect(Heading(page)).ToHaveTextAsync("Skjemaet er for stort");
        await page.AssertAccessibleAsync();
    });
}
