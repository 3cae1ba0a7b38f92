using System.Net;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Security;

public sealed class DataProtectionTests
{
    private static HttpClient PlainClient(BylabFactory f) =>
        f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=")).Split(';')[0];

    /// <summary>
    /// In the database, and encrypted with a certificate kept outside it (ASVS 6.4.1): a copy of the database alone
    /// does not give away the keys that sign cookies, antiforgery tokens and reset links.
    /// </summary>
    [Fact]
    public async Task KeysAreKeptInTheDatabaseEncryptedWithTheCertificate()
    {
        using var factory = new BylabFactory();
        using var client = factory.CreateBylabClient();

        await client.GetPageAsync("/konto/logg-inn");

        var xml = Assert.Single(await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync()));
        Assert.Contains("encryptedSecret", xml);
        Assert.DoesNotContain("<masterKey", xml);
    }

    [Fact]
    public async Task SecondHostOnSameDatabaseAcceptsFormsAndSessionsOfTheFirst()
    {
        using var first = new BylabFactory();
        var email = TestData.UniqueEmail();
        await first.Users.CreateAsync(email: email, password: TestData.Password);
        using var firstClient = PlainClient(first);
        var loginPage = await firstClient.GetAsync("/konto/logg-inn");
        var antiforgery = Cookie(loginPage, ".Bylab.Af");
        var token = BylabClient.TokenFrom(await BylabClient.ParseAsync(loginPage));

        using var second = new BylabFactory { DatabaseFile = first.DatabaseFile };
        using var secondClient = PlainClient(second);
        var post = new HttpRequestMessage(HttpMethod.Post, "/konto/logg-inn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = TestData.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var login = await secondClient.SendAsync(post);

        // The form made by the first host is accepted by the second...
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = Cookie(login, ".Bylab.Auth");

        // ...and the session the second host started is valid on the first.
        var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", session);
        var page = await BylabClient.ParseAsync(await firstClient.SendAsync(home));
        Assert.NotNull(page.QuerySelector("form[action='/konto/logg-ut']"));

        // Both hosts used the one key in the database: on one machine, keys in the user's profile folder would
        // also be shared, and this is what tells the two apart.
        Assert.Equal(1, await second.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }
}
