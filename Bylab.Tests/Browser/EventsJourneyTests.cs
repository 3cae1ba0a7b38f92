using System.Text.RegularExpressions;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>Issue 5's citizen side, end to end in Chromium: find an event, sign up as a guest or with an account, confirm, wait, cancel.</summary>
public sealed partial class EventsJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [GeneratedRegex(@"/pamelding/[A-Za-z0-9_-]{43}")]
    private static partial Regex PersonalLink();

    [Fact]
    public async Task GuestFindsAnEventSignsUpConfirmsFromTheMailAndCancels()
    {
        var theme = await Factory.Ideas.ThemeAsync(TestData.Unique("Sentrum"));
        var ev = await Factory.Events.AtBylabAsync("Verksted om sentrum med Dark Arkitekter", e =>
        {
            e.ThemeId = theme.Id;
            e.MaxCompanions = 2;
            e.AskNeeds = true;
            e.Question = "Hvilken del av sentrum bruker du mest?";
        });
        var email = TestData.UniqueEmail("gjest");
        string link = "";

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Arrangementer" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Arrangementer");
            await page.GetByLabel("Tema").SelectOptionAsync(new SelectOptionValue { Label = theme.Title });
            await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
            await Expect(page.Locator(".event-card")).ToHaveCountAsync(1);
            await page.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Se programmet som månedskalender" }).ClickAsync();
            await Expect(page.Locator("table.month-calendar caption")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
            await page.GotoAsync($"/arrangementer?tema={theme.Slug}");

            await page.GetByRole(AriaRole.Link, new() { Name = ev.Title }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync(ev.Title);
            await Expect(page.GetByText("Trinnfri adkomst")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();

            // A first try with mistakes: the summary says what to fix, and the typed values stay.
            await page.GetByLabel("Navn").FillAsync("Kari Nordmann");
            await page.GetByLabel("E-postadresse").FillAsync("kari@");
            await page.GetByLabel("Antall ledsagere").FillAsync("7");
            await page.GetByRole(AriaRole.Button, new() { Name = "Meld meg på" }).ClickAsync();
            var summary = ErrorSummary(page);
            await Expect(summary).ToContainTextAsync("Antall ledsagere må være et helt tall fra 0 til 2.");
            await Expect(summary).ToContainTextAsync("Du må samtykke i hvordan opplysningene brukes");
            await Expect(page.GetByLabel("Navn")).ToHaveValueAsync("Kari Nordmann");
            await page.AssertAccessibleAsync();

            await page.GetByLabel("E-postadresse").FillAsync(email);
            await page.GetByLabel("Antall ledsagere").FillAsync("1");
            await page.GetByLabel("Behov for tilrettelegging eller mat").FillAsync("Vegetar");
            await page.GetByLabel("Hvilken del av sentrum bruker du mest?").FillAsync("Stortorget");
            await page.GetByLabel("Jeg samtykker").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Meld meg på" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Sjekk e-posten din");
            await page.AssertAccessibleAsync();
        }, "sign-up");

        var confirmMail = Assert.Single(await Factory.OutboxForAsync(email));
        link = PersonalLink().Match(confirmMail.TextBody).Value;
        Assert.NotEmpty(link);

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync(link);
            await Expect(Heading(page)).ToHaveTextAsync("Påmeldingen din");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft påmeldingen" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("Takk! Påmeldingen er bekreftet, og du har plass.");
            await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("QR-kode for innsjekking") })).ToBeVisibleAsync();
            await Expect(page.GetByText("Stortorget")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Ja, meld meg av" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("Du er meldt av.");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ja, meld meg av" })).ToHaveCountAsync(0);
            await page.AssertAccessibleAsync();
        }, "personal-page");

        // The confirmation mail carries the event as an .ics file.
        var mails = await Factory.OutboxForAsync(email);
        Assert.Contains(mails, m => m.Attachments.Any(a => a.FileName.EndsWith(".ics", StringComparison.Ordinal)));
        Assert.Equal(RegistrationStatus.Cancelled, Assert.Single(await Factory.Events.RegistrationsOfAsync(ev.Id)).Status);
    }

    [Fact]
    public async Task AFullEventPutsTheNextPersonOnTheWaitlistAndACancellationPromotesThem()
    {
        var ev = await Factory.Events.AtBylabAsync("Ungdomsrådets åpne møte", e => { e.Capacity = 1; e.Audience = EventAudience.Youth; });
        var first = await Factory.Users.CitizenAsync("forste");
        var second = await Factory.Users.CitizenAsync("andre");
        string firstLink = "", secondLink = "";

        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(first.Email!);
            await page.GotoAsync($"/arrangementer/{ev.Slug}");
            await page.GetByLabel("Jeg samtykker").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Meld meg på" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync($"Du er påmeldt «{ev.Title}».");
            firstLink = new Uri(page.Url).AbsolutePath;

            await page.GotoAsync("/min-side");
            await page.GetByRole(AriaRole.Link, new() { Name = "Mine påmeldinger til arrangementer" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Mine påmeldinger");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = ev.Title, Exact = true })).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        }, "first");

        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(second.Email!);
            await page.GotoAsync($"/arrangementer/{ev.Slug}");
            await Expect(page.GetByText("Fullt – venteliste")).ToBeVisibleAsync();
            await page.GetByLabel("Jeg samtykker").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sett meg på venteliste" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("Du står som nummer 1 på ventelisten");
            await page.AssertAccessibleAsync();
            secondLink = new Uri(page.Url).AbsolutePath;
        }, "second");

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync(firstLink);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ja, meld meg av" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("Du er meldt av.");
        }, "first-cancels");

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync(secondLink);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status: Påmeldt" })).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        }, "second-promoted");
        Assert.Contains(await Factory.OutboxForAsync(second.Email!), m => m.TextBody.Contains(secondLink));
    }

    [Fact]
    public Task ProgrammeCalendarAndEventPageReflowOnANarrowScreen() => InBrowserAsync(async page =>
    {
        var ev = await Factory.Events.AtBylabAsync("Et arrangement med en svært lang tittel om bærekraftige lokalsamfunn i Innlandet");
        await page.SetViewportSizeAsync(320, 640);
        var start = Bylab.Core.Time.OsloTime.ToOslo(ev.StartsAt);
        foreach (var path in new[] { "/arrangementer", $"/arrangementer/kalender?ar={start.Year}&maned={start.Month}", $"/arrangementer/{ev.Slug}" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 320 px screen");
            await page.AssertAccessibleAsync();
        }
        // On the narrow screen the month is a list: the event's day shows its full date, the empty days are gone.
        await page.GotoAsync($"/arrangementer/kalender?ar={start.Year}&maned={start.Month}");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("bærekraftige lokalsamfunn") })).ToBeVisibleAsync();
        await Expect(page.Locator(".month-calendar thead")).ToBeHiddenAsync();
    });
}
