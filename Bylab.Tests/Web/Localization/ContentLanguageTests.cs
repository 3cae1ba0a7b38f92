using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Events;

namespace Bylab.Tests.Web.Localization;

/// <summary>Content exists in bokmål only: under a nynorsk or English interface it is marked lang="nb" (WCAG 3.1.2), and the statement says so.</summary>
public sealed class ContentLanguageTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Theory]
    [InlineData("nb", null)]
    [InlineData("nn", "nb")]
    [InlineData("en", "nb")]
    public async Task BokmalContentIsMarkedWhenTheInterfaceIsAnotherLanguage(string culture, string? expected)
    {
        var ev = await factory.Events.AtBylabAsync("Møte om bokmål og nynorsk");
        using var client = factory.CreateBylabClient();

        var page = await client.GetPageAsync($"/arrangementer/{ev.Slug}?culture={culture}&ui-culture={culture}");

        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(expected, page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal(expected, page.QuerySelector(".event__description")!.GetAttribute("lang"));
        var card = (await client.GetPageAsync($"/arrangementer?culture={culture}&ui-culture={culture}")).QuerySelector($".event-card a[href='/arrangementer/{ev.Slug}']")!;
        Assert.Equal(expected, card.GetAttribute("lang"));

        // The participant's own page names the event in its own language too.
        var kari = await factory.Events.SignUpGuestAsync(ev.Id, "Kari Nordmann");
        var registration = await client.GetPageAsync($"/pamelding/{kari.ManageToken}?culture={culture}&ui-culture={culture}");
        Assert.Equal(expected, registration.QuerySelector($"main a[href='/arrangementer/{ev.Slug}']")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task TheAccessibilityStatementSaysWhichContentIsInWhichLanguage()
    {
        using var client = factory.CreateBylabClient();
        var page = await client.GetPageAsync("/tilgjengelighet?culture=en&ui-culture=en");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("exists only in the language it was written in, usually bokmål. It is not translated.", text);
        Assert.Contains("marked as bokmål in the code (lang=\"nb\")", text);
        Assert.DoesNotContain("The content is available in bokmål, nynorsk and English", text);
    }
}
