using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Core.Email;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

public sealed class AdminJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task AdminLogsInWithTotpAndChangesARole() => InBrowserAsync(async page =>
    {
        var admin = TestData.UniqueEmail("admin");
        await Factory.Users.CreateAsync(email: admin, password: TestData.Password, roles: [Roles.Admin]);
        var key = await Factory.EnableTotpAsync(admin);
        var citizen = TestData.UniqueEmail("innbygger");
        await Factory.Users.CreateAsync(email: citizen, password: TestData.Password, roles: [Roles.Citizen]);
        var citizenName = citizen.Split('@')[0];

        // Password first, then the code from the authenticator app.
        await SubmitLoginAsync(page, admin, TestData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/konto/logg-inn/kode"));
        await Expect(Heading(page)).ToHaveTextAsync("Tofaktorautentisering");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();

        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Administrasjon" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await Expect(Heading(page)).ToHaveTextAsync("Administrasjon");
        // The dashboard says what an admin does there, with the counts of it.
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Brukere og revisjonslogg" }).Locator("[data-count=users]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        var adminMenu = page.GetByRole(AriaRole.Navigation, new() { Name = "Administrasjon" });
        await adminMenu.GetByRole(AriaRole.Link, new() { Name = "Brukere" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Brukere");
        await Expect(adminMenu.GetByRole(AriaRole.Link, new() { Name = "Brukere" })).ToHaveAttributeAsync("aria-current", "page");
        await page.AssertAccessibleAsync();

        var search = page.GetByRole(AriaRole.Search, new() { Name = "Søk i brukere" });
        await search.GetByLabel("Navn eller e-post").FillAsync(citizen);
        await search.GetByRole(AriaRole.Button, new() { Name = "Søk" }).ClickAsync();
        var users = page.GetByRole(AriaRole.Table, new() { Name = "Brukere (1 i alt)" });
        await Expect(users).ToBeVisibleAsync();
        await Expect(users.GetByRole(AriaRole.Row).Filter(new() { HasText = citizen })).ToContainTextAsync("Innbygger");
        await page.AssertAccessibleAsync();

        await users.GetByRole(AriaRole.Link, new() { Name = citizenName }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync(citizenName);
        var roles = page.GetByRole(AriaRole.Group, new() { Name = "Hvilke roller skal personen ha?" });
        await Expect(roles.GetByLabel("Innbygger")).ToBeCheckedAsync();
        await Expect(roles.GetByLabel("Arrangør")).Not.ToBeCheckedAsync();
        await page.AssertAccessibleAsync();

        await roles.GetByLabel("Arrangør").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre roller" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync("Rollene er lagret.");
        await Expect(roles.GetByLabel("Arrangør")).ToBeCheckedAsync();
        await Expect(roles.GetByLabel("Innbygger")).ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        await Factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<UserManager<BylabUser>>();
            Assert.Equal([Roles.Citizen, Roles.Organiser], (await manager.GetRolesAsync((await manager.FindByEmailAsync(citizen))!)).Order());
        });

        // The change is in the audit log, with who did it, and leads back to the account.
        await adminMenu.GetByRole(AriaRole.Link, new() { Name = "Revisjonslogg" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/revisjonslogg$"));
        await Expect(Heading(page)).ToHaveTextAsync("Revisjonslogg");
        var entry = page.GetByRole(AriaRole.Row).Filter(new() { HasText = citizen });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("Roller endret");
        await Expect(entry).ToContainTextAsync(admin.Split('@')[0]);
        // The role by its name, not its code.
        await Expect(entry).ToContainTextAsync("fikk Arrangør");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Handling").SelectOptionAsync(new SelectOptionValue { Label = "Roller endret" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("handling=user.roles.changed"));
        await Expect(entry).ToHaveCountAsync(1);
        // The entry links to the account by the person's name.
        await entry.GetByRole(AriaRole.Link, new() { Name = citizenName }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync(citizenName);
    });

    [Fact]
    public Task StaffReadsAMessageInTheOutbox() => InBrowserAsync(async page =>
    {
        var staff = TestData.UniqueEmail("ansatt");
        await Factory.Users.CreateAsync(email: staff, password: TestData.Password, roles: [Roles.Staff]);
        var key = await Factory.EnableTotpAsync(staff);
        var recipient = TestData.UniqueEmail("mottaker");
        await Factory.WithScopeAsync(sp => sp.GetRequiredService<IEmailSender>().SendAsync(
            new EmailMessage(recipient, "Velkommen til åpent verksted", "Hei!\n\nVi ses på Bylab torsdag klokka 18.\n\nHilsen Bylab Hamar")));

        await SubmitLoginAsync(page, staff, TestData.Password);
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Administrasjon" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Administrasjon");

        // Staff run the day to day (ideas, consultations, themes, outbox); users and the audit log are for admins, and the menu does not offer them.
        var adminMenu = page.GetByRole(AriaRole.Navigation, new() { Name = "Administrasjon" });
        await Expect(adminMenu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Oversikt", "Ideer", "Medvirkninger", "Temaer", "Utboks", "Arrangementer", "Bookinger", "Lokalet", "Organisasjoner"]);
        await page.AssertAccessibleAsync();

        await adminMenu.GetByRole(AriaRole.Link, new() { Name = "Utboks" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/utboks$"));
        await Expect(Heading(page)).ToHaveTextAsync("Utboks");
        await page.AssertAccessibleAsync();

        var search = page.GetByRole(AriaRole.Search, new() { Name = "Søk i utboksen" });
        await search.GetByLabel("Mottaker").FillAsync(recipient);
        await search.GetByRole(AriaRole.Button, new() { Name = "Søk" }).ClickAsync();
        var messages = page.GetByRole(AriaRole.Table, new() { Name = "E-poster i utboksen (1 i alt)" });
        await Expect(messages).ToContainTextAsync(recipient);
        await page.AssertAccessibleAsync();

        await messages.GetByRole(AriaRole.Link, new() { Name = "Velkommen til åpent verksted" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Velkommen til åpent verksted");
        await Expect(page.Locator("pre")).ToContainTextAsync("Vi ses på Bylab torsdag klokka 18.");
        await Expect(page.GetByText(recipient)).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Tilbake til utboksen" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Utboks");
        var forbidden = await page.GotoAsync("/admin/brukere");
        Assert.Equal(403, forbidden!.Status);
        await page.AssertAccessibleAsync();
    });
}
