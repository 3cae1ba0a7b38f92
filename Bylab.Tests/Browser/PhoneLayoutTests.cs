using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin.Ideas;
using Bylab.Tests.Web.Events;
using Bylab.Tests.Web.Organise;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>
/// On a phone (375 × 812) the essentials come first: a compact header, an event's time, place, places and «Meld deg på»
/// before its description, the first ideas on the first screen, and participants as cards with their buttons in reach.
/// </summary>
public sealed class PhoneLayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const int Width = 375;
    private const int Height = 812;

    private static readonly string LongText = string.Join("\n\n", Enumerable.Range(1, 12).Select(n =>
        $"Avsnitt {n}: Vi går gjennom hva som er gjort, hva som gjenstår, og hva vi trenger å høre fra deg før neste runde med tegninger."));

    [Fact]
    public async Task TheHeaderTakesLessThanAThirdOfTheFirstScreenAndItsMenuFolds()
    {
        var staff = await IdeasAdminPageTests.StaffAsync(Factory);
        await InBrowserAsync(async page =>
        {
            await page.SetViewportSizeAsync(Width, Height);
            await page.GotoAsync("/");
            Assert.True(await HeaderHeightAsync(page) < Height / 3.0, "the visitor's header is a third of the screen or more");

            await page.SetViewportSizeAsync(1280, 900);
            await page.LogInWithTotpAsync(staff.Email, staff.Key);
            await page.SetViewportSizeAsync(Width, Height);
            await page.GotoAsync("/arrangementer");
            // Staff have the longest menu: still under a third.
            Assert.True(await HeaderHeightAsync(page) < Height / 3.0, "the staff header is a third of the screen or more");
            var menu = MainMenu(page);
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Min side" })).ToBeHiddenAsync();
            await page.AssertAccessibleAsync();

            var toggle = page.Locator("summary.site-menu__toggle");
            await toggle.ClickAsync();
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Administrasjon" })).ToBeVisibleAsync();
            await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Min side" })).ToBeHiddenAsync();
            await Expect(toggle).ToBeFocusedAsync();

            // A wide screen shows the menu without the toggle.
            await page.SetViewportSizeAsync(1280, 900);
            await Expect(toggle).ToBeHiddenAsync();
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Min side" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task TheFrontPageShowsTheNextEventsRightAfterItsIntroduction()
    {
        await Factory.Events.AtBylabAsync("Frokostmøte om parkene");
        await InBrowserAsync(async page =>
        {
            await page.SetViewportSizeAsync(Width, Height);
            await page.GotoAsync("/");
            var events = (await page.Locator("#next-events-heading").BoundingBoxAsync())!;
            var visit = (await page.Locator("#visit-heading").BoundingBoxAsync())!;
            Assert.True(events.Y < visit.Y, $"the next events ({events.Y} px) come after the visiting details ({visit.Y} px)");
            var first = (await page.Locator(".home-events .event-card h3 a").First.BoundingBoxAsync())!;
            Assert.True(first.Y + first.Height <= 2 * Height, $"the first event's title ends at {first.Y + first.Height} px, below the second screen");
            await page.AssertAccessibleAsync();

            // A wide screen sets the visiting details beside the introduction, above the events.
            await page.SetViewportSizeAsync(1280, 900);
            var intro = (await page.Locator(".home__intro").BoundingBoxAsync())!;
            visit = (await page.Locator("#visit-heading").BoundingBoxAsync())!;
            Assert.True(visit.X >= intro.X + intro.Width, "the visiting card is not beside the introduction");
            Assert.True(visit.Y < (await page.Locator("#next-events-heading").BoundingBoxAsync())!.Y, "the visiting card is not above the events");
        });
    }

    [Fact]
    public async Task AnEventPageShowsWhenWherePlacesAndSignUpBeforeTheDescription()
    {
        var ev = await Factory.Events.AtBylabAsync("Åpent møte om Stortorget", e => e.DescriptionMarkdown = LongText);
        await InBrowserAsync(async page =>
        {
            await page.SetViewportSizeAsync(Width, Height);
            await page.GotoAsync($"/arrangementer/{ev.Slug}");
            var facts = page.Locator(".event-facts-card");
            var signUp = facts.GetByRole(AriaRole.Link, new() { Name = "Meld deg på" });
            foreach (var essential in new[] { facts.GetByText("Tid", new() { Exact = true }), facts.GetByText("Sted", new() { Exact = true }),
                         facts.GetByText("20 ledige plasser"), signUp })
            {
                var box = (await essential.BoundingBoxAsync())!;
                Assert.True(box.Y + box.Height <= Height, $"«{await essential.TextContentAsync()}» ends at {box.Y + box.Height} px, below the first screen");
            }
            var description = (await page.Locator(".event__description").BoundingBoxAsync())!;
            Assert.True(description.Y > (await signUp.BoundingBoxAsync())!.Y, "the description comes before the sign-up link");
            await page.AssertAccessibleAsync();

            await signUp.ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#pamelding$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Påmelding" })).ToBeInViewportAsync();
        });
    }

    [Fact]
    public async Task TheFirstIdeasAreOnTheFirstScreenAndTheFiltersFoldUntilOneIsSet()
    {
        var (consultationId, consultationSlug) = await Factory.Ideas.ConsultationAsync(TestData.Unique("Hvordan skal parken brukes?"));
        await Factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == consultationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.DescriptionMarkdown, LongText)));
        var themeId = await Factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == consultationId).Select(c => c.ThemeId).SingleAsync());
        await Factory.WithDbAsync(db => db.Themes.Where(t => t.Id == themeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "Natur og friluftsliv")));
        var author = await Factory.Users.CitizenAsync("forfatter");
        await Factory.Ideas.IdeaAsync(author.Id, consultationId, "Scene for konserter i parken");
        await Factory.Ideas.IdeaAsync(author.Id, consultationId, "Lekeplass for de minste");
        var themeSlug = await Factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == consultationId).Select(c => c.Theme!.Slug).SingleAsync());

        await InBrowserAsync(async page =>
        {
            await page.SetViewportSizeAsync(Width, Height);
            foreach (var path in new[] { "/ideer", $"/medvirkning/{consultationSlug}" })
            {
                await page.GotoAsync(path);
                // The first idea's title is on the first screen.
                var first = (await page.Locator(".idea-card h3 a").First.BoundingBoxAsync())!;
                Assert.True(first.Y + first.Height <= Height, $"{path}: the first idea's title ends at {first.Y + first.Height} px, below the first screen");
                // The author's name is one long word here («forfatter-» and 32 letters): the cards still fit the screen.
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow == 0, $"{path} scrolls sideways by {overflow} px");
                await Expect(page.GetByLabel("Tema", new() { Exact = true })).ToBeHiddenAsync();
                await page.AssertAccessibleAsync();
            }

            // A filter set: the control is open and shows it.
            await page.GotoAsync($"/ideer?tema={themeSlug}");
            await Expect(page.GetByLabel("Tema", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.Locator("summary.filter-fold__summary")).ToContainTextAsync("(1 valgt)");
            await page.AssertAccessibleAsync();

            // The folded description opens on a tap, and a wide screen shows it without one.
            await page.GotoAsync($"/medvirkning/{consultationSlug}");
            await Expect(page.GetByText("Avsnitt 1:")).ToBeHiddenAsync();
            await page.Locator("summary.fold-narrow__summary").ClickAsync();
            await Expect(page.GetByText("Avsnitt 1:")).ToBeVisibleAsync();
            await page.SetViewportSizeAsync(1280, 900);
            await page.ReloadAsync();
            await Expect(page.GetByText("Avsnitt 1:")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        });
    }

    [Fact]
    public async Task AnOrganiserSeesEachParticipantAsACardWithCheckInAndRemoveInReach()
    {
        var organiserEmail = TestData.UniqueEmail("arrangor");
        var organiser = await Factory.Users.CreateAsync(email: organiserEmail, password: TestData.Password, roles: [Roles.Organiser]);
        // Starting within the hour: check-in is open.
        var (eventId, _) = await Factory.Events.ForOrganiserAsync(ownerId: organiser.Id, title: "Dugnad i parken", startsAt: DateTime.UtcNow.AddHours(1));
        var kari = await Factory.Events.SignUpGuestAsync(eventId, "Kari Nordmann", email: TestData.UniqueEmail("kari-med-en-svaert-lang-adresse"), needs: "Rullestol");
        await Factory.Events.SignUpGuestAsync(eventId, "Ola Nordmann", answer: "Benker og bord");

        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(organiserEmail);
            await page.SetViewportSizeAsync(Width, Height);
            await page.GotoAsync($"/arrangor/arrangementer/{eventId}");

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"the page is {overflow} px wider than the phone");
            var card = page.Locator($"#participants tr[data-registration='{kari.Id}']");
            foreach (var action in new[] { card.GetByRole(AriaRole.Button, new() { Name = "Sjekk inn Kari Nordmann" }), card.GetByRole(AriaRole.Link, new() { Name = "Fjern Kari Nordmann" }) })
            {
                await Expect(action).ToBeVisibleAsync();
                var box = (await action.BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= Width, $"{await action.TextContentAsync()} is outside the screen ({box.X}–{box.X + box.Width})");
            }
            // Each value says which column it is.
            var needs = card.Locator("td[data-label='Behov']");
            await Expect(needs).ToHaveTextAsync("Rullestol");
            Assert.Equal("\"Behov: \"", await needs.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
            await page.AssertAccessibleAsync();

            await card.GetByRole(AriaRole.Button, new() { Name = "Sjekk inn Kari Nordmann" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kari Nordmann er sjekket inn.");
        });
    }

    private static async Task<double> HeaderHeightAsync(IPage page) => (await page.Locator("header.site-header").BoundingBoxAsync())!.Height;
}
