using System.Net;
using Bylab.Core.Accounts;
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
    private readonly IdeasData _data = new(factory);

    [Fact]
    public async Task CommentsIdeasAndVotesStayWithoutTheNameOfADeletedAccount()
    {
        var setup = await _data.ConsultationAsync("Slettet konto");
        var other = await factory.CreateUserAsync(TestData.UniqueEmail("annen"), TestData.Password, Roles.Citizen);
        var theirs = await _data.IdeaAsync(setup, other.Id, "Benker langs Mjøsa");
        var email = TestData.UniqueEmail("solveig");
        var leaving = await factory.CreateUserAsync(email, TestData.Password, Roles.Citizen);
        var name = leaving.DisplayName; // unique: the e-mail's local part
        var own = await _data.IdeaAsync(setup, leaving.Id, "Gatekunst i Torggata");
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);

        // A comment, a reply to someone else, and a vote, all through the idea page's forms.
        var url = "/ideer/" + theirs.Slug;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["Body"] = "Gjerne med ryggstø!" }, "#ny-kommentar")).StatusCode);
        var asked = await _data.WithAsync<CommentService, AddCommentResult>(c => c.AddAsync(other.Id, theirs.Id, null, "Hva med skygge?"));
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
        var list = await visitor.GetPageAsync($"/medvirkning/{setup.ConsultationSlug}");
        Assert.Contains("Gatekunst i Torggata", list.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(name, list.DocumentElement.OuterHtml);
    }
}
