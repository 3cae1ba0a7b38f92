using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>Min side, every page of it, walked by a signed-in citizen.</summary>
public sealed class ProfilePageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string NewPassword = "et helt nytt og langt passord";

    [Fact]
    public Task CitizenChangesPasswordEmailNameAndLanguageOnMinSide() => InBrowserAsync(async page =>
    {
        var email = TestData.UniqueEmail("minside");
        var newEmail = TestData.UniqueEmail("ny-adresse");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        await SubmitLoginAsync(page, email, TestData.Password);

        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Min side" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side$"));
        await Expect(Heading(page)).ToHaveTextAsync("Min side");
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = email })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Last ned dataene mine" }).ClickAsync());
        Assert.Equal("bylab-mine-data.json", download.SuggestedFilename);
        Assert.Contains(email, await File.ReadAllTextAsync((await download.PathAsync())!));

        // Password: a wrong current password is refused in the summary, then the change goes through.
        await page.GetByRole(AriaRole.Link, new() { Name = "Bytt passord" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side/passord$"));
        await Expect(Heading(page)).ToHaveTextAsync("Bytt passord");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Nåværende passord").FillAsync("ikke det riktige passordet");
        await page.GetByLabel("Nytt passord", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Gjenta det nye passordet").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bytt passord" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Det nåværende passordet er feil.");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Nåværende passord").FillAsync(TestData.Password);
        await page.GetByLabel("Nytt passord", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Gjenta det nye passordet").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bytt passord" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side$"));
        await Expect(Confirmation(page)).ToContainTextAsync("Passordet er byttet.");

        // E-mail: a link goes to the new address, and the change happens when it is confirmed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Bytt e-postadresse" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side/e-post$"));
        await Expect(Heading(page)).ToHaveTextAsync("Bytt e-postadresse");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Ny e-postadresse").FillAsync(newEmail);
        // The password is asked again: a new address can take over the account.
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send bekreftelse" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync($"Vi har sendt en lenke til {newEmail}.");
        var mail = Assert.Single(await Factory.OutboxForAsync(newEmail));
        await page.GotoAsync(BylabClient.FirstLink(mail.TextBody));
        await Expect(Heading(page)).ToHaveTextAsync("Bekreft ny e-postadresse");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft ny adresse" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync($"E-postadressen din er nå {newEmail}.");
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = newEmail })).ToBeVisibleAsync();

        // Name and language: the saved language takes over the site at once.
        await page.GetByRole(AriaRole.Link, new() { Name = "Endre navn og språk" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side/rediger$"));
        await Expect(Heading(page)).ToHaveTextAsync("Endre navn og språk");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Skriv navnet ditt.");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Kari Nordmann-Hansen");
        await page.GetByRole(AriaRole.Group, new() { Name = "Språk" }).GetByRole(AriaRole.Radio, new() { Name = "Nynorsk" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nn");
        await Expect(Heading(page)).ToHaveTextAsync("Mi side");
        await Expect(Confirmation(page)).ToContainTextAsync("Endringane er lagra.");
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Kari Nordmann-Hansen" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // The new address and the new password are what open the account now.
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await SubmitLoginAsync(page, email, NewPassword);
        await Expect(ErrorSummary(page, "Skjemaet har feil som må rettast")).ToContainTextAsync("E-postadressa eller passordet er feil.");
        await SubmitLoginAsync(page, newEmail, NewPassword);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task CitizenTurnsOnTwoFactorAndSignsInWithARecoveryCode() => InBrowserAsync(async page =>
    {
        var email = TestData.UniqueEmail("tofaktor");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        await SubmitLoginAsync(page, email, TestData.Password);
        await page.GotoAsync("/min-side");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tofaktorautentisering" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side/tofaktor$"));
        await Expect(Heading(page)).ToHaveTextAsync("Tofaktorautentisering");
        await Expect(page.GetByText("Tofaktorautentisering er slått av.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Slå på tofaktorautentisering" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side/tofaktor/aktiver$"));
        await Expect(Heading(page)).ToHaveTextAsync("Slå på tofaktorautentisering");
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR-kode for å legge Bylab Hamar til i autentiseringsappen" });
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image does not load.");
        await page.AssertAccessibleAsync();

        // The key as a person would type it into the app, from the page itself.
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Trim();
        Assert.Matches(new Regex("^[a-z2-7 ]{16,}$", RegexOptions.IgnoreCase), key);
        var code = Totp.Code(key);
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(((int.Parse(code) + 500_000) % 1_000_000).ToString("D6"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft og slå på" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToBeVisibleAsync();
        await Expect(page.Locator("#authenticator-key")).ToHaveTextAsync(key);
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft og slå på" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/min-side/tofaktor/gjenopprettingskoder$"));
        await Expect(Heading(page)).ToHaveTextAsync("Gjenopprettingskodene dine");
        await Expect(Confirmation(page)).ToContainTextAsync("Tofaktorautentisering er slått på.");
        var codes = await page.GetByRole(AriaRole.List, new() { Name = "Gjenopprettingskodene dine" }).GetByRole(AriaRole.Listitem).AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Jeg har tatt vare på kodene" }).ClickAsync();
        await Expect(page.GetByText("Tofaktorautentisering er slått på.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Du har 10 ubrukte gjenopprettingskoder.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // Next time: password, then the code page, where a lost phone leads to the recovery code page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await SubmitLoginAsync(page, email, TestData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/konto/logg-inn/kode"));
        await Expect(Heading(page)).ToHaveTextAsync("Tofaktorautentisering");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Har du ikke tilgang til appen? Bruk en gjenopprettingskode" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/konto/logg-inn/gjenopprettingskode"));
        await Expect(Heading(page)).ToHaveTextAsync("Logg inn med gjenopprettingskode");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Gjenopprettingskode").FillAsync(codes[3].Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
        await page.GotoAsync("/min-side/tofaktor");
        await Expect(page.GetByText("Du har 9 ubrukte gjenopprettingskoder.")).ToBeVisibleAsync();
    });

    [Fact]
    public Task CitizenDeletesTheirAccount() => InBrowserAsync(async page =>
    {
        var email = TestData.UniqueEmail("slett");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        await SubmitLoginAsync(page, email, TestData.Password);
        await page.GotoAsync("/min-side");

        await page.GetByRole(AriaRole.Link, new() { Name = "Slett kontoen min" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/min-side/slett$"));
        await Expect(Heading(page)).ToHaveTextAsync("Slett kontoen min");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync("ikke det riktige passordet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Slett kontoen for godt" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Passordet er feil.");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Slett kontoen for godt" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(Confirmation(page)).ToContainTextAsync("Kontoen din er slettet.");
        await Expect(MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Logg inn" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await Factory.WithScopeAsync(async sp =>
            Assert.Null(await sp.GetRequiredService<UserManager<BylabUser>>().FindByEmailAsync(email)));
    });
}
