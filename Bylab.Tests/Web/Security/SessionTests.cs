using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin.Ideas;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// A session lives on the server (ASVS 3.3.1, 3.3.3): logging out ends it for every copy of the cookie, and deleting,
/// blocking, demoting an account or changing its password ends every session of that person at once – on every
/// instance. A session whose account is gone is simply signed out, never an error.
/// </summary>
public sealed class SessionTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    /// <summary>A browser session as a cookie string, to be copied to another client as an attacker would.</summary>
    private static async Task<string> SessionCookieAsync(BylabFactory host, string email, string password = TestData.Password)
    {
        using var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await http.GetAsync("/konto/logg-inn");
        var antiforgery = Cookie(page, ".Bylab.Af");
        var post = new HttpRequestMessage(HttpMethod.Post, "/konto/logg-inn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = BylabClient.TokenFrom(await BylabClient.ParseAsync(page)),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var login = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return Cookie(login, ".Bylab.Auth");
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=")).Split(';')[0];

    /// <summary>The status of GET /min-side with only this cookie: 200 while the session lives, a redirect to the login once it is gone.</summary>
    private static async Task<HttpStatusCode> ProfileWithAsync(BylabFactory host, string cookie)
    {
        using var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/min-side");
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/konto/logg-inn", response.Headers.Location!.PathAndQuery);
        }
        return response.StatusCode;
    }

    private async Task<string> UserAsync(string prefix, params string[] roles)
    {
        var email = TestData.UniqueEmail(prefix);
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: roles);
        return email;
    }

    [Fact]
    public async Task LoggingOutEndsTheSessionForACopiedCookieToo()
    {
        var email = await UserAsync("kari", Roles.Citizen);
        var copied = await SessionCookieAsync(factory, email);
        using var browser = factory.CreateBylabClient();
        browser.Http.DefaultRequestHeaders.Add("Cookie", copied);
        var home = await browser.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, await ProfileWithAsync(factory, copied));

        var logout = await browser.PostRawAsync("/konto/logg-ut", [new("__RequestVerificationToken", BylabClient.TokenFrom(home))]);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(factory, copied));
    }

    [Fact]
    public async Task ChangingThePasswordEndsTheOtherSessionsAtOnceButKeepsThisOne()
    {
        var email = await UserAsync("ola", Roles.Citizen);
        var other = await SessionCookieAsync(factory, email);
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);

        var changed = await client.SubmitAsync("/min-side/passord", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestData.Password, ["NewPassword"] = "et helt nytt og langt passord", ["ConfirmPassword"] = "et helt nytt og langt passord",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(factory, other));
        await client.GetPageAsync("/min-side");
    }

    [Fact]
    public async Task ADeletedAccountsOtherSessionIsSignedOutNotAnError()
    {
        var email = await UserAsync("slettes", Roles.Citizen);
        var other = await SessionCookieAsync(factory, email);
        var (consultationId, _) = await factory.Ideas.ConsultationAsync(TestData.Unique("Medvirkning"));
        var writer = await factory.Users.CreateAsync(email: TestData.UniqueEmail("forfatter"), password: TestData.Password, roles: [Roles.Citizen]);
        var ideaId = (await factory.Ideas.IdeaAsync(writer.Id, consultationId, "Idé å følge")).Id;
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
        using var otherBrowser = factory.CreateBylabClient();
        otherBrowser.Http.DefaultRequestHeaders.Add("Cookie", other);
        Assert.Equal(HttpStatusCode.OK, await ProfileWithAsync(factory, other));

        var deleted = await client.SubmitAsync("/min-side/slett", new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(factory, other));
        // A write from the dead session: sent to the login, not a 500 from a foreign key.
        var page = await otherBrowser.GetPageAsync("/ideer");
        var follow = await otherBrowser.PostRawAsync($"/ideer/{ideaId}/folg", [new("__RequestVerificationToken", BylabClient.TokenFrom(page))]);
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.StartsWith("/konto/logg-inn", follow.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("block")]
    [InlineData("demote")]
    public async Task BlockingOrDemotingEndsEverySessionAtOnce(string change)
    {
        var email = await UserAsync("arrangor", Roles.Citizen, Roles.Organiser);
        var session = await SessionCookieAsync(factory, email);
        Assert.Equal(HttpStatusCode.OK, await ProfileWithAsync(factory, session));
        var admin = await factory.Users.CreateAsync(email: TestData.UniqueEmail("admin"), password: TestData.Password, roles: [Roles.Admin]);
        var userId = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));

        await factory.WithScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<AdminUserService>();
            var actor = new Actor(admin.Id, admin.DisplayName);
            if (change == "block")
            {
                Assert.Equal(LockResult.Done, await service.SetLockedAsync(actor, userId, true));
            }
            else
            {
                Assert.Equal(RoleChangeResult.Updated, await service.SetRolesAsync(actor, userId, [Roles.Citizen]));
            }
        });

        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(factory, session));
    }

    [Fact]
    public async Task ALogoutOnOneInstanceEndsTheSessionOnTheOther()
    {
        // Two hosts of their own on one database file (the class's host must not share: a host deletes its file when done).
        using var first = new BylabFactory();
        using var second = new BylabFactory { DatabaseFile = first.DatabaseFile };
        var email = TestData.UniqueEmail("to-instanser");
        await first.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        var session = await SessionCookieAsync(first, email);
        Assert.Equal(HttpStatusCode.OK, await ProfileWithAsync(second, session));

        using var browser = second.CreateBylabClient();
        browser.Http.DefaultRequestHeaders.Add("Cookie", session);
        var home = await browser.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostRawAsync("/konto/logg-ut", [new("__RequestVerificationToken", BylabClient.TokenFrom(home))])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(first, session));
        Assert.Equal(HttpStatusCode.Redirect, await ProfileWithAsync(second, session));
    }
}
