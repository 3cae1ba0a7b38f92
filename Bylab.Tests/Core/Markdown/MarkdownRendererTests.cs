using AngleSharp.Html.Parser;
using Bylab.Core.Markdown;

namespace Bylab.Tests.Core.Markdown;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static AngleSharp.Dom.IElement Body(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;

    [Fact]
    public void ScriptTagIsShownAsTextNotRun()
    {
        var html = Renderer.ToSafeHtml("Hei <script>alert('x')</script> der");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Body(html).QuerySelectorAll("script"));
        Assert.Contains("<script>alert('x')</script>", Body(html).TextContent);
    }

    [Fact]
    public void JavascriptLinkLosesItsHref()
    {
        var html = Renderer.ToSafeHtml("[x](javascript:alert(1))");
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(Body(html).QuerySelectorAll("a"), a => Assert.False(a.HasAttribute("href")));
    }

    [Fact]
    public void RawImageWithHandlerIsText()
    {
        var html = Renderer.ToSafeHtml("<img src=x onerror=alert(1)>");
        Assert.Empty(Body(html).QuerySelectorAll("img"));
        Assert.Contains("&lt;img", html);
        Assert.Empty(Body(html).QuerySelectorAll("[onerror]"));
    }

    [Fact]
    public void LinksAreMarkedAsUserContent()
    {
        var html = Renderer.ToSafeHtml("Se [Hamar kommune](https://www.hamar.kommune.no) og https://example.org");
        var links = Body(html).QuerySelectorAll("a");
        Assert.Equal(2, links.Length);
        Assert.All(links, a =>
        {
            var rel = a.GetAttribute("rel")!.Split(' ');
            Assert.Contains("nofollow", rel);
            Assert.Contains("ugc", rel);
        });
        Assert.Equal("https://www.hamar.kommune.no", links[0].GetAttribute("href"));
    }

    [Fact]
    public void TopLevelHeadingDoesNotCompeteWithThePageHeading()
    {
        var html = Renderer.ToSafeHtml("# Stor tittel\n\n## Mindre tittel\n\nTekst med **fet** og *kursiv*.");
        var body = Body(html);
        Assert.Empty(body.QuerySelectorAll("h1"));
        Assert.Contains("Stor tittel", body.TextContent);
        Assert.Equal("Mindre tittel", body.QuerySelector("h2")!.TextContent);
        Assert.Equal("fet", body.QuerySelector("strong")!.TextContent);
        Assert.Equal("kursiv", body.QuerySelector("em")!.TextContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void EmptyInputGivesEmptyHtml(string? markdown) => Assert.Equal("", Renderer.ToSafeHtml(markdown));

    [Fact]
    public void NorwegianLettersStayReadable() =>
        Assert.Contains("Blåbær og rømme", Renderer.ToSafeHtml("Blåbær og rømme"));
}
