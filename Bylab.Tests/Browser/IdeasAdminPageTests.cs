using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

public sealed class IdeasAdminPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task StaffMaintainThemesAndConsultationsAndAnswerAnIdea()
    {
        var (consultationId, _) = await Factory.Ideas.ConsultationAsync($"Lys i parkene {Guid.NewGuid():N}"[..22]);
        var author = await Factory.Users.CitizenAsync("forfatter");
        var title = $"Lys langs Mjøsstien {Guid.NewGuid():N}"[..26];
        var ideaId = (await Factory.Ideas.IdeaAsync(author.Id, consultationId, title)).Id;
        var staff = await StaffAsync(Factory);

        await InBrowserAsync(async page =>
        {
            await page.LogInWithTotpAsync(staff.Email, staff.Key);

            await page.GotoAsync("/admin");
            await page.AssertAccessibleAsync();
            await AdminMenu(page).GetByRole(AriaRole.Link, new() { Name = "Temaer" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Temaer");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Nytt tema" }).ClickAsync();
            await page.GetByLabel("Tittel").FillAsync("Levende sentrum " + ideaId);
            await page.GetByLabel("Kort beskrivelse").FillAsync("Folk i gatene hele året.");
            await page.GetByLabel("Hvor er vi?").FillAsync("Tomme lokaler i Torggata.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opprett temaet" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Temaet er opprettet.");
            await page.GetByRole(AriaRole.Link, new() { Name = "Levende sentrum " + ideaId }).ClickAsync();
            await Expect(page.GetByLabel("Hvor er vi?")).ToHaveValueAsync("Tomme lokaler i Torggata.");
            await page.AssertAccessibleAsync();

            await AdminMenu(page).GetByRole(AriaRole.Link, new() { Name = "Medvirkninger" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Medvirkninger");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ny medvirkning" }).ClickAsync();
            await page.GetByLabel("Tittel").FillAsync("Torggata etter klokka fem");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opprett medvirkningen" }).ClickAsync();
            var summary = page.GetByRole(AriaRole.Group, new() { Name = "Skjemaet har feil som må rettes" });
            await Expect(summary).ToBeFocusedAsync();
            await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Skriv en beskrivelse." })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Tittel")).ToHaveValueAsync("Torggata etter klokka fem");
            await page.AssertAccessibleAsync();

            await AdminMenu(page).GetByRole(AriaRole.Link, new() { Name = "Ideer" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Ideer");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/admin/ideer/{ideaId}$"));
            await Expect(Heading(page)).ToHaveTextAsync(title);
            await page.AssertAccessibleAsync();
            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vurderes" });
            await page.GetByLabel("Svar", new() { Exact = true }).FillAsync("Vi ser på **belysning** i budsjettet for neste år.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og send svaret" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Svaret er lagret");
            await Expect(page.Locator("#current-answer")).ToContainTextAsync("Vi ser på belysning i budsjettet for neste år.");
            await page.AssertAccessibleAsync();
        });

        var mail = Assert.Single(await Factory.OutboxForAsync(author.Email!));
        Assert.Contains("Status: Vurderes", mail.TextBody);
    }

    internal static async Task<(string Email, string Key)> StaffAsync(BylabFactory factory)
    {
        var email = TestData.UniqueEmail("ansatt");
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Staff]);
        return (email, await factory.EnableTotpAsync(email));
    }

    private static ILocator AdminMenu(IPage page) => page.Locator("nav.admin-nav");

}

internal static class BrowserLogins
{
    public static async Task LogInAsync(this IPage page, string email)
    {
        await page.GotoAsync("/konto/logg-inn");
        await page.GetByLabel("E-postadresse").FillAsync(email);
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Expect(page.Locator("form[action='/konto/logg-ut']")).ToHaveCountAsync(1);
    }

    public static async Task LogInWithTotpAsync(this IPage page, string email, string key)
    {
        await page.GotoAsync("/konto/logg-inn");
        await page.GetByLabel("E-postadresse").FillAsync(email);
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Expect(page.Locator("form[action='/konto/logg-ut']")).ToHaveCountAsync(1);
    }
}
