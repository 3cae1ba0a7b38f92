using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Core.Moderation;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Moderation;

/// <summary>
/// The visibility rule where it was still missing: staff's idea list and page (hidden ideas kept, marked), answers to a
/// hidden idea (no mail to followers), a hidden event's page (a notice, no sign-ups), Min side (marked; others' titles
/// withheld), the report link on event pages, and the venue's public calendar feed.
/// </summary>
public sealed class VisibilityGapsTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task StaffSeeHiddenIdeasMarkedAndAnswersToThemMailNoFollower()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Skjult medvirkning"));
        var author = await factory.Users.CitizenAsync("forfatter");
        var follower = await factory.Users.CitizenAsync("folger");
        var hidden = await factory.Ideas.IdeaAsync(author.Id, consultationId, "Reklame for butikken", "Kjøp varene våre.");
        var shown = await factory.Ideas.IdeaAsync(author.Id, consultationId, "Benker ved stasjonen");
        await factory.Ideas.FollowAsync(follower.Id, hidden.Id);
        await factory.Moderation.HideAsync(ContentKind.Idea, hidden.Id, ModerationReason.Spam, "Reklame.");

        var list = await staff.GetPageAsync($"/admin/ideer?medvirkning={consultationId}");
        Assert.Equal("Hidden", list.QuerySelector($"tr[data-idea='{hidden.Id}'] [data-moderation]")?.GetAttribute("data-moderation"));
        Assert.Null(list.QuerySelector($"tr[data-idea='{shown.Id}'] [data-moderation]"));

        var details = await staff.GetPageAsync($"/admin/ideer/{hidden.Id}");
        Assert.Equal("Reklame for butikken", details.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Kjøp varene våre.", details.QuerySelector("main")!.TextContent);
        Assert.Equal("Hidden", details.QuerySelector("main [data-moderation]")!.GetAttribute("data-moderation"));

        var answer = await staff.SubmitAsync(details, new Dictionary<string, string>
        {
            ["Answer.Status"] = "Rejected",
            ["Answer.AnswerMarkdown"] = "Vi gjør ikke reklame.",
        }, "#answer-form");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(IdeaStatus.Rejected, await factory.WithDbAsync(db => db.Ideas.Where(i => i.Id == hidden.Id).Select(i => i.Status).SingleAsync()));
        Assert.Empty(await factory.OutboxForAsync(follower.Email!));
        Assert.DoesNotContain(await factory.OutboxForAsync(author.Email!), m => m.Subject.StartsWith("Kommunen har svart"));
        var after = await staff.GetPageAsync(answer.Headers.Location!.OriginalString);
        Assert.Contains("ingen som følger den, får e-post", after.QuerySelector("[role=status]")!.TextContent);

        // A visible idea's answer still reaches its followers (the same path, so the test above is not vacuous).
        await factory.Ideas.FollowAsync(follower.Id, shown.Id);
        await staff.SubmitAsync($"/admin/ideer/{shown.Id}", new Dictionary<string, string>
        {
            ["Answer.Status"] = "Accepted", ["Answer.AnswerMarkdown"] = "Ja.",
        }, "#answer-form");
        Assert.Single(await factory.OutboxForAsync(follower.Email!));
    }

    [Fact]
    public async Task AHiddenEventShowsANoticeTakesNoSignUpAndLeavesTheVenueFeed()
    {
        var hidden = await factory.Events.AtBylabAsync(TestData.Unique("Skjult sammenkomst"));
        var other = await factory.Events.AtBylabAsync(TestData.Unique("Synlig sammenkomst"));
        using var client = factory.CreateBylabClient();
        var token = BylabClient.TokenFrom(await client.GetPageAsync("/arrangementer/" + other.Slug));
        var feedBefore = await client.Http.GetStringAsync("/lokalet/kalender.ics");
        Assert.Contains(hidden.Title[..20], feedBefore);
        await factory.Moderation.HideAsync(ContentKind.Event, hidden.Id, ModerationReason.OffensiveOrHateful, "Hets mot en gruppe.");

        var page = await client.GetPageAsync("/arrangementer/" + hidden.Slug);
        Assert.NotNull(page.QuerySelector("[data-withheld]"));
        Assert.Equal("Arrangementet er skjult", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Hets mot en gruppe.", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Støtende eller hatefullt", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(hidden.Title, page.DocumentElement.OuterHtml);
        Assert.Null(page.QuerySelector("form[action*='pamelding']"));

        var signUp = await client.PostRawAsync($"/arrangementer/{hidden.Slug}/pamelding", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Name"] = "Gjest", ["Email"] = TestData.UniqueEmail("gjest"), ["Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.NotFound, signUp.StatusCode);
        Assert.Empty(await factory.Events.RegistrationsOfAsync(hidden.Id));
        // The service refuses too, whatever the page: a stale form, a direct call.
        var user = await factory.Users.CitizenAsync("deltaker");
        Assert.Equal(Bylab.Core.Events.SignUpOutcome.NotFound, (await factory.Events.SignUpAsync(hidden.Id, user)).Outcome);

        var feed = await client.Http.GetStringAsync("/lokalet/kalender.ics");
        Assert.DoesNotContain(hidden.Title[..20], feed);
        Assert.Contains(other.Title[..20], feed);
    }

    [Fact]
    public async Task EventPagesCarryTheReportLinkForSignedInPeopleButNotTheOrganiser()
    {
        var ev = await factory.Events.AtBylabAsync(TestData.Unique("Meldbart møte"));
        var (reader, _) = await factory.SignedInAsync("leser");
        var page = await reader.GetPageAsync("/arrangementer/" + ev.Slug);
        Assert.Equal($"/meld/arrangement/{ev.Id}", page.QuerySelector("a.report-link")?.GetAttribute("href"));
        using var anonymous = factory.CreateBylabClient();
        Assert.Null((await anonymous.GetPageAsync("/arrangementer/" + ev.Slug)).QuerySelector(".report-link"));

        // Once reported, the same place says so.
        var reporterEmail = TestData.UniqueEmail("melder");
        var reporter = await factory.Users.CreateAsync("Melder", reporterEmail, TestData.Password);
        await factory.Moderation.ReportAsync(reporter.Id, ContentKind.Event, ev.Id);
        using var reporterClient = factory.CreateBylabClient();
        await reporterClient.LogInAsync(reporterEmail, TestData.Password);
        Assert.NotNull((await reporterClient.GetPageAsync("/arrangementer/" + ev.Slug)).QuerySelector("span.report-link"));
    }

    [Fact]
    public async Task MinSideMarksOnesOwnHiddenIdeaAndWithholdsOthersTitles()
    {
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Min side"));
        var email = TestData.UniqueEmail("meg");
        var me = await factory.Users.CreateAsync("Meg", email, TestData.Password);
        var other = await factory.Users.CitizenAsync("annen");
        var mine = await factory.Ideas.IdeaAsync(me.Id, consultationId, "Min egen skjulte idé");
        var theirs = await factory.Ideas.IdeaAsync(other.Id, consultationId, "Andres skjulte idé");
        await factory.WithAsync((VoteService v) => v.CastAsync(me.Id, theirs.Id));
        await factory.Ideas.FollowAsync(me.Id, theirs.Id);
        await factory.Moderation.HideAsync(ContentKind.Idea, mine.Id);
        await factory.Moderation.HideAsync(ContentKind.Idea, theirs.Id);
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);

        var page = await client.GetPageAsync("/min-side");
        var own = page.QuerySelector("#ideer")!;
        Assert.Contains("Min egen skjulte idé", own.TextContent);
        Assert.Equal("Hidden", own.QuerySelector("[data-moderation]")!.GetAttribute("data-moderation"));
        Assert.DoesNotContain("Andres skjulte idé", page.DocumentElement.OuterHtml);
        Assert.Equal($"/ideer/{theirs.Id}", page.QuerySelector("#stemmer [data-moderation]")!.GetAttribute("href"));
        Assert.Equal($"/ideer/{theirs.Id}", page.QuerySelector("#folger [data-moderation]")!.GetAttribute("href"));
    }
}
