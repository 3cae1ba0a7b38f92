using System.Net;
using System.Text;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;

namespace Bylab.Tests.Web.Summaries;

/// <summary>CSV, XLSX and PDF of a summary: who may fetch them when, formula injection, the same figures as the page, no personal data.</summary>
public sealed class SummaryExportTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static readonly string[] Dangerous = ["=HYPERLINK(\"https://evil.example\",\"Klikk\")", "+47 flere benker", "-1 bilfri dag", "@alle sykkelveier"];

    private async Task<(TestConsultation Consultation, BylabUser Author)> ConsultationAsync()
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Eksport"));
        var author = await factory.Users.CreateAsync("Åse Forfatter-Ødegård");
        var voter = await factory.Users.CreateAsync("Velger");
        foreach (var title in Dangerous)
        {
            var idea = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, title, "Bør vi gjøre dette?", ["klima-og-miljo"], [11]);
            await factory.Ideas.VoteAsync(voter.Id, idea.Id);
        }
        return (consultation, author);
    }

    private static string Base(string slug) => $"/medvirkning/{slug}/oppsummering";

    [Fact]
    public async Task FormulasInTitlesAreNeutralisedInCsvAndXlsxAndNoPersonalDataLeaves()
    {
        var (consultation, author) = await ConsultationAsync();
        var (politician, _) = await factory.SignedInAsync("politiker", Roles.Politician);

        var csvBytes = await (await politician.Http.GetAsync(Base(consultation.Slug) + "/ideer.csv")).Content.ReadAsByteArrayAsync();
        var csv = SummaryFiles.Csv(csvBytes);
        Assert.Equal("Tittel", csv[0][1]);
        Assert.Equal(Dangerous.Select(t => "'" + t).Order(), csv.Skip(1).Select(r => r[1]).Order());
        Assert.All(csv.Skip(1), r => Assert.Equal("1", r[5]));

        var xlsx = SummaryFiles.Xlsx(await (await politician.Http.GetAsync(Base(consultation.Slug) + "/ideer.xlsx")).Content.ReadAsByteArrayAsync(), out var formulas);
        Assert.Equal(0, formulas);
        Assert.Equal(Dangerous.Select(t => "'" + t).Order(), xlsx.Skip(1).Select(r => r[1]).Order());

        var text = Encoding.UTF8.GetString(csvBytes) + string.Join(";", xlsx.SelectMany(r => r));
        Assert.DoesNotContain(author.DisplayName, text);
        Assert.DoesNotContain(author.Email!, text);
        Assert.DoesNotContain(author.Id, text);
    }

    [Fact]
    public async Task ThePdfHasThePagesFiguresAndEmbedsItsFont()
    {
        var (consultation, _) = await ConsultationAsync();
        var (politician, _) = await factory.SignedInAsync("politiker", Roles.Politician);
        var page = await politician.GetPageAsync(Base(consultation.Slug));

        var response = await politician.Http.GetAsync(Base(consultation.Slug) + "/oppsummering.pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var (text, embedded, _) = SummaryFiles.Pdf(await response.Content.ReadAsByteArrayAsync());

        Assert.True(embedded);
        foreach (var (figure, label) in new[] { ("ideas", "Ideer"), ("votes", "Stemmer"), ("participants", "Deltakere"), ("comments", "Kommentarer") })
        {
            Assert.Contains($"{label}: {page.QuerySelector($"[data-figure={figure}]")!.TextContent}", text);
        }
        Assert.Contains("Du sa – vi gjorde", text);
        Assert.Contains("Prioriter klima og miljø", text);
    }

    [Fact]
    public async Task BeforeItIsConcludedCitizensAreRefusedTheFilesAndThePublicFindsNothing()
    {
        var (consultation, _) = await ConsultationAsync();
        var (citizen, _) = await factory.SignedInAsync("innbygger", Roles.Citizen);
        using var anonymous = factory.CreateBylabClient();
        foreach (var file in new[] { "/ideer.csv", "/ideer.xlsx", "/oppsummering.pdf" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await citizen.Http.GetAsync(Base(consultation.Slug) + file)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync(Base(consultation.Slug) + file)).StatusCode);
        }

        await factory.Ideas.MoveToAsync(consultation.Id, ConsultationPhase.Closed);
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        await staff.SubmitAsync($"/admin/medvirkninger/{consultation.Id}/oppsummering", new Dictionary<string, string>(), "#summary-conclude-form");
        foreach (var file in new[] { "/ideer.csv", "/ideer.xlsx", "/oppsummering.pdf" })
        {
            Assert.Equal(HttpStatusCode.OK, (await citizen.Http.GetAsync(Base(consultation.Slug) + file)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync(Base(consultation.Slug) + file)).StatusCode);
        }
    }
}
