using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;

namespace Bylab.Tests.Web.Profile;

public sealed class TwoFactorTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private const string EnablePage = "/min-side/tofaktor/aktiver";

    private async Task<(BylabClient Client, string Email)> SignedInAsync(params string[] roles)
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: roles);
        var client = factory.CreateBylabClient();
        var response = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, email);
    }

    private static string KeyOn(IHtmlDocument page) => page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "");

    /// <summary>Enables two-factor through the page as a person would; returns the key and the recovery-code page.</summary>
    private static async Task<(string Key, IHtmlDocument CodesPage)> EnableThroughPageAsync(BylabClient client, string enablePage = EnablePage)
    {
        var page = await client.GetPageAsync(enablePage);
        var key = KeyOn(page);
        var qr = page.QuerySelector<IHtmlImageElement>("img.qr")!;
        Assert.StartsWith("data:image/png;base64,", qr.Source);
        Assert.False(string.IsNullOrWhiteSpace(qr.AlternativeText));

        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Form.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/min-side/tofaktor/gjenopprettingskoder", response.Headers.Location!.OriginalString);
        return (key, await client.GetPageAsync(response.Headers.Location!.OriginalString));
    }

    private async Task<HttpResponseMessage> LogInAsync(string email)
    {
        using var client = factory.CreateBylabClient();
        return await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
    }

    [Fact]
    public async Task CitizenCanEnableTwoFactorAndLoginThenAsksForCode()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen);
        using var _ = client;
        Assert.NotNull((await client.GetPageAsync("/min-side/tofaktor")).QuerySelector("[data-status=off]"));

        var (key, codesPage) = await EnableThroughPageAsync(client);
        var codes = codesPage.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        // Shown once: the page is gone on the next visit.
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/min-side/tofaktor/gjenopprettingskoder")).StatusCode);

        Assert.True(await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).TwoFactorEnabled)));
        Assert.NotNull((await client.GetPageAsync("/min-side/tofaktor")).QuerySelector("[data-status=on]"));

        var login = await LogInAsync(email);
        Assert.StartsWith("/konto/logg-inn/kode", login.Headers.Location!.OriginalString);
        using var fresh = factory.CreateBylabClient();
        await fresh.LogInWithTotpAsync(email, TestData.Password, key);
    }

    [Fact]
    public async Task WrongCodeIsRefusedAndTwoFactorStaysOff()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen);
        using var _ = client;
        var page = await client.GetPageAsync(EnablePage);
        var key = KeyOn(page);
        var wrong = Totp.Code(key) == "000000" ? "111111" : "000000";

        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Form.Code"] = wrong });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await BylabClient.ParseAsync(response);
        Assert.Contains("Koden stemmer ikke", again.ErrorSummary().Single());
        Assert.Equal(wrong, again.FieldValue("Form.Code"));
        // The same key is shown again, so the app already set up keeps working.
        Assert.Equal(key, KeyOn(again));

        var notDigits = await client.SubmitAsync(again, new Dictionary<string, string> { ["Form.Code"] = "abc" });
        Assert.Single((await BylabClient.ParseAsync(notDigits)).ErrorSummary());

        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).TwoFactorEnabled)));
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(email)).StatusCode);
        Assert.DoesNotContain("/kode", (await LogInAsync(email)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task StaffWithoutTwoFactorAreSentHereAndGetMfaSessionAfterEnablingWithTheAdminsLink()
    {
        var email = TestData.UniqueEmail("ansatt");
        var staff = await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Staff]);
        using var client = factory.CreateBylabClient();
        var login = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
        Assert.Equal("/min-side/tofaktor", login.Headers.Location!.OriginalString);

        var status = await client.GetPageAsync("/min-side/tofaktor");
        Assert.NotNull(status.QuerySelector("main .ds-alert[data-color=danger]"));
        Assert.NotNull(status.QuerySelector("[data-status=off]"));
        Assert.NotNull(status.QuerySelector("[data-enrolment]"));
        // Not yet signed in with two factors: the admin area is closed (403, or 404 while the area does not exist).
        Assert.NotEqual(HttpStatusCode.OK, (await client.Http.GetAsync("/admin")).StatusCode);

        // An admin sends the enrolment link; it leads to the setup page.
        var (admin, _) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        using var _a = admin;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/brukere/{staff.Id}", new Dictionary<string, string>(), "#enrolment-form")).StatusCode);
        var link = new Uri(BylabClient.FirstLink(Assert.Single(await factory.OutboxForAsync(email)).TextBody));
        Assert.Equal(EnablePage, link.AbsolutePath);

        await EnableThroughPageAsync(client, link.PathAndQuery);
        var after = await client.GetPageAsync("/min-side/tofaktor");
        Assert.NotNull(after.QuerySelector("[data-mfa=yes]"));
        Assert.StartsWith("/konto/logg-inn/kode", (await LogInAsync(email)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task StaffCannotDisableTwoFactor()
    {
        var email = TestData.UniqueEmail("ansatt");
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Admin]);
        var key = await factory.EnableTotpAsync(email);
        using var client = factory.CreateBylabClient();
        await client.LogInWithTotpAsync(email, TestData.Password, key);

        var page = await client.GetPageAsync("/min-side/tofaktor");
        Assert.Null(page.QuerySelector("a[href$='/deaktiver']"));
        // The page that asks for the password is not offered either: the refusal comes before any typing.
        var form = await client.Http.GetAsync("/min-side/tofaktor/deaktiver");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var response = await client.PostRawAsync("/min-side/tofaktor/deaktiver",
            [new("__RequestVerificationToken", BylabClient.TokenFrom(page)), new("Password", TestData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync("/min-side/tofaktor");
        Assert.Contains("kan ikke slås av", after.QuerySelector("main .ds-alert[data-color=danger]")!.TextContent);
        Assert.True(await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).TwoFactorEnabled)));
    }

    [Fact]
    public async Task CitizenCanDisableTwoFactor()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen);
        using var _ = client;
        await EnableThroughPageAsync(client);
        var response = await client.SubmitAsync("/min-side/tofaktor/deaktiver", new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).TwoFactorEnabled)));
        Assert.DoesNotContain("/kode", (await LogInAsync(email)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task NewRecoveryCodesReplaceTheOldOnes()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen);
        using var _ = client;
        var (_, first) = await EnableThroughPageAsync(client);
        var oldCodes = first.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();

        var response = await client.SubmitAsync("/min-side/tofaktor/nye-koder", new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newCodes = (await client.GetPageAsync(response.Headers.Location!.OriginalString))
            .QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        // An old code no longer signs in; a new one does.
        using var other = factory.CreateBylabClient();
        var login = await other.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
        Assert.StartsWith("/konto/logg-inn/kode", login.Headers.Location!.OriginalString);
        var old = await other.SubmitAsync("/konto/logg-inn/gjenopprettingskode", new Dictionary<string, string> { ["Code"] = oldCodes[0] });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var fresh = await other.SubmitAsync("/konto/logg-inn/gjenopprettingskode", new Dictionary<string, string> { ["Code"] = newCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }
}
