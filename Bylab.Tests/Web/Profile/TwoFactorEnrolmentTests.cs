using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Profile;

/// <summary>
/// A staff, moderator or admin account gets its first authenticator only through an enrolment link an admin sends:
/// someone who knows just the password cannot set up a second factor of their own and walk into /admin.
/// </summary>
public sealed class TwoFactorEnrolmentTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private const string EnablePage = "/min-side/tofaktor/aktiver";

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Admin)]
    public async Task AStaffAccountCannotEnrolWithThePasswordAlone(string role)
    {
        var email = TestData.UniqueEmail("ansatt");
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [role]);
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);

        var page = await client.GetPageAsync(EnablePage);
        Assert.Null(page.QuerySelector("#authenticator-key"));
        Assert.Null(page.QuerySelector("img.qr"));
        Assert.Contains("lenke", page.QuerySelector("main")!.TextContent);

        // A code for a key made up by the attacker, posted as the form would: refused, nothing changes.
        var post = await client.PostRawAsync(EnablePage, [new("__RequestVerificationToken", BylabClient.TokenFrom(page)), new("Form.Code", "123456")]);
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Null(await factory.WithDbAsync(db => db.UserTokens.Where(t => db.Users.Any(u => u.Email == email && u.Id == t.UserId)).Select(t => t.Value).FirstOrDefaultAsync()));
    }

    private async Task<string> LinkForAsync(string userId)
    {
        string? token = null;
        await factory.WithScopeAsync(async sp =>
            token = (await sp.GetRequiredService<TwoFactorEnrolments>().CreateAsync(new Bylab.Core.Auditing.Actor("admin", "Admin"), userId)).Token);
        return TwoFactorEnrolments.LinkPath(token!);
    }

    [Fact]
    public async Task ALinkOpensTheSetupForItsOwnAccountOnlyAndOnlyOnce()
    {
        var kari = TestData.UniqueEmail("kari-ansatt");
        var kariUser = await factory.Users.CreateAsync(email: kari, password: TestData.Password, roles: [Roles.Staff]);
        var ola = TestData.UniqueEmail("ola-ansatt");
        await factory.Users.CreateAsync(email: ola, password: TestData.Password, roles: [Roles.Moderator]);
        var link = await LinkForAsync(kariUser.Id);

        using (var other = factory.CreateBylabClient())
        {
            await other.LogInAsync(ola, TestData.Password);
            Assert.Null((await other.GetPageAsync(link)).QuerySelector("#authenticator-key"));
        }

        using var client = factory.CreateBylabClient();
        // Opened before logging in, the link comes back after the login.
        var login = await client.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var afterLogin = await client.SubmitAsync(login.Headers.Location!.PathAndQuery, new Dictionary<string, string> { ["Email"] = kari, ["Password"] = TestData.Password });
        Assert.Equal(link, afterLogin.Headers.Location!.OriginalString);
        var setup = await client.GetPageAsync(link);
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(setup, new Dictionary<string, string> { ["Form.Code"] = Totp.Code(key) })).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == kari).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // After an admin resets two-factor, the spent link does not open the setup again.
        await factory.WithScopeAsync(async sp =>
            Assert.True(await sp.GetRequiredService<AdminUserService>().ResetTwoFactorAsync(new Bylab.Core.Auditing.Actor("admin", "Admin"), kariUser.Id)));
        using var again = factory.CreateBylabClient();
        await again.LogInAsync(kari, TestData.Password);
        Assert.Null((await again.GetPageAsync(link)).QuerySelector("#authenticator-key"));
        Assert.Contains(await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.TargetId == kariUser.Id).Select(a => a.Action).ToListAsync()),
            a => a == Bylab.Core.Auditing.AuditActions.TwoFactorEnrolled);
    }
}
