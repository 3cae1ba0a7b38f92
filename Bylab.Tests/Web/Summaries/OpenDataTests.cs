using System.Net;
using System.Text.Json;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;

namespace Bylab.Tests.Web.Summaries;

/// <summary>The open-data file: the page's figures, the licence staff chose, every field documented, no personal data.</summary>
public sealed class OpenDataTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task TheJsonHasThePagesFiguresTheChosenLicenceAndEveryFieldIsDocumented()
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Åpne data"));
        var author = await factory.Users.CreateAsync("Åse Åpen");
        var idea = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, "Grønne tak på Stortorget", "Mer grønt.", ["klima-og-miljo"], [13]);
        await factory.Ideas.VoteAsync((await factory.Users.CreateAsync("Velger")).Id, idea.Id);
        await factory.Ideas.MoveToAsync(consultation.Id, ConsultationPhase.Closed);
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var form = $"/admin/medvirkninger/{consultation.Id}/oppsummering";
        await staff.SubmitAsync(form, new Dictionary<string, string> { ["Markdown"] = "Vi gjør det.", ["Licence"] = "CcBy40" }, "#conclusion-form");
        await staff.SubmitAsync(form, new Dictionary<string, string>(), "#summary-conclude-form");

        using var anonymous = factory.CreateBylabClient();
        var page = await anonymous.GetPageAsync($"/medvirkning/{consultation.Slug}/oppsummering");
        var response = await anonymous.Http.GetAsync($"/medvirkning/{consultation.Slug}/oppsummering/apne-data.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        Assert.Equal("CC-BY-4.0", root.GetProperty("licence").GetProperty("id").GetString());
        foreach (var figure in new[] { "ideas", "votes", "comments", "participants" })
        {
            Assert.Equal(page.QuerySelector($"[data-figure={figure}]")!.TextContent, root.GetProperty("figures").GetProperty(figure).GetInt32().ToString());
        }
        var exported = Assert.Single(root.GetProperty("ideas").EnumerateArray());
        Assert.Equal("Grønne tak på Stortorget", exported.GetProperty("title").GetString());
        Assert.DoesNotContain("Åse Åpen", text);
        Assert.DoesNotContain(author.Id, text);

        // Every field in the file is described on the documentation page, and the page describes nothing that is not there.
        var docs = await anonymous.GetPageAsync("/apne-data/medvirkning");
        var documented = docs.QuerySelectorAll("#open-data-fields tbody th code").Select(c => c.TextContent).ToHashSet();
        Assert.Equal(documented.Order(), Paths(root, "").Distinct().Order());
        Assert.All(docs.QuerySelectorAll("#open-data-fields tbody td"), td => Assert.False(string.IsNullOrWhiteSpace(td.TextContent)));
    }

    private static IEnumerable<string> Paths(JsonElement element, string prefix) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Value.ValueKind is JsonValueKind.Object || (p.Value.ValueKind is JsonValueKind.Array && p.Value.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.Object))
                ? Paths(p.Value, prefix + p.Name + (p.Value.ValueKind == JsonValueKind.Array ? "[]" : "") + ".")
                : [prefix + p.Name]),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Paths(e, prefix)),
        _ => [prefix.TrimEnd('.')],
    };
}
