using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>The account pages beside registration and login: forgotten password, a new confirmation link, lockout.</summary>
public sealed class AccountPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string NewPassword = "nytt passord etter glemt passord";

    [Fact]
    public Task CitizenResetsForgottenPasswordThroughTheMailedLink() => InBrowserAsync(async page =>
    {
        var email = TestData.UniqueEmail("glemt");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);

        await page.GotoAsync("/konto/logg-inn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Glemt passordet?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/konto/passord/glemt$"));
        await Expect(Heading(page)).ToHaveTextAsync("Glemt passord");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("E-postadresse").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send lenke" }).ClickAsync();

        await Expect(page.GetByText("Hvis adressen hører til en konto hos oss, har vi sendt en lenke dit.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        var mail = Assert.Single(await Factory.OutboxForAsync(email));
        Assert.Equal("Lag nytt passord hos Bylab Hamar", mail.Subject);
        await page.GotoAsync(BylabClient.FirstLink(mail.TextBody));
        await Expect(page).ToHaveURLAsync(new Regex("/konto/passord/ny\\?"));
        await Expect(Heading(page)).ToHaveTextAsync("Lag nytt passord");
        await Expect(page.GetByLabel("E-postadresse")).ToHaveValueAsync(email);
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Nytt passord").FillAsync(NewPassword);
        await page.GetByLabel("Gjenta passordet").FillAsync(NewPassword + " ikke likt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre nytt passord" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Passordene er ikke like.");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Nytt passord").FillAsync(NewPassword);
        await page.GetByLabel("Gjenta passordet").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre nytt passord" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/konto/logg-inn$"));
        await Expect(Confirmation(page)).ToContainTextAsync("Passordet er endret.");

        await SubmitLoginAsync(page, email, NewPassword);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task UnconfirmedCitizenAsksForANewConfirmationLink() => InBrowserAsync(async page =>
    {
        var email = TestData.UniqueEmail("ubekreftet");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        await Factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.EmailConfirmed = false;
            await users.UpdateAsync(user);
        });

        await SubmitLoginAsync(page, email, TestData.Password);
        await Expect(ErrorSummary(page)).ToContainTextAsync("Du må bekrefte e-postadressen før du kan logge inn.");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Fikk du ingen e-post? Send bekreftelsen på nytt" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/konto/send-bekreftelse$"));
        await Expect(Heading(page)).ToHaveTextAsync("Send bekreftelsen på nytt");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send ny lenke" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Skriv e-postadressen din.");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("E-postadresse").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send ny lenke" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Sjekk e-posten din");

        var mail = Assert.Single(await Factory.OutboxForAsync(email));
        await page.GotoAsync(BylabClient.FirstLink(mail.TextBody));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft e-postadressen" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync("E-postadressen er bekreftet");
        await SubmitLoginAsync(page, email, TestData.Password);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task RepeatedWrongPasswordsLockTheAccount() => InBrowserAsync(async page =>
    {
        var email = TestData.UniqueEmail("sperret");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);

        await SubmitLoginAsync(page, email, "feil passord nummer 1");
        await Expect(ErrorSummary(page)).ToContainTextAsync("E-postadressen eller passordet er feil.");
        await page.AssertAccessibleAsync();
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await Expect(Heading(page)).ToHaveTextAsync("Logg inn");
            await SubmitLoginAsync(page, email, $"feil passord nummer {attempt}");
        }

        await Expect(Heading(page)).ToHaveTextAsync("Kontoen er midlertidig låst");
        await Expect(page.GetByText("Det har vært for mange mislykkede forsøk på å logge inn.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // Even the right password waits out the lockout; the way out is a new password.
        await SubmitLoginAsync(page, email, TestData.Password);
        await Expect(Heading(page)).ToHaveTextAsync("Kontoen er midlertidig låst");
        await page.GetByRole(AriaRole.Link, new() { Name = "Glemt passordet?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/konto/passord/glemt$"));
    });
}
