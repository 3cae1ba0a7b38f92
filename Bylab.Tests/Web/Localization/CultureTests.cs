using System.Net;
using AngleSharp.Html.Dom;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Localization;

public sealed class CultureTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static string Lang(IHtmlDocument page) => page.DocumentElement.GetAttribute("lang")!;
    private static string HomeLink(IHtmlDocument page) => page.QuerySelector(".site-nav a[href='/']")!.TextContent.Trim();

    private static bool SetsCultureCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".Bylab.Culture="));

    [Fact]
    public async Task BokmalIsTheDefault()
    {
        using var client = factory.CreateBylabClient();
        var page = await client.GetPageAsync("/");
        Assert.Equal("nb", Lang(page));
        Assert.Equal("Forside", HomeLink(page));
    }

    [Fact]
    public async Task CanSwitchToNynorskWithTheLanguageButtons()
    {
        using var client = factory.CreateBylabClient();
        var page = await client.GetPageAsync("/konto/logg-inn");

        var response = await client.SubmitAsync(page, new Dictionary<string, string>(), "form.language-switcher", "button[value=nn]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/logg-inn", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Bylab.Culture="));
        Assert.Contains("c%3Dnn%7Cuic%3Dnn", cookie);
        var after = await client.GetPageAsync("/");
        Assert.Equal("nn", Lang(after));
        Assert.Equal("Framside", HomeLink(after));
        Assert.Equal("true", after.QuerySelector("form.language-switcher button[value=nn]")!.GetAttribute("aria-pressed"));
        Assert.Equal("Gløymt passord", (await client.GetPageAsync("/konto/passord/glemt")).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task CanSwitchToEnglishAndBack()
    {
        using var client = factory.CreateBylabClient();
        await client.SubmitAsync("/", new Dictionary<string, string>(), "form.language-switcher", "button[value=en]");
        Assert.Equal("Home", HomeLink(await client.GetPageAsync("/")));

        await client.SubmitAsync("/", new Dictionary<string, string>(), "form.language-switcher", "button[value=nb]");
        Assert.Equal("Forside", HomeLink(await client.GetPageAsync("/")));
    }

    [Fact]
    public async Task UnknownLanguageIsRefusedWithMessage()
    {
        using var client = factory.CreateBylabClient();

        var response = await client.SubmitAsync("/", new Dictionary<string, string> { ["culture"] = "xx" }, "form.language-switcher");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.False(SetsCultureCookie(response));
        var page = await client.GetPageAsync("/");
        Assert.Equal("nb", Lang(page));
        Assert.Equal("Vi kjenner ikke det språket. Velg bokmål, nynorsk eller English.", page.QuerySelector("[role=alert]")!.TextContent.Trim());
    }

    [Fact]
    public async Task UnknownLanguageKeepsTheEarlierChoice()
    {
        using var client = factory.CreateBylabClient();
        await client.SubmitAsync("/", new Dictionary<string, string>(), "form.language-switcher", "button[value=nn]");

        var response = await client.SubmitAsync("/", new Dictionary<string, string> { ["culture"] = "xx" }, "form.language-switcher");

        Assert.False(SetsCultureCookie(response));
        var page = await client.GetPageAsync("/");
        Assert.Equal("nn", Lang(page));
        Assert.Equal("Vi kjenner ikkje det språket. Vel bokmål, nynorsk eller English.", page.QuerySelector("[role=alert]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("de")]
    [InlineData("nb-NO-x")]
    public async Task UnsupportedCultureInQueryGivesBokmal(string culture)
    {
        using var client = factory.CreateBylabClient();
        var page = await client.GetPageAsync("/?culture=" + culture);
        Assert.Equal("nb", Lang(page));
        Assert.Equal("Forside", HomeLink(page));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    public async Task LanguageSwitchDoesNotRedirectToOtherSites(string returnUrl)
    {
        using var client = factory.CreateBylabClient();

        var response = await client.SubmitAsync("/", new Dictionary<string, string> { ["returnUrl"] = returnUrl }, "form.language-switcher", "button[value=nn]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LanguageSwitchWithoutTokenIsRejected()
    {
        using var client = factory.CreateBylabClient();
        var response = await client.PostRawAsync("/sprak", [new("culture", "nn"), new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(SetsCultureCookie(response));
    }
}
