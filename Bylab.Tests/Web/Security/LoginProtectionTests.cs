using System.Net;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Security;

public sealed class LockoutTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task LockoutAfterRepeatedFailures()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password);
        using var client = factory.CreateBylabClient();
        async Task<AngleSharp.Html.Dom.IHtmlDocument> TryAsync(string password)
        {
            var response = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await BylabClient.ParseAsync(response);
        }

        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(["E-postadressen eller passordet er feil."], (await TryAsync("feil passord nummer " + i)).ErrorSummary());
        }
        Assert.Equal("Kontoen er midlertidig låst", (await TryAsync("feil passord nummer 5")).QuerySelector("h1")!.TextContent.Trim());

        // Now even the right password is refused, and no session cookie is handed out.
        var right = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("Kontoen er midlertidig låst", (await BylabClient.ParseAsync(right)).QuerySelector("h1")!.TextContent.Trim());
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".Bylab.Auth=") && !c.Contains("expires=Thu, 01 Jan 1970")));
    }
}

/// <summary>The app with a rate limit low enough to reach in a test.</summary>
public sealed class RateLimitedFactory : BylabFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Bylab:RateLimits:AuthPermits", "3"), new("Bylab:RateLimits:AuthWindowSeconds", "600")];
}

public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task TooManyLoginAttemptsGetLocalizedTooManyRequestsPage()
    {
        using var client = factory.CreateBylabClient();
        var values = new Dictionary<string, string> { ["Email"] = TestData.UniqueEmail(), ["Password"] = "feil passord her" };

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/konto/logg-inn", values)).StatusCode);
        }
        var fourth = await client.SubmitAsync("/konto/logg-inn", values);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        var page = await BylabClient.ParseAsync(fourth);
        Assert.Equal("For mange forsøk", page.QuerySelector("h1")!.TextContent.Trim());
        // Reading pages is not limited; only the posts that try passwords or send mail are.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/konto/logg-inn")).StatusCode);
    }
}

/// <summary>The app with a per-account limit low enough to reach, and the per-IP limit out of the way.</summary>
public sealed class AccountRateLimitedFactory : BylabFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Bylab:RateLimits:AccountPermits", "3"), new("Bylab:RateLimits:AccountWindowSeconds", "600")];
}

public sealed class AccountRateLimitTests(AccountRateLimitedFactory factory) : IClassFixture<AccountRateLimitedFactory>
{
    [Fact]
    public async Task MailToOneAddressIsLimitedWhateverTheForm()
    {
        using var client = factory.CreateBylabClient();
        var target = TestData.UniqueEmail("target");
        var forgot = new Dictionary<string, string> { ["Email"] = target };

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/konto/passord/glemt", forgot)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SubmitAsync("/konto/passord/glemt", forgot)).StatusCode);
        // The same address on another form that sends mail shares the budget: no mail bombing.
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await client.SubmitAsync("/konto/send-bekreftelse", forgot)).StatusCode);
        // Another address from the same client is not affected.
        Assert.Equal(HttpStatusCode.OK,
            (await client.SubmitAsync("/konto/passord/glemt", new Dictionary<string, string> { ["Email"] = TestData.UniqueEmail() })).StatusCode);
        // Logins are not counted here: their failures are (LoginThrottleTests), and a correct password never is.
        Assert.Equal(HttpStatusCode.OK,
            (await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = target, ["Password"] = "feil passord her" })).StatusCode);
    }
}
