using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

public sealed class OrganiseJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Label(IPage page, string text) => page.GetByLabel(text, new() { Exact = true });

    [Fact]
    public async Task StaffCreatePublishAndCheckSomeoneInAtTheDoor()
    {
        var staff = TestData.UniqueEmail("ansatt");
        await Factory.Users.CreateAsync(email: staff, password: TestData.Password, roles: [Roles.Staff]);
        var key = await Factory.EnableTotpAsync(staff);
        var title = $"Hamar mot 2030: åpent møte {Guid.NewGuid():N}"[..36];

        await InBrowserAsync(async page =>
        {
            await page.LogInWithTotpAsync(staff, key);
            await page.GotoAsync("/admin");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Administrasjon" }).GetByRole(AriaRole.Link, new() { Name = "Arrangementer" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Arrangementer du styrer");
            await page.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Nytt arrangement" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Nytt arrangement");
            await page.AssertAccessibleAsync();
            await Label(page, "Tittel").FillAsync(title);
            await Label(page, "Kort omtale").FillAsync("Hvordan vil vi at Hamar skal være i 2030?");
            await Label(page, "Beskrivelse").FillAsync("Vi snakker om **strategien** og hører hva du mener.");
            await Label(page, "Arrangør").SelectOptionAsync(new SelectOptionValue { Label = "Hamar kommune" });
            await Label(page, "Starter").FillAsync("2027-09-21T18:00");
            await Label(page, "Slutter").FillAsync("2027-09-21T17:00");
            await Label(page, "Digitalt").CheckAsync();
            await Label(page, "Lenke til digitalt møte").FillAsync("https://example.org/hamar-2030");
            await Label(page, "Antall plasser").FillAsync("30");
            await Label(page, "Hvor mange ledsagere kan hver ta med?").FillAsync("2");
            await Label(page, "Spør om behov for tilrettelegging eller mat").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre som kladd" }).ClickAsync();

            var summary = ErrorSummary(page);
            await Expect(summary).ToBeFocusedAsync();
            await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Slutten må være etter starten." })).ToBeVisibleAsync();
            await Expect(Label(page, "Tittel")).ToHaveValueAsync(title);
            await Expect(Label(page, "Digitalt")).ToBeCheckedAsync();
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("organise-form-errors.png"), FullPage = true });

            await Label(page, "Slutter").FillAsync("2027-09-21T20:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre som kladd" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("lagret som kladd");
            await Expect(Heading(page)).ToHaveTextAsync(title);
            await page.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Publiser" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("publisert");
            await page.AssertAccessibleAsync();

            // Two people sign up (straight through the service: the public pages are another part's).
            var id = int.Parse(Regex.Match(page.Url, @"/arrangementer/(\d+)").Groups[1].Value);
            var kari = await Factory.Events.SignUpGuestAsync(id, "Kari Nordmann", companions: 1, needs: "Trinnfri adkomst");
            var ola = await Factory.Events.SignUpGuestAsync(id, "Ola Nordmann");
            await page.ReloadAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Påmeldte (2)" })).ToContainTextAsync("Trinnfri adkomst");
            await page.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Avlys" }).ClickAsync();
            await Expect(Heading(page)).ToContainTextAsync("Avlys");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Tilbake til arrangementet" }).ClickAsync();

            // The evening comes: check-in opens two hours before the start (Bylab:Events:CheckInOpensHoursBefore).
            await Factory.WithDbAsync(db => db.Events.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.StartsAt, DateTime.UtcNow.AddHours(1)).SetProperty(e => e.EndsAt, DateTime.UtcNow.AddHours(3))));

            // At the door, on a phone.
            await page.SetViewportSizeAsync(390, 844);
            await page.GetByRole(AriaRole.Link, new() { Name = "Innsjekk ved døren" }).ClickAsync();
            await Expect(Heading(page)).ToContainTextAsync("Innsjekk");
            await page.AssertAccessibleAsync();
            var search = page.GetByRole(AriaRole.Search, new() { Name = "Finn deltaker" });
            await search.GetByLabel("Navn, e-post eller kode").FillAsync("kari");
            await search.GetByRole(AriaRole.Button, new() { Name = "Søk" }).ClickAsync();
            await Expect(page.GetByText("Kari Nordmann (+1)")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sjekk inn Kari Nordmann" }).ClickAsync();
            await Expect(Confirmation(page)).ToHaveTextAsync("Kari Nordmann (+1) er sjekket inn.");
            await Expect(page.Locator("#door-count")).ToHaveTextAsync("2 av 3 har møtt");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("organise-door-phone.png"), FullPage = true });

            // Ola shows the QR code; the phone opens its address.
            await page.GotoAsync($"/arrangor/innsjekk/{ola.CheckInCode}");
            await Expect(Heading(page)).ToHaveTextAsync("Sjekk inn deltaker");
            await page.AssertAccessibleAsync();
            Assert.Null((await Factory.Events.RegistrationOfAsync(id, ola.Email)).CheckedInAt);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sjekk inn" }).ClickAsync();
            await Expect(Confirmation(page)).ToHaveTextAsync("Ola Nordmann er sjekket inn.");
            await page.AssertAccessibleAsync();
            Assert.NotNull((await Factory.Events.RegistrationOfAsync(id, kari.Email)).CheckedInAt);
            Assert.NotNull((await Factory.Events.RegistrationOfAsync(id, ola.Email)).CheckedInAt);

            // Ola is checked in, so the question page offers no remove button, only to undo the check-in.
            var olaId = (await Factory.Events.RegistrationOfAsync(id, ola.Email)).Id;
            var remove = $"/arrangor/arrangementer/{id}/deltakere/{olaId}/fjern";
            await page.GotoAsync(remove);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fjerne Ola Nordmann fra lista?");
            await Expect(page.Locator("#checked-in")).ToHaveTextAsync("Deltakeren er sjekket inn og kan ikke fjernes. Angre innsjekkingen først hvis den var feil.");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ja, fjern Ola Nordmann" })).ToHaveCountAsync(0);
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("organise-remove-checked-in-phone.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "Angre innsjekk for Ola Nordmann" }).ClickAsync();
            await Expect(Confirmation(page)).ToHaveTextAsync("Innsjekkingen av Ola Nordmann er angret.");
            Assert.Null((await Factory.Events.RegistrationOfAsync(id, ola.Email)).CheckedInAt);

            // Now removing him asks first; keeping him changes nothing.
            await page.GotoAsync(remove);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ja, fjern Ola Nordmann" })).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Nei, behold påmeldingen" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($@"/arrangor/arrangementer/{id}$"));
            Assert.Equal(RegistrationStatus.Confirmed, (await Factory.Events.RegistrationOfAsync(id, ola.Email)).Status);

            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync($"/arrangor/arrangementer/{id}");
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("organise-event.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "Lag en kopi" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/arrangor/arrangementer/\d+/rediger$"));
            await Expect(Confirmation(page)).ToContainTextAsync("Kopien er lagret som kladd");
            await Expect(Label(page, "Tittel")).ToHaveValueAsync(title);
            await page.AssertAccessibleAsync();

            await page.GotoAsync("/arrangor/arrangementer?vis=tidligere");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tidligere" })).ToHaveAttributeAsync("aria-current", "page");
            await page.AssertAccessibleAsync();
            var copies = await Factory.WithDbAsync(db => db.Events.CountAsync(e => e.CopiedFromId == id));
            Assert.Equal(1, copies);
        });
    }

    [Fact]
    public async Task AnOrganiserFindsTheirEventsFromMinSide()
    {
        var organiser = TestData.UniqueEmail("arrangor");
        await Factory.Users.CreateAsync(email: organiser, password: TestData.Password, roles: [Roles.Organiser]);
        var (id, _) = await Factory.Events.ForOrganiserAsync(await Factory.Users.IdOfAsync(organiser), title: "Ungdomsrådets møte");
        await Factory.Events.SignUpGuestAsync(id, "Ida Berg");

        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(organiser);
            await page.GotoAsync("/min-side");
            await page.GetByRole(AriaRole.Link, new() { Name = "Arrangementene du styrer" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Arrangementer du styrer");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ungdomsrådets møte" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Ungdomsrådets møte");
            await page.AssertAccessibleAsync();

            foreach (var lang in new[] { "nn", "en" })
            {
                await page.GotoAsync($"/arrangor/arrangementer/{id}?culture={lang}");
                await page.AssertAccessibleAsync();
                await page.GotoAsync($"/arrangor/arrangementer/{id}/innsjekk?q=ida&culture={lang}");
                await page.AssertAccessibleAsync();
            }
        });
    }

    [Fact]
    public async Task AnOrganiserIsToldTheVenueIsTakenWithoutLearningWhatAnotherOrganisationsBookingIsCalled()
    {
        var organiser = TestData.UniqueEmail("arrangor");
        var user = await Factory.Users.CreateAsync(email: organiser, password: TestData.Password, roles: [Roles.Organiser]);
        var hamarVel = await Factory.Bookings.OrganisationAsync("Hamar Vel", memberIds: user.Id);
        var others = await Factory.Bookings.OrganisationAsync("Dark Arkitekter");
        var day = Factory.Bookings.Date(DayOfWeek.Tuesday, weeks: 4);
        var secret = $"Hemmelig styremøte {Guid.NewGuid():N}";
        await Factory.Bookings.AddAsync(others, await Factory.Bookings.SpaceAsync(TestBookings.Whole), TestBookings.Oslo(day, 17), TestBookings.Oslo(day, 19), secret);

        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(organiser);
            await page.GotoAsync("/arrangor/arrangementer/ny");
            await Label(page, "Tittel").FillAsync("Styremøte i velforeningen");
            await Label(page, "Kort omtale").FillAsync("Årsmøte med valg.");
            await Label(page, "Beskrivelse").FillAsync("Alle medlemmer er velkomne.");
            await Expect(Label(page, "Arrangør")).ToHaveValueAsync(hamarVel.ToString());
            await Label(page, "Starter").FillAsync($"{day:yyyy-MM-dd}T18:00");
            await Label(page, "Slutter").FillAsync($"{day:yyyy-MM-dd}T20:00");
            await Label(page, "Lokale").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await Label(page, "Antall plasser").FillAsync("30");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre som kladd" }).ClickAsync();

            await Expect(ErrorSummary(page)).ToBeFocusedAsync();
            var conflicts = page.Locator("#venue-conflicts");
            await Expect(conflicts).ToContainTextAsync("Opptatt (lån av lokalet)");
            await Expect(conflicts).Not.ToContainTextAsync(secret);
            await page.AssertAccessibleAsync();
            await page.SetViewportSizeAsync(375, 812);
            await conflicts.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("organise-venue-taken-375.png") });
        });
    }

    private static string ScreenshotPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bylab.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "screenshots", name);
            }
        }
        return Path.Combine(Path.GetTempPath(), name);
    }
}
