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
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Strøm"));
        var author = await factory.Users.CreateAsync("Forfatter");
        var idea = await factory.Ideas.IdeaAsync(author.Id, setup.Id, "Benker på torget");
        await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, "Benker\u0001 på\r\ntorget\u001b")));
        using var client = factory.CreateBylabClient();

        var response = await client.Http.GetAsync($"/medvirkning/{setup.Slug}/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry"));
        Assert.Equal("Benker på torget", entry.Element(atom + "title")!.Value);
    }
}
