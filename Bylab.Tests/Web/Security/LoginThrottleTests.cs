using System.Net;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// Guessing at an address is limited by counting failures, and the count cannot be used to lock a known person out:
/// failures from browsers the person has never signed in with lock out only those browsers (the address is locked
/// for strangers after five), while a browser the person signed in with before keeps a budget of its own
/// (a device cookie, as OWASP describes). Correct passwords are never counted.
/// </summary>
public sealed class LoginThrottleTests(LoginThrottleTests.LowLimitFactory factory) : IClassFixture<LoginThrottleTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Bylab:RateLimits:AccountPermits", "3"), new("Bylab:RateLimits:AccountWindowSeconds", "600")];
    }

    private static async Task<(HttpStatusCode Status, string? Heading)> TryAsync(BylabClient client, string email, string password)
    {
        var response = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, (await BylabClient.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim())
            : (response.StatusCode, null);
    }

    private static async Task LogOutAsync(BylabClient client)
    {
        var home = await client.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostRawAsync("/konto/logg-ut", [new("__RequestVerificationToken", BylabClient.TokenFrom(home))])).StatusCode);
    }

    [Fact]
    public async Task AStrangerGuessingCannotLockThePersonOutOfTheirOwnBrowser()
    {
        var email = TestData.UniqueEmail("kjent");
        await factory.Users.CreateAsync(email: email, password: TestData.Password);
        using var own = factory.CreateBylabClient();
        await own.LogInAsync(email, TestData.Password);
        await LogOutAsync(own);

        using var stranger = factory.CreateBylabClient();
        for (var i = 1; i <= 8; i++)
        {
            await TryAsync(stranger, email, "gjetning nummer " + i);
        }
        Assert.Equal((HttpStatusCode.OK, "Kontoen er midlertidig låst"), await TryAsync(stranger, email, "gjetning nummer 9"));

        // The person's own browser still gets in.
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(own, email, TestData.Password)).Status);
        // A browser the person never used is locked out with the strangers, even with the right password.
        using var fresh = factory.CreateBylabClient();
        Assert.Equal((HttpStatusCode.OK, "Kontoen er midlertidig låst"), await TryAsync(fresh, email, TestData.Password));
    }

    [Fact]
    public async Task SuccessfulLoginsAreNotCountedAgainstTheAddress()
    {
        var email = TestData.UniqueEmail("ofte");
        await factory.Users.CreateAsync(email: email, password: TestData.Password);
        for (var i = 0; i < 6; i++)
        {
            using var client = factory.CreateBylabClient();
            Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(client, email, TestData.Password)).Status);
        }
    }

    [Fact]
    public async Task ThePersonsOwnBrowserHasABudgetOfItsOwn()
    {
        var email = TestData.UniqueEmail("glemsk");
        await factory.Users.CreateAsync(email: email, password: TestData.Password);
        using var own = factory.CreateBylabClient();
        await own.LogInAsync(email, TestData.Password);
        await LogOutAsync(own);

        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal((HttpStatusCode.OK, "Logg inn"), await TryAsync(own, email, "feil passord " + i));
        }
        Assert.Equal((HttpStatusCode.OK, "Kontoen er midlertidig låst"), await TryAsync(own, email, "feil passord 5"));
        // Strangers were not part of it: the address is still open to a browser that gets it right.
        using var other = factory.CreateBylabClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(other, email, TestData.Password)).Status);
    }
}
