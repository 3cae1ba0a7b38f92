using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Admin.Ideas;

public sealed class IdeaAdminTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task AnswerIsShownAndEmailedToEveryFollowerInTheirOwnLanguage()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var author = await factory.Users.CitizenAsync("forfatter", "nb");
        var nynorsk = await factory.Users.CitizenAsync("nynorsk", "nn");
        var english = await factory.Users.CitizenAsync("english", "en");
        var ideaId = (await factory.Ideas.IdeaAsync(author.Id, consultationId, "Benker på Stortorget")).Id;
        await factory.Ideas.FollowAsync(nynorsk.Id, ideaId);
        await factory.Ideas.FollowAsync(english.Id, ideaId);

        var response = await staff.SubmitAsync($"/admin/ideer/{ideaId}", new Dictionary<string, string>
        {
            ["Answer.Status"] = "Accepted",
            ["Answer.AnswerMarkdown"] = "Vi setter ut **tre benker** i mai.",
        }, "#answer-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await staff.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("3", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("tre benker", page.QuerySelector("#current-answer strong")!.TextContent);
        Assert.Equal("Accepted", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        // The form opens with the current answer, ready to be changed.
        Assert.Equal("Vi setter ut **tre benker** i mai.", page.FieldValue("Answer.AnswerMarkdown"));

        var link = $"http://localhost/ideer/benker-pa-stortorget-{ideaId}";
        var nb = Assert.Single(await factory.OutboxForAsync(author.Email!));
        Assert.Equal("Kommunen har svart på ideen «Benker på Stortorget»", nb.Subject);
        Assert.Contains("Status: Vedtatt", nb.TextBody);
        Assert.Contains("Vi setter ut tre benker i mai.", nb.TextBody);
        Assert.Contains(link, nb.TextBody);

        var nn = Assert.Single(await factory.OutboxForAsync(nynorsk.Email!));
        Assert.Equal("Kommunen har svart på ideen «Benker på Stortorget»", nn.Subject);
        Assert.Contains("som du følgjer", nn.TextBody);
        Assert.Contains("Status: Vedteken", nn.TextBody);
        Assert.Contains(link, nn.TextBody);

        var en = Assert.Single(await factory.OutboxForAsync(english.Email!));
        Assert.Equal("The municipality has answered the idea «Benker på Stortorget»", en.Subject);
        Assert.Contains("Status: Accepted", en.TextBody);
        Assert.Contains("Vi setter ut tre benker i mai.", en.TextBody);
        Assert.Contains(link, en.TextBody);

        // The staff member's own language is untouched by the e-mails written in others'.
        Assert.Equal("nb", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task AnAnswerWithoutStatusOrTextIsRefusedAndNothingIsSent()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var author = await factory.Users.CitizenAsync("forfatter");
        var ideaId = (await factory.Ideas.IdeaAsync(author.Id, consultationId, "Lys i parken")).Id;

        var response = await staff.SubmitAsync($"/admin/ideer/{ideaId}", new Dictionary<string, string>
        {
            ["Answer.Status"] = "", ["Answer.AnswerMarkdown"] = "  ",
        }, "#answer-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Equal(["Velg en status.", "Skriv et svar."], page.ErrorSummary());
        Assert.Equal("true", page.QuerySelector("#Answer_Status")!.GetAttribute("aria-invalid"));
        Assert.Empty(await factory.OutboxForAsync(author.Email!));
        Assert.Equal(IdeaStatus.New, (await factory.Ideas.DetailsAsync(ideaId)).Status);
    }

    [Fact]
    public async Task MergingMovesTheVotesToTheIdeaThatIsKept()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var author = await factory.Users.CitizenAsync("forfatter");
        var (a, b, c) = (await factory.Users.CitizenAsync("a"), await factory.Users.CitizenAsync("b"), await factory.Users.CitizenAsync("c"));
        var keep = (await factory.Ideas.IdeaAsync(author.Id, consultationId, "Sykkelvei langs Mjøsa")).Id;
        var duplicate = (await factory.Ideas.IdeaAsync(author.Id, consultationId, "Sykkelsti ved Mjøsa")).Id;
        await factory.Ideas.VoteAsync(a.Id, keep);
        await factory.Ideas.VoteAsync(b.Id, duplicate);
        await factory.Ideas.VoteAsync(a.Id, duplicate);
        await factory.Ideas.VoteAsync(c.Id, duplicate);

        var detailsPage = await staff.GetPageAsync($"/admin/ideer/{duplicate}");
        Assert.Contains(detailsPage.QuerySelectorAll("#Merge_TargetId option"), o => o.GetAttribute("value") == keep.ToString());
        var response = await staff.SubmitAsync(detailsPage, new Dictionary<string, string> { ["Merge.TargetId"] = keep.ToString() }, "#merge-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/ideer/{keep}", response.Headers.Location!.OriginalString);
        // a voted for both and keeps one vote; b and c move over.
        Assert.Equal(3, (await factory.Ideas.DetailsAsync(keep)).VoteCount);
        var merged = await factory.Ideas.DetailsAsync(duplicate);
        Assert.Equal(keep, merged.MergedIntoId);
        Assert.Equal(0, merged.VoteCount);
        IReadOnlyList<IdeaListItem> listed = [];
        await factory.WithScopeAsync(async sp =>
            listed = (await sp.GetRequiredService<IdeaQueries>().ListAsync(new IdeaFilter(ConsultationId: consultationId))).Items);
        Assert.Equal([keep], listed.Select(i => i.Id));
        var keptPage = await staff.GetPageAsync($"/admin/ideer/{keep}");
        Assert.Equal("3", keptPage.QuerySelector("[data-count=votes]")!.TextContent);
    }

    [Fact]
    public async Task IdeasFromAnotherConsultationAreNotMerged()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (first, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var (second, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var author = await factory.Users.CitizenAsync("forfatter");
        var one = (await factory.Ideas.IdeaAsync(author.Id, first, "Grillplass på Koigen")).Id;
        await factory.Ideas.IdeaAsync(author.Id, first, "Badebrygge på Koigen");
        var other = (await factory.Ideas.IdeaAsync(author.Id, second, "Grillplass i Domkirkeodden")).Id;

        var response = await staff.SubmitAsync($"/admin/ideer/{one}", new Dictionary<string, string> { ["Merge.TargetId"] = other.ToString() }, "#merge-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Equal(["Ideene hører til forskjellige medvirkninger og kan ikke slås sammen."], page.ErrorSummary());
        Assert.Null((await factory.Ideas.DetailsAsync(one)).MergedIntoId);
    }

    [Fact]
    public async Task TheListFiltersByConsultationAndAnswer()
    {
        var (staff, staffEmail) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var staffId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == staffEmail).Select(u => u.Id).SingleAsync());
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var author = await factory.Users.CitizenAsync("forfatter");
        var older = (await factory.Ideas.IdeaAsync(author.Id, consultationId, "Første idé")).Id;
        var newer = (await factory.Ideas.IdeaAsync(author.Id, consultationId, "Andre idé")).Id;
        await factory.WithScopeAsync(sp => sp.GetRequiredService<IdeaService>()
            .AnswerAsync(new Bylab.Core.Auditing.Actor(staffId, null), older, IdeaStatus.Rejected, "Nei takk."));

        var all = await staff.GetPageAsync($"/admin/ideer?medvirkning={consultationId}");
        Assert.Equal([newer.ToString(), older.ToString()], all.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-idea")));
        var unanswered = await staff.GetPageAsync($"/admin/ideer?medvirkning={consultationId}&ubesvart=true");
        Assert.Equal([newer.ToString()], unanswered.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-idea")));
        var rejected = await staff.GetPageAsync($"/admin/ideer?medvirkning={consultationId}&status=Rejected");
        Assert.Equal([older.ToString()], rejected.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-idea")));
        Assert.Equal("Avslått", rejected.QuerySelector("tbody tr td:nth-child(3)")!.TextContent);
    }

    [Fact]
    public async Task ACitizenIsRefusedEveryIdeasAdminPage()
    {
        var (citizen, _) = await factory.SignedInAsync("borger", Roles.Citizen);
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var author = await factory.Users.CitizenAsync("forfatter");
        var ideaId = (await factory.Ideas.IdeaAsync(author.Id, consultationId, "Idé")).Id;

        foreach (var path in new[] { "/admin/temaer", "/admin/temaer/ny", "/admin/medvirkninger", "/admin/medvirkninger/ny",
                     $"/admin/medvirkninger/{consultationId}/rediger", "/admin/ideer", $"/admin/ideer/{ideaId}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await citizen.Http.GetAsync(path)).StatusCode);
        }
        var token = BylabClient.TokenFrom(await citizen.GetPageAsync("/"));
        var answer = await citizen.PostRawAsync($"/admin/ideer/{ideaId}/svar",
            [new("__RequestVerificationToken", token), new("Answer.Status", "Accepted"), new("Answer.AnswerMarkdown", "Ja")]);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(IdeaStatus.New, (await factory.Ideas.DetailsAsync(ideaId)).Status);
    }
}
