using Bylab.Core.Common;

namespace Bylab.Tests.Core;

public sealed class SiteOptionsTests
{
    [Theory]
    [InlineData("http://localhost:5174", true)]
    [InlineData("https://bylab.hamar.kommune.no", true)]
    [InlineData("https://hamar.kommune.no/bylab/", true)]
    [InlineData("bylab.hamar.kommune.no", false)]
    [InlineData("/bylab", false)]
    [InlineData("ftp://bylab.hamar.kommune.no", false)]
    [InlineData("https://bylab.hamar.kommune.no/?x=1", false)]
    [InlineData("", false)]
    public void PublicUrlMustBeAnAbsoluteWebAddress(string url, bool valid)
    {
        var result = new SiteOptionsValidator().Validate(null, new SiteOptions { PublicUrl = url });
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.StartsWith("Bylab:Site:PublicUrl", Assert.Single(result.Failures!));
        }
    }

    [Fact]
    public void LinksAreJoinedWithOneSlash()
    {
        Assert.Equal("https://hamar.kommune.no/bylab/pamelding/abc", new SiteOptions { PublicUrl = "https://hamar.kommune.no/bylab/" }.Link("/pamelding/abc"));
        Assert.Equal("http://localhost:5174/arrangementer/x", new SiteOptions().Link("/arrangementer/x"));
    }
}
