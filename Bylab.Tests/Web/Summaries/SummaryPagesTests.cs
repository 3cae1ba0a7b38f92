using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Core.Summaries;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Summaries;

/// <summary>Who reads a summary when, and staff's conclusion form: real requests, real form posts.</summary>
public sealed class SummaryPagesTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static string SummaryPath(string slug) => $"/medvirkning/{slug}/oppsummering";

    private async Task<(TestConsultation Consultation, int IdeaId)> ConsultationWithAnIdeaAsync(ConsultationPhase moveTo)
    {
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Oppsummert medvirkning"));
        var author = await factory.Users.CreateAsync("Forfatter");
        var voter = await factory.Users.CreateAsync("Velger");
        var idea = await factory.Ideas.IdeaAsync(author.Id, consultation.Id, "Flere trær i gatene", "Trær gir skygge og ro.");
        await factory.Ideas.VoteAsync(voter.Id, idea.Id);
        if (moveTo != ConsultationPhase.OpenForIdeas)
        {
            await factory.Ideas.MoveToAsync(consultation.Id, moveTo);
        }
        return (consultation, idea.Id);
    }

    [Fact]
    public async Task PoliticiansAndStaffReadARunningSummaryWhileThePublicAndCitizensGetNotFound()
    {
        var (consultation, _) = await ConsultationWithAnIdeaAsync(ConsultationPhase.OpenForIdeas);
        var path = SummaryPath(consultation.Slug);

        using var anonymous = factory.CreateBylabClient();
        await anonymous.GetPageAsync(path, HttpStatusCode.NotFound);
        var (citizen, _) = await factory.SignedInAsync("innbygger", Roles.Citizen);
        await citizen.GetPageAsync(path, HttpStatusCode.NotFound);

        var (politician, _) = await factory.SignedInAsync("politiker", Roles.Politician);
        var page = await politician.GetPageAsync(path);
        Assert.Equal("1", page.QuerySelector("[data-figure=ideas]")!.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-figure=votes]")!.TextContent);
        Assert.Equal("2", page.QuerySelector("[data-figure=participants]")!.TextContent);
        Assert.NotNull(page.QuerySelector("svg[role=img] title"));
        Assert.DoesNotContain("Forfatter", page.QuerySelector("main")!.TextContent);
        // The phrases (two words of one sentence, no stop word), each opening to the ideas that use it.
        var phrases = page.QuerySelector("section[aria-labelledby=phrases-heading]")!;
        Assert.Equal("Uttrykk som ble brukt mest", phrases.QuerySelector("h2")!.TextContent);
        Assert.Equal(["gir skygge", "trær gir"], phrases.QuerySelectorAll(".summary-words__word").Select(w => w.TextContent));
        Assert.Equal("Flere trær i gatene", phrases.QuerySelector("a")!.TextContent);

        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        await staff.GetPageAsync(path);
        await politician.GetPageAsync(SummaryPath("finnes-ikke"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StaffWriteTheConclusionScriptsAreRemovedAndOnceConcludedEveryoneReadsIt()
    {
        var (consultation, _) = await ConsultationWithAnIdeaAsync(ConsultationPhase.Closed);
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var form = $"/admin/medvirkninger/{consultation.Id}/oppsummering";

        var saved = await staff.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Markdown"] = "Vi **planter 40 trær** i 2027.\n\n<script>alert('x')</script> [Les mer](javascript:alert(1))",
            ["Licence"] = nameof(OpenDataLicence.CcBy40),
        }, "#conclusion-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.WithDbAsync(db => db.ConsultationConclusions.AsNoTracking().SingleAsync(c => c.ConsultationId == consultation.Id));
        Assert.Equal(OpenDataLicence.CcBy40, stored.Licence);

        using var anonymous = factory.CreateBylabClient();
        await anonymous.GetPageAsync(SummaryPath(consultation.Slug), HttpStatusCode.NotFound);

        var concluded = await staff.SubmitAsync(form, new Dictionary<string, string>(), "#summary-conclude-form");
        Assert.Equal(HttpStatusCode.Redirect, concluded.StatusCode);

        var page = await anonymous.GetPageAsync(SummaryPath(consultation.Slug));
        var conclusion = page.QuerySelector(".summary-conclusion")!;
        Assert.Equal("planter 40 trær", conclusion.QuerySelector("strong")!.TextContent);
        Assert.Null(conclusion.QuerySelector("script"));
        Assert.DoesNotContain("javascript:", conclusion.InnerHtml);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == SummaryAuditActions.ConclusionSaved && a.TargetId == consultation.Id.ToString())));
    }

    [Fact]
    public async Task AConclusionWithAControlCharacterIsRefusedOnTheFieldAndKeptInTheForm()
    {
        var (consultation, _) = await ConsultationWithAnIdeaAsync(ConsultationPhase.Closed);
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);

        var response = await staff.SubmitAsync($"/admin/medvirkninger/{consultation.Id}/oppsummering",
            new Dictionary<string, string> { ["Markdown"] = "Vi gjorde\u0007 noe", ["Licence"] = "Nlod20" }, "#conclusion-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.NotEmpty(page.ErrorSummary());
        Assert.Contains("Vi gjorde", page.QuerySelector("textarea[name=Markdown]")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.ConsultationConclusions.AnyAsync(c => c.ConsultationId == consultation.Id)));
    }

    [Fact]
    public async Task PoliticiansFindTheOverviewFromMinSideAndCitizensAreRefusedIt()
    {
        var (consultation, _) = await ConsultationWithAnIdeaAsync(ConsultationPhase.VotingOnly);
        var (politician, _) = await factory.SignedInAsync("politiker", Roles.Politician);

        var mine = await politician.GetPageAsync("/min-side");
        Assert.NotNull(mine.QuerySelector("a[href='/oppsummeringer']"));
        var overview = await politician.GetPageAsync("/oppsummeringer");
        var link = overview.QuerySelector($"#overview-open ~ table a[href='{SummaryPath(consultation.Slug)}']")
            ?? overview.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == SummaryPath(consultation.Slug));
        Assert.NotNull(link);

        var (citizen, _) = await factory.SignedInAsync("innbygger", Roles.Citizen);
        Assert.Null((await citizen.GetPageAsync("/min-side")).QuerySelector("a[href='/oppsummeringer']"));
        await citizen.GetPageAsync("/oppsummeringer", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StaffLinkAnEventAndItsPeopleCountInTheSummary()
    {
        var (consultation, _) = await ConsultationWithAnIdeaAsync(ConsultationPhase.OpenForIdeas);
        var ev = await factory.Events.AddAsync(TestData.Unique("Folkemøte"), capacity: 30, maxCompanions: 3);
        await factory.Events.RegistrationAsync(ev.Id, Bylab.Core.Events.RegistrationStatus.Confirmed, companions: 3, checkedIn: true);
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);

        var linked = await staff.PostRawAsync($"/admin/medvirkninger/{consultation.Id}/oppsummering/arrangementer", [
            new("__RequestVerificationToken", BylabClient.TokenFrom(await staff.GetPageAsync($"/admin/medvirkninger/{consultation.Id}/oppsummering"))),
            new("eventId", ev.Id.ToString()), new("linked", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        var page = await staff.GetPageAsync(SummaryPath(consultation.Slug));
        Assert.Equal("4", page.QuerySelector("[data-figure=registered]")!.TextContent);
        Assert.Equal("4", page.QuerySelector("[data-figure=attended]")!.TextContent);
    }
}
