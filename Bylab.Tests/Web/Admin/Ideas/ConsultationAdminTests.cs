using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Admin.Ideas;

public sealed class ConsultationAdminTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private async Task<Dictionary<string, string>> FormAsync(string title, string opens, string ideasClose, string closes) => new()
    {
        ["Title"] = title,
        ["DescriptionMarkdown"] = "Hvordan kan **Stortorget** bli bedre?",
        ["ThemeId"] = ((await factory.Ideas.ThemeAsync()).Id).ToString(),
        ["OpensAt"] = opens,
        ["IdeasCloseAt"] = ideasClose,
        ["ClosesAt"] = closes,
        ["MaxVotesPerPerson"] = "",
    };

    [Fact]
    public async Task StaffCreateAConsultationInOsloTimeAndItIsStoredInUtc()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var title = $"Stortorget {Guid.NewGuid():N}";

        // Opens in winter time (UTC+1), ideas close and it closes in summer time (UTC+2).
        var response = await client.SubmitAsync("/admin/medvirkninger/ny", await FormAsync(title, "2027-01-15T10:00", "2027-03-28T03:30", "2027-06-15T23:30"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(c => c.Title == title));
        Assert.Equal(new DateTime(2027, 1, 15, 9, 0, 0), stored.OpensAt);
        Assert.Equal(new DateTime(2027, 3, 28, 1, 30, 0), stored.IdeasCloseAt);
        Assert.Equal(new DateTime(2027, 6, 15, 21, 30, 0), stored.ClosesAt);
        Assert.Null(stored.MaxVotesPerPerson);

        // The edit form shows the stored times back in Oslo time, as typed.
        var edit = await client.GetPageAsync($"/admin/medvirkninger/{stored.Id}/rediger");
        Assert.Equal("2027-01-15T10:00", edit.FieldValue("OpensAt"));
        Assert.Equal("2027-03-28T03:30", edit.FieldValue("IdeasCloseAt"));
        Assert.Equal("2027-06-15T23:30", edit.FieldValue("ClosesAt"));
        Assert.Equal("Upcoming", edit.QuerySelector("[data-phase]")!.GetAttribute("data-phase"));

        var list = await client.GetPageAsync("/admin/medvirkninger");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title));
        Assert.Equal("Kommer snart", row.QuerySelector("[data-phase]")!.TextContent);

        var saved = await client.SubmitAsync(edit, new Dictionary<string, string> { ["MaxVotesPerPerson"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == stored.Id).Select(c => c.MaxVotesPerPerson).SingleAsync()));
    }

    [Fact]
    public async Task ATimeThatDoesNotExistInOsloIsRefused()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var title = $"Sommertid {Guid.NewGuid():N}";

        // 28 March 2027: clocks go from 02:00 straight to 03:00.
        var response = await client.SubmitAsync("/admin/medvirkninger/ny", await FormAsync(title, "2027-03-28T02:30", "2027-04-10T12:00", "2027-05-01T12:00"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        var error = Assert.Single(page.ErrorSummary());
        Assert.Contains("02:30 finnes ikke", error);
        Assert.Equal("#OpensAt", page.QuerySelector(".ds-error-summary a")!.GetAttribute("href"));
        Assert.Equal("2027-03-28T02:30", page.FieldValue("OpensAt"));
        Assert.False(await factory.WithDbAsync(db => db.Consultations.AnyAsync(c => c.Title == title)));
    }

    [Fact]
    public async Task DatesOutOfOrderAreRefusedOnTheRightFieldWithTheInputKept()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var title = $"Baklengs {Guid.NewGuid():N}";

        var response = await client.SubmitAsync("/admin/medvirkninger/ny", await FormAsync(title, "2027-05-01T12:00", "2027-05-10T12:00", "2027-04-01T12:00"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Equal(["Medvirkningen må stenge etter at den åpner, og ikke før fristen for ideer."], page.ErrorSummary());
        Assert.Equal("true", page.QuerySelector("#ClosesAt")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("#OpensAt")!.GetAttribute("aria-invalid"));
        Assert.Equal(title, page.FieldValue("Title"));
        Assert.Equal("2027-05-01T12:00", page.FieldValue("OpensAt"));
        Assert.Equal("2027-04-01T12:00", page.FieldValue("ClosesAt"));
        Assert.False(await factory.WithDbAsync(db => db.Consultations.AnyAsync(c => c.Title == title)));
    }

    [Fact]
    public async Task AnOpenConsultationCannotBeConcluded()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var page = await client.GetPageAsync($"/admin/medvirkninger/{id}/rediger");
        Assert.Null(page.QuerySelector("#conclude-form"));

        var response = await client.PostRawAsync($"/admin/medvirkninger/{id}/avslutt", [new("__RequestVerificationToken", BylabClient.TokenFrom(page))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("kan først avsluttes når den har stengt", after.QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(await factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.ConcludedAt).SingleAsync()));
    }

    [Fact]
    public async Task AClosedConsultationIsConcluded()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var past = DateTime.UtcNow.AddDays(-1);
        await factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.OpensAt, past.AddDays(-20)).SetProperty(c => c.IdeasCloseAt, past.AddDays(-10)).SetProperty(c => c.ClosesAt, past)));

        var response = await client.SubmitAsync($"/admin/medvirkninger/{id}/rediger", new Dictionary<string, string>(), "#conclude-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Medvirkningen er avsluttet.", after.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("Concluded", after.QuerySelector("[data-phase]")!.GetAttribute("data-phase"));
    }

    [Fact]
    public async Task StaffCanRequireVerifiedAccountsToVoteAndThePublicPageSaysSo()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt-verifisert", Roles.Staff);
        var consultation = await factory.Ideas.ConsultationAsync(TestData.Unique("Verifisert"));
        var edit = await client.GetPageAsync($"/admin/medvirkninger/{consultation.Id}/rediger");
        Assert.Null(edit.QuerySelector("input[name=RequiresVerifiedAccount][type=checkbox]")!.GetAttribute("checked"));

        var saved = await client.SubmitAsync(edit, new Dictionary<string, string> { ["RequiresVerifiedAccount"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == consultation.Id).Select(c => c.RequiresVerifiedAccount).SingleAsync()));
        edit = await client.GetPageAsync($"/admin/medvirkninger/{consultation.Id}/rediger");
        Assert.NotNull(edit.QuerySelector("input[name=RequiresVerifiedAccount][type=checkbox]")!.GetAttribute("checked"));
        var page = await client.GetPageAsync($"/medvirkning/{consultation.Slug}");
        Assert.Equal("Bare verifiserte kontoer kan stemme i denne medvirkningen.", page.QuerySelector("#requires-verified")!.TextContent.Trim());
    }
}
