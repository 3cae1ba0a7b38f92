using System.Globalization;
using Bunit;
using Bylab.Web.Features.Shared.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Components;

public sealed class PagerTests : BunitContext
{
    public PagerTests()
    {
        // The real resources of the Web assembly, so a missing or renamed key fails here.
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nb");
    }

    private IRenderedComponent<Pager> RenderPager(int page, int pageCount) => Render<Pager>(p => p
        .Add(x => x.Page, page)
        .Add(x => x.PageCount, pageCount)
        .Add(x => x.Href, n => $"/liste?sok=a%20b&side={n}"));

    [Fact]
    public void FirstPageLinksOnlyForward()
    {
        var cut = RenderPager(1, 3);

        var nav = cut.Find("nav");
        Assert.Equal("Sidenavigasjon", nav.GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("a[rel=prev]"));
        Assert.Equal("Forrige side", cut.Find("span[aria-disabled=true]").TextContent);
        Assert.Equal("/liste?sok=a%20b&side=2", cut.Find("a[rel=next]").GetAttribute("href"));
        Assert.Equal("Neste side", cut.Find("a[rel=next]").TextContent);
        Assert.Equal("Side 1 av 3", cut.Find(".pager__status").TextContent);
    }

    [Fact]
    public void LastPageLinksOnlyBack()
    {
        var cut = RenderPager(3, 3);

        Assert.Empty(cut.FindAll("a[rel=next]"));
        Assert.Equal("Neste side", cut.Find("span[aria-disabled=true]").TextContent);
        Assert.Equal("/liste?sok=a%20b&side=2", cut.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("Side 3 av 3", cut.Find(".pager__status").TextContent);
    }

    [Fact]
    public void MiddlePageLinksBothWays()
    {
        var cut = RenderPager(2, 3);

        Assert.Empty(cut.FindAll("[aria-disabled]"));
        Assert.Equal("/liste?sok=a%20b&side=1", cut.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/liste?sok=a%20b&side=3", cut.Find("a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public void PagePastTheEndLeadsBackToTheLastPage()
    {
        var cut = RenderPager(9, 3);

        Assert.Equal("/liste?sok=a%20b&side=2", cut.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("Side 3 av 3", cut.Find(".pager__status").TextContent);
    }

    [Fact]
    public void SpeaksTheChosenLanguage()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
        var cut = RenderPager(1, 2);

        Assert.Equal("Pagination", cut.Find("nav").GetAttribute("aria-label"));
        Assert.Equal("Page 1 of 2", cut.Find(".pager__status").TextContent);
        Assert.Equal("Next page", cut.Find("a[rel=next]").TextContent);
    }
}
