using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;

namespace Bylab.Tests.Web.Ideas;

/// <summary>
/// A withdrawn idea says it was withdrawn and no longer shows what it said; edit forms answer someone who may not
/// edit with 403 before they look at the input, so a stranger never gets the form (with their own input) back.
/// </summary>
public sealed class IdeaPrivacyAndAccessTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task AWithdrawnIdeaShowsThatItWasWithdrawnNotItsText()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Tilbaketrukket tekst"));
        var (author, authorEmail) = await factory.SignedInAsync("forfatter", Roles.Citizen);
        using var _a = author;
        var authorId = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == authorEmail).Id));
        var idea = await factory.Ideas.IdeaAsync(authorId, setup.Id, "Idé som angres", "Her står det noe jeg ikke lenger vil vise fram, om naboen min.");
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync($"/ideer/{idea.Id}/trekk-tilbake", new Dictionary<string, string>())).StatusCode);

        using var stranger = factory.CreateBylabClient();
        var page = await stranger.GetPageAsync("/ideer/" + idea.Slug);

        Assert.Contains("Forfatteren har trukket tilbake denne ideen", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("naboen min", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector(".idea__body"));
    }

    [Fact]
    public async Task ANonAuthorPostingAnInvalidEditGets403NotTheForm()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Redigering"));
        var owner = await factory.Users.CitizenAsync("eier");
        var idea = await factory.Ideas.IdeaAsync(owner.Id, setup.Id, "Idé med eier");
        var (stranger, _) = await factory.SignedInAsync("fremmed", Roles.Citizen);
        using var _s = stranger;
        var token = BylabClient.TokenFrom(await stranger.GetPageAsync("/ideer/" + idea.Slug));

        var invalid = await stranger.PostRawAsync($"/ideer/{idea.Id}/rediger", [new("__RequestVerificationToken", token), new("Title", ""), new("BodyMarkdown", "Min egen tekst")]);

        Assert.Equal(HttpStatusCode.Forbidden, invalid.StatusCode);
        Assert.DoesNotContain("Min egen tekst", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANonAuthorPostingAnInvalidCommentEditGets403NotTheForm()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Kommentarredigering"));
        var owner = await factory.Users.CitizenAsync("eier");
        var idea = await factory.Ideas.IdeaAsync(owner.Id, setup.Id, "Idé med kommentar");
        var commentId = await factory.WithAsync<CommentService, int>(async s => (await s.AddAsync(owner.Id, idea.Id, null, "Første kommentar")).CommentId!.Value);
        var (stranger, _) = await factory.SignedInAsync("fremmed", Roles.Citizen);
        using var _s = stranger;
        var token = BylabClient.TokenFrom(await stranger.GetPageAsync("/ideer/" + idea.Slug));

        var invalid = await stranger.PostRawAsync($"/ideer/kommentarer/{commentId}/rediger", [new("__RequestVerificationToken", token), new("Body", "   ")]);

        Assert.Equal(HttpStatusCode.Forbidden, invalid.StatusCode);
    }
}
