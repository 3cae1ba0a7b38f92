using System.Net;
using System.Xml.Linq;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Ideas;

/// <summary>The Atom feed is well-formed XML whatever a stored title holds: control characters are not valid XML at all.</summary>
public sealed class FeedSafetyTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task AStoredTitleWithControlCharactersStillGivesAValidFeed()
    {
        var data = new IdeasData(factory);
        var setup = await data.ConsultationAsync("Strøm");
        var author = await factory.CreateUserAsync(TestData.UniqueEmail("forfatter"), TestData.Password);
        var idea = await data.IdeaAsync(setup, author.Id, "Benker på torget");
        await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, "Benker\u0001 på\r\ntorget\u001b")));
        using var client = factory.CreateBylabClient();

        var response = await client.Http.GetAsync($"/medvirkning/{setup.ConsultationSlug}/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry"));
        Assert.Equal("Benker på torget", entry.Element(atom + "title")!.Value);
    }
}
