using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>
/// Issue 14's journey: a politician opens the overview from Min side and reads a running consultation's summary (also in
/// nynorsk); staff write the conclusion and conclude; an anonymous visitor then reads it. Every page is checked with axe,
/// and the summary's first screen is photographed at 375 and 1280 px.
/// </summary>
public sealed class SummaryJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task<TestConsultation> ConsultationAsync()
    {
        var consultation = await Factory.Ideas.ConsultationAsync(TestData.Unique("Byrom for alle"));
        var authors = await Factory.Users.CreateManyAsync(3, "forfatter");
        var first = await Factory.Ideas.IdeaAsync(authors[0].Id, consultation.Id, "Trygge sykkelveier til skolen", "Barna trenger trygge sykkelveier.",
            ["innbyggerne-i-sentrum"], [11]);
        await Factory.Ideas.IdeaAsync(authors[1].Id, consultation.Id, "Tryggare sykkelvegar langs Mjøsa", "Sykkelvegar heile vegen.", ["klima-og-miljo"], [3, 11]);
        await Factory.Ideas.IdeaAsync(authors[2].Id, consultation.Id, "Benker på Stortorget", "Flere benker for eldre.");
        await Factory.Ideas.VoteAsync(authors[1].Id, first.Id);
        await Factory.Ideas.VoteAsync(authors[2].Id, first.Id);
        return consultation;
    }

    [Fact]
    public Task APoliticianReadsARunningSummaryAlsoInNynorsk() => InBrowserAsync(async page =>
    {
        var consultation = await ConsultationAsync();
        var politician = await Factory.Users.CreateAsync("Politiker", TestData.UniqueEmail("politiker"), TestData.Password, roles: [Roles.Politician]);
        await SubmitLoginAsync(page, politician.Email!, TestData.Password);

        await page.GotoAsync("/min-side");
        await page.GetByRole(AriaRole.Link, new() { Name = "Se alle medvirkninger med hovedtall" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Medvirkninger – oppsummeringer");
        await page.AssertAccessibleAsync();

        await page.Locator($"a[href='/medvirkning/{consultation.Slug}/oppsummering']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/medvirkning/{consultation.Slug}/oppsummering$"));
        await Expect(page.Locator("[data-figure=ideas]")).ToHaveTextAsync("3");
        await Expect(page.Locator("[data-figure=votes]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[aria-labelledby=words-heading] .summary-words")).ToContainTextAsync("sykkelveier");
        await Expect(page.Locator("[aria-labelledby=words-heading] .summary-words")).ToContainTextAsync("(2 ideer)");
        await Expect(page.Locator("[aria-labelledby=phrases-heading] .summary-words")).ToContainTextAsync("trygge sykkelveier (2 ideer)");
        await page.AssertAccessibleAsync();
        await ShootAsync(page, "summary");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nynorsk" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deltaking", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-figure=ideas]")).ToHaveTextAsync("3");
        await page.AssertAccessibleAsync();

        // The three files, read back with real parsers: the same figures as the page (in nynorsk now).
        var votes = int.Parse(await page.Locator("[data-figure=votes]").TextContentAsync() ?? "");
        var csv = SummaryFiles.Csv(await DownloadAsync(page, "Ideane som CSV"));
        Assert.Equal(3, csv.Count - 1);
        Assert.Equal("Tittel", csv[0][1]);
        Assert.Equal(votes, csv.Skip(1).Sum(r => int.Parse(r[5])));
        var xlsx = SummaryFiles.Xlsx(await DownloadAsync(page, "Ideane som Excel-fil (XLSX)"), out _);
        Assert.Equal(3, xlsx.Count - 1);
        Assert.Equal(votes, xlsx.Skip(1).Sum(r => int.Parse(r[5])));
        var (pdf, embedded, _) = SummaryFiles.Pdf(await DownloadAsync(page, "Oppsummeringa som PDF"));
        Assert.True(embedded);
        Assert.Contains("Idear: 3", pdf);
        Assert.Contains($"Røyster: {votes}", pdf);
        Assert.Contains("Deltakarar: 3", pdf);
    });

    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        var file = await download.PathAsync();
        return await File.ReadAllBytesAsync(file);
    }

    [Fact]
    public Task StaffConcludeAndAnAnonymousVisitorReadsTheSummary() => InBrowserAsync(async page =>
    {
        var consultation = await ConsultationAsync();
        await Factory.Ideas.MoveToAsync(consultation.Id, ConsultationPhase.Closed);
        var staff = TestData.UniqueEmail("ansatt");
        await Factory.Users.CreateAsync(email: staff, password: TestData.Password, roles: [Roles.Staff]);
        var key = await Factory.EnableTotpAsync(staff);
        await SubmitLoginAsync(page, staff, TestData.Password);
        await page.GetByLabel("Kode fra autentiseringsappen").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();

        await page.GotoAsync($"/admin/medvirkninger/{consultation.Id}/rediger");
        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv konklusjonen, knytt arrangementer og konkluder" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Du sa – vi gjorde (kommunens konklusjon)").FillAsync("Vi bygger **trygge sykkelveier** til alle skolene innen 2028.");
        await page.GetByLabel("Creative Commons Navngivelse 4.0 (CC BY 4.0)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(Confirmation(page)).ToContainTextAsync("Konklusjonen er lagret.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Avslutt medvirkningen" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Oppsummeringen er offentlig.");
        await page.AssertAccessibleAsync();

        var visitor = await Fixture.NewContextAsync();
        var anonymous = await visitor.NewPageAsync();
        await anonymous.GotoAsync($"/medvirkning/{consultation.Slug}/oppsummering");
        await Expect(anonymous.Locator(".summary-conclusion strong")).ToHaveTextAsync("trygge sykkelveier");
        await Expect(anonymous.Locator(".summary-conclusion")).ToContainTextAsync("innen 2028");
        await anonymous.AssertAccessibleAsync();
        await ShootAsync(anonymous, "summary-published");

        await anonymous.GetByRole(AriaRole.Link, new() { Name = "Om formatet" }).ClickAsync();
        await Expect(Heading(anonymous)).ToHaveTextAsync("Åpne data fra medvirkninger");
        await Expect(anonymous.Locator("#open-data-fields")).ToContainTextAsync("figures.votes");
        await anonymous.AssertAccessibleAsync();
        await visitor.CloseAsync();
    });

    /// <summary>The first screen at a phone's and a desktop's width: the conclusion and the headline figures must be on it.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        var folder = Path.Combine(ArtifactsFolder(), "summaries");
        Directory.CreateDirectory(folder);
        foreach (var (width, height) in new[] { (375, 812), (1280, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png") });
            var figures = await page.Locator("#headline-figures").BoundingBoxAsync();
            Assert.True(figures is not null && figures.Y < height, $"The headline figures start below the first screen at {width} px.");
        }
        await page.SetViewportSizeAsync(1280, 800);
    }
}
