using System.Net;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Ideas;

namespace Bylab.Tests.Web.Profile;

/// <summary>
/// What a person wrote stays after they delete their account, without their name – seen from the pages, as another
/// visitor sees them. (Bylab.Tests/Core/Ideas/IdeaLifecycleTests holds the same rule at the service level.)
/// </summary>
public sealed class AccountDeletionContributionsTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task CommentsIdeasAndVotesStayWithoutTheNameOfADeletedAccount()
    {
        var setup = await factory.Ideas.ConsultationAsync(TestData.Unique("Slettet konto"));
        var other = await factory.Users.CitizenAsync("annen");
        var theirs = await factory.Ideas.IdeaAsync(other.Id, setup.Id, "Benker langs Mjøsa");
        var leaving = await factory.Users.CitizenAsync("solveig");
        var name = leaving.DisplayName; // unique: the e-mail's local part
        var own = await factory.Ideas.IdeaAsync(leaving.Id, setup.Id, "Gatekunst i Torggata");
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(leaving.Email!, TestData.Password);

        // A comment, a reply to someone else, and a vote, all through the idea page's forms.
        var url = "/ideer/" + theirs.Slug;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["Body"] = "Gjerne med ryggstø!" }, "#ny-kommentar")).StatusCode);
        var asked = await factory.WithAsync((CommentService c) => c.AddAsync(other.Id, theirs.Id, null, "Hva med skygge?"));
        Assert.Equal(AddCommentOutcome.Added, asked.Outcome);
        var page = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, new Dictionary<string, string> { ["Body"] = "Trær langs stien." },
            $"details.reply:has(#reply-{asked.CommentId}) form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string>(), "form[data-vote-form]")).StatusCode);

        using var visitor = factory.CreateBylabClient();
        var before = (await visitor.GetPageAsync(url)).QuerySelector("main")!.TextContent;
        Assert.Contains(name, before);

        var deleted = await client.SubmitAsync("/min-side/slett", new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var after = await visitor.GetPageAsync(url);
        var main = after.QuerySelector("main")!;
        Assert.DoesNotContain(name, after.DocumentElement.OuterHtml);
        var comment = main.QuerySelectorAll(".comment").Single(c => c.TextContent.Contains("Gjerne med ryggstø!"));
        Assert.Contains("slettet konto", comment.QuerySelector(".comment__meta")!.TextContent);
        var reply = main.QuerySelectorAll(".comment-list--replies .comment").Single(c => c.TextContent.Contains("Trær langs stien."));
        Assert.Contains("slettet konto", reply.QuerySelector(".comment__meta")!.TextContent);
        Assert.Contains("Kommentarer (3)", main.TextContent);
        // The vote stays, anonymous: the result does not change when someone leaves.
        Assert.Equal("1", after.QuerySelector("[data-vote-count]")!.TextContent);

        // Their own idea stays too, on its page and in the list, by «slettet konto».
        var ownPage = await visitor.GetPageAsync("/ideer/" + own.Slug);
        Assert.Contains("Gatekunst i Torggata", ownPage.QuerySelector("h1")!.TextContent);
        Assert.Contains("slettet konto", ownPage.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(name, ownPage.DocumentElement.OuterHtml);
        var list = await visitor.GetPageAsync($"/medvirkning/{setup.Slug}");
        Assert.Contains("Gatekunst i Torggata", list.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(name, list.DocumentElement.OuterHtml);
    }
}
