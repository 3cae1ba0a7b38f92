using System.Text.RegularExpressions;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

public sealed class IdeaJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{

    private async Task LogInAsync(IPage page)
    {
        var email = TestData.UniqueEmail("nettleser");
        await Factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Bylab.Core.Accounts.Roles.Citizen]);
        await page.GotoAsync("/konto/logg-inn");
        await page.GetByLabel("E-postadresse").FillAsync(email);
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
    }

    [Fact]
    public Task AnyoneBrowsesConsultationsFiltersIdeasAndReadsOne() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Byrom i Hamar"));
        var author = (await Factory.Users.CreateAsync(email: TestData.UniqueEmail("forfatter"), password: TestData.Password)).Id;
        var idea = await Factory.Ideas.IdeaAsync(author, setup.Id, "Sittetrapp ved Mjøsa", "Et sted å **sitte** og se på vannet.", ["innbyggerne-i-sentrum"], [11]);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Medvirkning" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Medvirkning");
        await page.AssertAccessibleAsync();

        await page.Locator($"a[href='/medvirkning/{setup.Slug}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/medvirkning/{setup.Slug}$"));
        await Expect(page.Locator("head link[type='application/atom+xml']")).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/ideer");
        // The filters are folded into one control until one is chosen.
        await page.GetByText("Filtrer, søk og sorter").ClickAsync();
        await page.GetByLabel("Tema", new() { Exact = true }).SelectOptionAsync(setup.ThemeSlug);
        await page.GetByLabel("Søk").FillAsync("sittetrapp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis ideer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"tema={setup.ThemeSlug}"));
        await Expect(page.Locator(".active-filters")).ToContainTextAsync("sittetrapp");
        await Expect(page.Locator(".idea-card")).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Sittetrapp ved Mjøsa" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/ideer/{idea.Slug}$"));
        await Expect(Heading(page)).ToHaveTextAsync("Sittetrapp ved Mjøsa");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logg inn for å stemme" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    });

    [Fact]
    public Task CitizenSubmitsAnIdeaAfterSeeingSimilarOnes() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Lys i byen"));
        var author = (await Factory.Users.CreateAsync(email: TestData.UniqueEmail("forfatter"), password: TestData.Password)).Id;
        await Factory.Ideas.IdeaAsync(author, setup.Id, "Bedre belysning i Strandgata", "Mørkt og utrygt om kvelden.");
        await LogInAsync(page);

        await page.GotoAsync($"/medvirkning/{setup.Slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Send inn en idé" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Send inn en idé");
        await page.AssertAccessibleAsync();

        // Nothing filled in: the error summary, accessible too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Skjemaet har feil som må rettes" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Tittel").FillAsync("Belysning i Strandgata og parken");
        await page.GetByLabel("Beskriv ideen").FillAsync("Flere lys langs **Strandgata**.");
        await page.GetByLabel("Prioriter klima og miljø").CheckAsync();
        await page.GetByLabel("11. Bærekraftige byer og lokalsamfunn").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis" }).ClickAsync();

        await Expect(Heading(page)).ToHaveTextAsync("Se over ideen før du sender den inn");
        var similar = page.GetByRole(AriaRole.Region, new() { Name = "Lignende ideer finnes allerede" });
        await Expect(similar.GetByRole(AriaRole.Link, new() { Name = "Bedre belysning i Strandgata" })).ToBeVisibleAsync();
        await Expect(page.Locator(".idea-preview strong")).ToHaveTextAsync("Strandgata");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send inn", Exact = true }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Belysning i Strandgata og parken");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Ideen din er publisert");
        await page.AssertAccessibleAsync();
    });

    [Fact]
    public Task VotingWithJavaScriptUpdatesTheCountWithoutReloading() => InBrowserAsync(async page =>
    {
        var setup = await Factory.Ideas.ConsultationAsync(TestData.Unique("Stem i nettleser"));
        var author = (await Factory.Users.CreateAsync(email: TestData.UniqueEmail("forfatter"), password: TestData.Password)).Id;
        var idea = await Factory.Ideas.IdeaAsync(author, setup.Id, "Benker på Stortorget");
        await LogInAsync(page);

        await page.GotoAsync($"/ideer/{idea.Slug}");
        await page.AssertAccessibleAsync();
        await page.EvaluateAsync("() => { window.stillSamePage = true; }");
        var votes = page.Locator("#stemmer");
        await Expect(votes.Locator("[data-vote-count]")).ToHaveTextAsync("0");

        await votes.GetByRole(AriaRole.Button, new() { Name = "Stem på ideen" }).ClickAsync();
        await Expect(votes.Locator("[data-vote-count]")).ToHaveTextAsync("1");
        await Expect(votes.GetByRole(AriaRole.Status)).ToHaveTextAsync("Takk! Stemmen din er registrert.");
        await Expect(votes.GetByRole(AriaRole.Button, new() { Name = "Fjern stemmen min" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillSamePage === true"));
        await page.AssertAccessibleAsync();

        await votes.GetByRole(AriaRole.Button, new() { Name = "Fjern stemmen min" }).ClickAsync();
        await Expect(votes.Locator("[data-vote-count]")).ToHaveTextAsync("0");
        await Expect(votes.GetByRole(AriaRole.Status)).ToHaveTextAsync("Stemmen din er fjernet.");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillSamePage === true"));
        Assert.Equal(0, await Factory.WithAsync<IdeaQueries, int>(async q => (await q.GetAsync(idea.Id))!.VoteCount));
    });
}
