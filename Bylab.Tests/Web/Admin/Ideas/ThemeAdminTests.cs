using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Admin.Ideas;

public sealed class ThemeAdminTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task StaffCanCreateAndEditATheme()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var title = $"Grønn by {Guid.NewGuid():N}"[..20];

        var created = await client.SubmitAsync("/admin/temaer/ny", new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Description"] = "Mer natur i sentrum.",
            ["WhereAreWe"] = "Lite grønt på torget.",
            ["WhereDoWeWantToGo"] = "Trær i alle gater.",
            ["HowDoWeGetThere"] = "Planting hvert år.",
            ["SortOrder"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/temaer", created.Headers.Location!.OriginalString);

        var theme = await factory.WithDbAsync(db => db.Themes.AsNoTracking().SingleAsync(t => t.Title == title));
        Assert.Equal(("Mer natur i sentrum.", "Lite grønt på torget.", "Trær i alle gater.", "Planting hvert år.", 3),
            (theme.Description, theme.WhereAreWe, theme.WhereDoWeWantToGo, theme.HowDoWeGetThere, theme.SortOrder));
        var list = await client.GetPageAsync("/admin/temaer");
        Assert.Contains(list.QuerySelectorAll("td a"), a => a.TextContent == title && a.GetAttribute("href") == $"/admin/temaer/{theme.Id}/rediger");

        var editPage = await client.GetPageAsync($"/admin/temaer/{theme.Id}/rediger");
        Assert.Contains(theme.Slug, editPage.QuerySelector("main dl")!.TextContent);
        Assert.Equal("Trær i alle gater.", editPage.FieldValue("WhereDoWeWantToGo"));
        var edited = await client.SubmitAsync(editPage, new Dictionary<string, string> { ["Title"] = title + " og blå", ["HowDoWeGetThere"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var after = await factory.WithDbAsync(db => db.Themes.AsNoTracking().SingleAsync(t => t.Id == theme.Id));
        Assert.Equal(title + " og blå", after.Title);
        Assert.Null(after.HowDoWeGetThere);
        Assert.Equal("Trær i alle gater.", after.WhereDoWeWantToGo);
        // The slug is made once, so old links keep working.
        Assert.Equal(theme.Slug, after.Slug);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.TargetType == "theme" && e.TargetId == theme.Id.ToString()));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task AThemeWithoutTitleIsRefusedWithTheInputKept()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);

        var response = await client.SubmitAsync("/admin/temaer/ny", new Dictionary<string, string>
        {
            ["Title"] = "  ", ["Description"] = "Beskrivelsen blir stående.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Equal(["Skriv en tittel."], page.ErrorSummary());
        Assert.Equal("Beskrivelsen blir stående.", page.FieldValue("Description"));
    }
}
