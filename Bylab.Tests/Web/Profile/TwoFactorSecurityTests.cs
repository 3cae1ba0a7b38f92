using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Profile;

/// <summary>
/// A TOTP code is used once (ASVS 2.8.4), and what weakens an account – two-factor off, new recovery codes, another
/// e-mail address – asks for the password again, so an unattended session is not enough.
/// </summary>
public sealed class TwoFactorSecurityTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private async Task<(BylabClient Client, string Email, string Key)> SignedInWithTotpAsync()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        var key = await factory.EnableTotpAsync(email);
        var client = factory.CreateBylabClient();
        await client.LogInWithTotpAsync(email, TestData.Password, key);
        return (client, email, key);
    }

    private Task<bool> TwoFactorOnAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    [Fact]
    public async Task ATotpCodeSignsInOnlyOnce()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        var key = await factory.EnableTotpAsync(email);
        var code = Totp.Code(key);

        async Task<HttpResponseMessage> TryAsync()
        {
            using var client = factory.CreateBylabClient();
            var login = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
            return await client.SubmitAsync(login.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code });
        }

        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync()).StatusCode);
        var replay = await TryAsync();
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("Koden er feil eller utløpt", Assert.Single((await BylabClient.ParseAsync(replay)).ErrorSummary()));
    }

    [Fact]
    public async Task TurningTwoFactorOffAsksForThePassword()
    {
        var (client, email, _) = await SignedInWithTotpAsync();
        using var _c = client;
        var status = await client.GetPageAsync("/min-side/tofaktor");
        var page = await client.GetPageAsync(status.QuerySelector("a[href$='/deaktiver']")!.GetAttribute("href")!);

        var bare = await client.PostRawAsync("/min-side/tofaktor/deaktiver", [new("__RequestVerificationToken", BylabClient.TokenFrom(page))]);
        Assert.True(await TwoFactorOnAsync(email));
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);

        var wrong = await client.SubmitAsync(page, new Dictionary<string, string> { ["Password"] = "ikke passordet mitt" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull((await BylabClient.ParseAsync(wrong)).QuerySelector("#Password-error"));
        Assert.True(await TwoFactorOnAsync(email));

        var right = await client.SubmitAsync(page, new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.False(await TwoFactorOnAsync(email));
    }

    [Fact]
    public async Task NewRecoveryCodesAskForThePassword()
    {
        var (client, _, _) = await SignedInWithTotpAsync();
        using var _c = client;
        var status = await client.GetPageAsync("/min-side/tofaktor");
        var page = await client.GetPageAsync(status.QuerySelector("a[href$='/nye-koder']")!.GetAttribute("href")!);

        var bare = await client.PostRawAsync("/min-side/tofaktor/nye-koder", [new("__RequestVerificationToken", BylabClient.TokenFrom(page))]);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Empty((await BylabClient.ParseAsync(bare)).QuerySelectorAll(".recovery-codes li"));
        Assert.NotNull((await BylabClient.ParseAsync(bare)).QuerySelector("#Password-error"));

        var right = await client.SubmitAsync(page, new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(10, (await client.GetPageAsync(right.Headers.Location!.OriginalString)).QuerySelectorAll(".recovery-codes li").Length);
    }

    [Fact]
    public async Task ChangingTheEmailAddressAsksForThePassword()
    {
        var (client, _, _) = await SignedInWithTotpAsync();
        using var _c = client;
        var target = TestData.UniqueEmail("ny");

        var bare = await client.SubmitAsync("/min-side/e-post", new Dictionary<string, string> { ["Email"] = target });
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        var wrong = await client.SubmitAsync("/min-side/e-post", new Dictionary<string, string> { ["Email"] = target, ["Password"] = "ikke passordet mitt" });
        Assert.NotNull((await BylabClient.ParseAsync(wrong)).QuerySelector("#Password-error"));
        Assert.Empty(await factory.OutboxForAsync(target));

        var right = await client.SubmitAsync("/min-side/e-post", new Dictionary<string, string> { ["Email"] = target, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Single(await factory.OutboxForAsync(target));
    }
}
