using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Bylab.Tests.Web.Connect;

/// <summary>Admins register and edit client applications; a secret is shown once and stored hashed; every change is audited.</summary>
public sealed class ClientAdminTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static Dictionary<string, string> Form(string clientId, string redirect, bool confidential) => new()
    {
        ["ClientId"] = clientId, ["DisplayName"] = "Hamar bibliotek – lånekort", ["RedirectUris"] = redirect,
        ["PostLogoutRedirectUris"] = "", ["Scopes"] = "profile", ["Confidential"] = confidential ? "true" : "false",
    };

    private Task<OpenIddictEntityFrameworkCoreApplication?> StoredAsync(string clientId) =>
        factory.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.ClientId == clientId));

    [Fact]
    public async Task AnAdminRegistersAConfidentialClientAndSeesItsSecretOnce()
    {
        var (admin, _) = await factory.SignedInWithTotpAsync("client-admin", Roles.Admin);
        var clientId = "bibliotek-" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.SubmitAsync("/admin/klienter/ny", Form(clientId, "https://bibliotek.hamar.kommune.no/signin-oidc", confidential: true), "#client-form");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = (await BylabClient.ParseAsync(created)).QuerySelector("#client-secret")!.GetAttribute("value")!;
        Assert.True(secret.Length >= 40);
        var stored = await StoredAsync(clientId);
        Assert.NotNull(stored);
        Assert.NotEqual(secret, stored.ClientSecret);
        Assert.DoesNotContain(secret, stored.ClientSecret ?? "");

        var edit = await admin.Http.GetStringAsync("/admin/klienter/" + stored.Id);
        Assert.DoesNotContain(secret, edit);

        var again = await admin.SubmitAsync("/admin/klienter/" + stored.Id, new Dictionary<string, string>(), "#secret-form");
        var second = (await BylabClient.ParseAsync(again)).QuerySelector("#client-secret")!.GetAttribute("value")!;
        Assert.NotEqual(secret, second);

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.TargetType == "client" && e.TargetId == clientId)
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.ClientCreated, AuditActions.ClientSecretRegenerated], actions);
    }

    [Theory]
    [InlineData("http://bibliotek.hamar.kommune.no/callback")]
    [InlineData("https://bibliotek.hamar.kommune.no/callback#x")]
    [InlineData("/callback")]
    public async Task AnAddressThatIsNotHttpsOrLoopbackIsRefusedOnItsField(string redirect)
    {
        var (admin, _) = await factory.SignedInWithTotpAsync("client-admin", Roles.Admin);
        var clientId = "refused-" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.SubmitAsync("/admin/klienter/ny", Form(clientId, redirect, confidential: false), "#client-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Contains(page.ErrorSummary(), e => e.Contains(redirect));
        Assert.Equal(redirect, page.QuerySelector("textarea[name=RedirectUris]")!.TextContent.Trim());
        Assert.Null(await StoredAsync(clientId));
    }

    [Fact]
    public async Task AnEditKeepsTheClientIdAndIsAudited()
    {
        var (admin, _) = await factory.SignedInWithTotpAsync("client-admin", Roles.Admin);
        var clientId = "publikum-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/klienter/ny", Form(clientId, "http://127.0.0.1:8080/cb", false), "#client-form")).StatusCode);
        var stored = (await StoredAsync(clientId))!;

        var form = Form("something-else", "http://127.0.0.1:8080/cb\nhttps://app.hamar.kommune.no/cb", false);
        form.Remove("ClientId");
        var saved = await admin.SubmitAsync("/admin/klienter/" + stored.Id, form, "#client-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await StoredAsync(clientId))!;
        Assert.Contains("https://app.hamar.kommune.no/cb", after.RedirectUris);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ClientUpdated && e.TargetId == clientId)));
    }

    [Fact]
    public async Task OnlyAdminsWithTwoFactorsReachTheClientPages()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("client-staff", Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync("/admin/klienter")).StatusCode);
        var (adminWithoutMfa, _) = await factory.SignedInAsync("client-nomfa", Roles.Admin);
        Assert.NotEqual(HttpStatusCode.OK, (await adminWithoutMfa.Http.GetAsync("/admin/klienter")).StatusCode);
        var citizen = factory.CreateBylabClient();
        var response = await citizen.Http.PostAsync("/admin/klienter/ny", new FormUrlEncodedContent(Form("sneaky-client", "https://x.example/cb", true)));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await StoredAsync("sneaky-client"));
    }
}
