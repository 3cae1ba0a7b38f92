using System.Net;
using Bylab.Core.Email;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Moderation;

/// <summary>
/// The public transparency page over HTTP: linked from every page's footer, open to all, this month's figures by kind and
/// reason in nb, nn and en, and no name or text of anyone involved. And the moderators' digest mail in the moderator's language.
/// </summary>
public sealed class TransparencyPageTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task TheFooterLinksToThisMonthsFiguresInEveryLanguageWithoutNamesOrTexts()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Åpenhet"));
        var author = await factory.Users.CreateAsync("Åse Forfatter");
        var reporter = await factory.Users.CreateAsync("Mona Melder");
        var idea = await factory.Ideas.IdeaAsync(author.Id, setup.Id, "Hemmelig tittel", "Hemmelig tekst.");
        var before = await FiguresAsync();
        await factory.Moderation.ReportAsync(reporter.Id, ContentKind.Idea, idea.Id, ModerationReason.PersonalInformation, "Hemmelig notat.");
        await factory.Moderation.HideAsync(ContentKind.Idea, idea.Id, ModerationReason.PersonalInformation, "Hemmelig begrunnelse.");

        using var client = factory.CreateBylabClient();
        var home = await client.GetPageAsync("/");
        Assert.Equal("/apenhet", home.QuerySelector("footer a[href='/apenhet']")?.GetAttribute("href"));
        var page = await client.GetPageAsync("/apenhet");
        Assert.Equal("Åpenhet om moderering", page.QuerySelector("h1")!.TextContent.Trim());
        var after = Figures(page);
        Assert.Equal(before["Reported/Idea"] + 1, after["Reported/Idea"]);
        Assert.Equal(before["HiddenByModerator/Idea"] + 1, after["HiddenByModerator/Idea"]);
        Assert.Equal(before["HiddenByModerator/PersonalInformation"] + 1, after["HiddenByModerator/PersonalInformation"]);
        // Every month of the period is there once; quiet months in a row fold into one section, this month has figures.
        var sections = page.QuerySelectorAll("section[data-month]");
        Assert.Equal(TransparencyQueries.Months, sections.Sum(s => int.TryParse(s.GetAttribute("data-quiet-months"), out var n) ? n : 1));
        Assert.Null(sections[0].GetAttribute("data-quiet-months"));
        Assert.Contains(sections.Skip(1), s => s.GetAttribute("data-quiet-months") is not null);
        var html = page.DocumentElement.OuterHtml;
        foreach (var secret in new[] { "Hemmelig", "Åse", "Mona", "/ideer/" })
        {
            Assert.DoesNotContain(secret, html);
        }

        foreach (var (culture, heading) in new[] { ("nn", "Openheit om moderering"), ("en", "Transparency about moderation") })
        {
            using var other = factory.CreateBylabClient();
            await other.SubmitAsync(await other.GetPageAsync("/apenhet"), new Dictionary<string, string>(), "form.language-switcher", $"button[value={culture}]");
            var translated = await other.GetPageAsync("/apenhet");
            Assert.Equal(heading, translated.QuerySelector("h1")!.TextContent.Trim());
            Assert.Equal(after["Reported/Idea"], Figures(translated)["Reported/Idea"]);
        }
    }

    [Fact]
    public void TheDigestIsWrittenInTheModeratorsLanguageWithAnAbsoluteLink()
    {
        using var scope = factory.Services.CreateScope();
        var composer = scope.ServiceProvider.GetRequiredService<IModeratorDigestComposer>();
        EmailMessage Mail(string culture) => composer.Compose(new ModeratorDigestMail("m@bylab.test", "Mari\r\nBcc: x", culture, 3, 1, 5, null));
        var nb = Mail("nb");
        Assert.Equal("Moderering på Bylab: 4 nye saker", nb.Subject);
        Assert.Contains("Nye meldinger: 3", nb.TextBody);
        Assert.Contains("Holdt tilbake av ordlisten: 1", nb.TextBody);
        Assert.Contains("http://localhost/admin/moderering", nb.TextBody);
        Assert.DoesNotContain("\r\nBcc", nb.TextBody);
        Assert.Equal("Moderation on Bylab: 4 new items", Mail("en").Subject);
        Assert.Contains("Items waiting in the queue now: 5", Mail("en").TextBody);
    }

    private async Task<Dictionary<string, int>> FiguresAsync()
    {
        using var client = factory.CreateBylabClient();
        return Figures(await client.GetPageAsync("/apenhet"));
    }

    /// <summary>This month's cells as "Measure/Kind" and "Measure/Reason" → number (zero where the month is empty).</summary>
    private static Dictionary<string, int> Figures(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var figures = new Dictionary<string, int>();
        foreach (var measure in Enum.GetNames<TransparencyMeasure>())
        {
            foreach (var column in Enum.GetNames<ContentKind>().Concat(Enum.GetNames<ModerationReason>()))
            {
                figures[$"{measure}/{column}"] = 0;
            }
        }
        var month = page.QuerySelector("section[data-month]")!;
        foreach (var cell in month.QuerySelectorAll("tr[data-measure] td[data-kind], tr[data-measure] td[data-reason]"))
        {
            var column = cell.GetAttribute("data-kind") ?? cell.GetAttribute("data-reason");
            figures[$"{cell.ParentElement!.GetAttribute("data-measure")}/{column}"] = int.Parse(cell.TextContent);
        }
        return figures;
    }
}
