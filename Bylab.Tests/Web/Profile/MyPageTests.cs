using System.Net;
using AngleSharp.Dom;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Bylab.Tests.Web.Admin.Ideas;
using Bylab.Tests.Web.Organise;
using Bylab.Web.Features.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Profile;

/// <summary>Min side lists what the person has going on, and turns the daily comment e-mail on and off.</summary>
public sealed class MyPageTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task MyPageListsMyIdeasVotesLeftFollowsAndSignUps()
    {
        var (client, email) = await factory.SignedInAsync("innbygger", Roles.Citizen);
        var me = await factory.Users.IdOfAsync(email);
        var other = await factory.Users.CitizenAsync("annen");
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Torget i sentrum"));
        await factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == consultationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MaxVotesPerPerson, 3)));
        var myIdea = (await factory.Ideas.IdeaAsync(me, consultationId, "Flere trær på torget")).Id;
        var liked = (await factory.Ideas.IdeaAsync(other.Id, consultationId, "Vannlek for barna")).Id;
        await factory.Ideas.VoteAsync(me, liked);
        await factory.Ideas.FollowAsync(me, liked);
        var (eventId, _) = await factory.Events.ForOrganiserAsync(ownerId: null, title: "Kveldsmøte om torget");
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Bylab.Core.Events.SignUpService>()
            .SignUpAsync(eventId, me, TestEvents.SignUpInput("Meg", email)));

        var page = await client.GetPageAsync("/min-side");

        Assert.Contains("Flere trær på torget", page.QuerySelector("#ideer")!.TextContent);
        Assert.Equal("/ideer/" + Slugs.WithId("Flere trær på torget", myIdea), page.QuerySelector("#ideer a")!.GetAttribute("href"));
        var votes = page.QuerySelector($"#stemmer [data-consultation='{consultationId}']")!;
        Assert.Contains("Vannlek for barna", votes.TextContent);
        Assert.Contains("Du har 2 stemmer igjen i denne medvirkningen.", votes.TextContent);
        Assert.Contains("Vannlek for barna", page.QuerySelector("#folger")!.TextContent);
        Assert.Contains("Kveldsmøte om torget", page.QuerySelector("#pameldinger")!.TextContent);
    }

    [Fact]
    public async Task TheCommentEmailIsOnUntilTurnedOff()
    {
        var (client, email) = await factory.SignedInAsync("innbygger", Roles.Citizen);
        var page = await client.GetPageAsync("/min-side");
        var box = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#commentDigest")!;
        Assert.True(box.IsChecked);

        // Unticked, the box is not sent at all: the form posts nothing for it.
        box.IsChecked = false;
        var off = await client.SubmitAsync(page, new Dictionary<string, string>(), "#varsler form");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.True(await OptedOutAsync(email));
        var after = await client.GetPageAsync("/min-side");
        Assert.False(after.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#commentDigest")!.IsChecked);
        Assert.Equal("Du får ikke lenger e-post om nye kommentarer.", after.QuerySelector("[role=status]")!.TextContent.Trim());

        await client.SubmitAsync(after, new Dictionary<string, string> { ["commentDigest"] = "true" }, "#varsler form");
        Assert.False(await OptedOutAsync(email));
    }

    [Theory]
    [InlineData("nb", "Ny kommentar til deg på Bylab Hamar", "Kari Nordmann kommenterte ideen din")]
    [InlineData("en", "A new comment for you on Bylab Hamar", "Kari Nordmann commented on your idea")]
    public async Task TheDigestIsInThePersonsLanguageWithAbsoluteLinksAndOneLineNames(string culture, string subject, string expectedLine)
    {
        var mail = new CommentDigestMail("ola@example.org", "Ola\r\nBcc: evil@example.org", culture,
            [new CommentDigestItem(7, "Benker\nlangs Mjøsa", 42, CommentNoticeReason.OnYourIdea, "Kari\u0007 Nordmann", "Et **godt** forslag!\n\nMed to avsnitt.", new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc))]);
        Bylab.Core.Email.EmailMessage message = null!;
        await factory.WithScopeAsync(sp =>
        {
            message = sp.GetRequiredService<ICommentDigestComposer>().Compose(mail);
            return Task.CompletedTask;
        });

        Assert.Equal(subject, message.Subject);
        // Control characters never reach the mail: a name is one line, whatever was stored.
        Assert.Contains(expectedLine, message.TextBody);
        Assert.DoesNotContain(message.TextBody, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain("\r\nBcc", message.TextBody);
        Assert.Contains("«Benker langs Mjøsa»", message.TextBody);
        Assert.Contains("Et godt forslag! Med to avsnitt.", message.TextBody);
        Assert.Contains("http://localhost/ideer/benker-langs-mjosa-7#kommentar-42", message.TextBody);
        Assert.Contains("http://localhost/min-side#varsler", message.TextBody);
    }

    private Task<bool> OptedOutAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.CommentDigestOptOut).SingleAsync());
}
