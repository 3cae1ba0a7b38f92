using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Account;

/// <summary>The loopback «ID-porten» and a Bylab host configured for it, shared by the tests of one class.</summary>
public sealed class ExternalLoginFixture : IAsyncLifetime
{
    public LoopbackIdProvider Provider { get; private set; } = null!;
    public ExternalLoginFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await LoopbackIdProvider.StartAsync();
        Provider.RedirectUri = "http://localhost/konto/ekstern/svar";
        Factory = new ExternalLoginFactory(Provider.Settings);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class ExternalLoginFactory(IEnumerable<KeyValuePair<string, string?>> settings) : BylabFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => settings;
}

/// <summary>
/// Sign-in with an external OpenID Connect provider, end to end over real HTTP to the loopback provider: the redirect
/// there, the code and state back, the code exchanged with PKCE and the client secret, the id token's signature, issuer,
/// audience and nonce checked, then Bylab's linking rule (<see cref="ExternalAccounts"/>).
/// </summary>
public sealed class ExternalLoginTests(ExternalLoginFixture fixture) : IClassFixture<ExternalLoginFixture>
{
    private ExternalLoginFactory Factory => fixture.Factory;
    private LoopbackIdProvider Provider => fixture.Provider;

    /// <summary>Bylab → provider → Bylab's callback URL with code and state, as a browser would follow it (not yet followed).</summary>
    private async Task<string> ToCallbackAsync(BylabClient client, string start = "/konto/ekstern")
    {
        var challenge = await client.Http.GetAsync(start);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(Provider.Authority + "connect/authorize", authorize.ToString());
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal("openid profile email", query["scope"].ToString());
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var callback = answer.Headers.Location!.ToString();
        Assert.StartsWith(Provider.RedirectUri!, callback);
        return callback;
    }

    /// <summary>Follows Bylab's redirects from the callback until a page or a redirect out of /konto/ekstern.</summary>
    private static async Task<HttpResponseMessage> FollowAsync(BylabClient client, string callback)
    {
        var response = await client.Http.GetAsync(callback);
        while (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/konto/ekstern/ferdig"))
        {
            response = await client.Http.GetAsync(response.Headers.Location);
        }
        return response;
    }

    private async Task<HttpResponseMessage> SignInAsync(BylabClient client, TestPerson person, string start = "/konto/ekstern")
    {
        Provider.Person = person;
        return await FollowAsync(client, await ToCallbackAsync(client, start));
    }

    private static TestPerson Person(string email, bool verified = true, string name = "Kari Nordmann") =>
        new("sub-" + Guid.NewGuid().ToString("N"), email, verified, name);

    private Task<BylabUser?> UserAsync(string email) => Factory.WithAsync((UserManager<BylabUser> u) => u.FindByEmailAsync(email));

    private Task<int> LoginsAsync(string userId) => Factory.WithDbAsync(db => db.UserLogins.CountAsync(l => l.UserId == userId));

    private static async Task<bool> SignedInAsync(BylabClient client) =>
        (await client.Http.GetAsync("/min-side")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task TheSignInPageOffersTheProviderByItsName()
    {
        using var client = Factory.CreateBylabClient();
        var page = await client.GetPageAsync("/konto/logg-inn?returnUrl=%2Fideer");
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Logg inn med ID-porten");
        Assert.Equal("/konto/ekstern?returnUrl=%2Fideer", link.GetAttribute("href"));
    }

    [Fact]
    public async Task TheFirstSignInCreatesAVerifiedAccountAndSignsIn()
    {
        using var client = Factory.CreateBylabClient();
        var email = TestData.UniqueEmail("eid-ny");
        var response = await SignInAsync(client, Person(email, name: "Nora Eid"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
        var user = await UserAsync(email);
        Assert.NotNull(user);
        Assert.True(user!.EmailConfirmed);
        Assert.NotNull(user.VerifiedAt);
        Assert.Equal("ID-porten", user.VerifiedBy);
        Assert.Equal("Nora Eid", user.DisplayName);
        Assert.Equal(1, await LoginsAsync(user.Id));
        var mine = await client.GetPageAsync("/min-side");
        Assert.Contains("Verifisert med ID-porten", mine.QuerySelector("#verified")!.TextContent);
        Assert.Contains("Nora Eid", mine.Body!.TextContent);
    }

    [Fact]
    public async Task AVerifiedAddressLinksTheSignInToTheAccountThatConfirmedIt()
    {
        var existing = await Factory.Users.CitizenAsync("eid-eksisterende");
        var person = Person(existing.Email!.ToUpperInvariant());
        using (var client = Factory.CreateBylabClient())
        {
            var response = await SignInAsync(client, person);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(existing.DisplayName, (await client.GetPageAsync("/min-side")).Body!.TextContent);
        }
        Assert.Equal(1, await LoginsAsync(existing.Id));
        Assert.NotNull((await UserAsync(existing.Email!))!.VerifiedAt);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == existing.Email!.ToUpperInvariant())));

        // The second time the link is known: the same account, whatever the address says now.
        using var again = Factory.CreateBylabClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(again, person with { Email = TestData.UniqueEmail("annen") })).StatusCode);
        Assert.Contains(existing.DisplayName, (await again.GetPageAsync("/min-side")).Body!.TextContent);
        Assert.Equal(1, await LoginsAsync(existing.Id));
    }

    [Fact]
    public async Task AnAddressTheProviderDidNotVerifyLinksNothingAndCreatesNothing()
    {
        var existing = await Factory.Users.CitizenAsync("eid-uverifisert");
        var free = TestData.UniqueEmail("eid-ledig");
        foreach (var email in new[] { existing.Email!, free })
        {
            using var client = Factory.CreateBylabClient();
            var response = await SignInAsync(client, Person(email, verified: false));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await BylabClient.ParseAsync(response);
            Assert.Equal("Vi kunne ikke koble innloggingen til en konto", page.QuerySelector("h1")!.TextContent.Trim());
            Assert.False(await SignedInAsync(client));
        }
        Assert.Equal(0, await LoginsAsync(existing.Id));
        Assert.Null((await UserAsync(existing.Email!))!.VerifiedAt);
        Assert.Null(await UserAsync(free));
    }

    [Fact]
    public async Task AnAccountThatNeverConfirmedItsAddressIsNotTakenOver()
    {
        var email = TestData.UniqueEmail("eid-ubekreftet");
        var squatter = await Factory.Users.CreateAsync("Ubekreftet", email, TestData.Password);
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == squatter.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));
        using var client = Factory.CreateBylabClient();

        var response = await SignInAsync(client, Person(email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await SignedInAsync(client));
        Assert.Equal(0, await LoginsAsync(squatter.Id));
    }

    [Fact]
    public async Task ATamperedStateIsRefusedAndNobodyIsSignedIn()
    {
        using var client = Factory.CreateBylabClient();
        Provider.Person = Person(TestData.UniqueEmail("eid-state"));
        var callback = await ToCallbackAsync(client);
        var uri = new Uri(callback);
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        query["state"] = query["state"][..^4] + (query["state"].EndsWith("AAAA") ? "BBBB" : "AAAA");

        var response = await FollowAsync(client, QueryHelpers.AddQueryString(uri.GetLeftPart(UriPartial.Path), query!));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/ekstern/avbrutt", response.Headers.Location!.ToString());
        Assert.False(await SignedInAsync(client));
        Assert.Null(await UserAsync(Provider.Person.Email));
        var page = await client.GetPageAsync("/konto/ekstern/avbrutt");
        Assert.Equal("Innloggingen ble avbrutt", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnAnswerMeantForAnotherBrowserOrUsedTwiceIsRefused()
    {
        using var first = Factory.CreateBylabClient();
        using var second = Factory.CreateBylabClient();
        Provider.Person = Person(TestData.UniqueEmail("eid-replay"));
        var callback = await ToCallbackAsync(first);
        await ToCallbackAsync(second); // the other browser has a sign-in of its own under way

        // Another browser's answer: its correlation cookie does not match this state.
        var stolen = await FollowAsync(second, callback);
        Assert.Equal("/konto/ekstern/avbrutt", stolen.Headers.Location!.ToString());
        Assert.False(await SignedInAsync(second));

        // The right browser signs in once; the same answer again (a replayed code) is refused.
        Assert.Equal("/", (await FollowAsync(first, callback)).Headers.Location!.ToString());
        using var replay = Factory.CreateBylabClient();
        await ToCallbackAsync(replay);
        Assert.Equal("/konto/ekstern/avbrutt", (await FollowAsync(replay, callback)).Headers.Location!.ToString());
    }

    [Fact]
    public async Task AnIdTokenWithAnotherNonceIsRefused()
    {
        using var client = Factory.CreateBylabClient();
        Provider.Person = Person(TestData.UniqueEmail("eid-nonce"));
        Provider.ReplaceNonce = true;
        try
        {
            var response = await FollowAsync(client, await ToCallbackAsync(client));
            Assert.Equal("/konto/ekstern/avbrutt", response.Headers.Location!.ToString());
        }
        finally
        {
            Provider.ReplaceNonce = false;
        }
        Assert.False(await SignedInAsync(client));
        Assert.Null(await UserAsync(Provider.Person.Email));
    }

    [Fact]
    public async Task AnAccountWithTwoFactorsIsStillAskedForItsCode()
    {
        var staff = await Factory.Users.CreateAsync("Stab Eid", TestData.UniqueEmail("eid-stab"), TestData.Password, "nb", Roles.Staff);
        var key = await Factory.EnableTotpAsync(staff.Email!);
        using var client = Factory.CreateBylabClient();

        var response = await SignInAsync(client, Person(staff.Email!));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logg-inn/kode", response.Headers.Location!.ToString());
        Assert.False(await SignedInAsync(client));
        var code = await client.SubmitAsync(response.Headers.Location!.ToString(), new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task ASignedInPersonVerifiesTheirAccountFromMinSideAndThenVotesWhereItIsRequired()
    {
        var kari = await Factory.Users.CitizenAsync("eid-min-side");
        var consultation = await Factory.Ideas.ConsultationAsync();
        await Factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == consultation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RequiresVerifiedAccount, true)));
        var author = await Factory.Users.CreateAsync("Forfatter");
        var idea = await Factory.Ideas.IdeaAsync(author.Id, consultation.Id);
        using var client = Factory.CreateBylabClient();
        await client.LogInAsync(kari.Email!, TestData.Password);

        var page = await client.GetPageAsync("/ideer/" + idea.Slug);
        var refused = await client.SubmitAsync(page, new Dictionary<string, string>(), $"form[action='/ideer/{idea.Id}/stem']");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var after = await client.GetPageAsync(refused.Headers.Location!.ToString());
        Assert.Contains("Verifiser kontoen din med ID-porten på Min side", after.Body!.TextContent);
        Assert.Equal((0, 0), await Factory.Ideas.VoteCountsAsync(idea.Id));

        var mine = await client.GetPageAsync("/min-side");
        Assert.NotNull(mine.QuerySelector("a[href='/min-side/verifiser']"));
        // Another address at the provider: linking from Min side goes by the signed-in account, not the address.
        var verified = await SignInAsync(client, Person(TestData.UniqueEmail("eid-annen"), verified: false), "/min-side/verifiser");
        Assert.Equal("/min-side", verified.Headers.Location!.ToString());
        Assert.NotNull((await UserAsync(kari.Email!))!.VerifiedAt);
        Assert.Equal(1, await LoginsAsync(kari.Id));

        page = await client.GetPageAsync("/ideer/" + idea.Slug);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, new Dictionary<string, string>(), $"form[action='/ideer/{idea.Id}/stem']")).StatusCode);
        Assert.Equal((1, 1), await Factory.Ideas.VoteCountsAsync(idea.Id));
    }
}

/// <summary>Without <c>Bylab:ExternalLogin</c> the feature is off: no button, no routes.</summary>
public sealed class ExternalLoginOffTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task WithoutSettingsThereIsNoButtonAndNoSignIn()
    {
        using var client = factory.CreateBylabClient();
        var page = await client.GetPageAsync("/konto/logg-inn");
        Assert.DoesNotContain("ID-porten", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("a[href^='/konto/ekstern']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/konto/ekstern")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/konto/ekstern/ferdig")).StatusCode);
    }
}

/// <summary>Half a configuration stops the start with a message that names the setting.</summary>
public sealed class ExternalLoginSettingsTests
{
    private sealed class HalfConfigured(params KeyValuePair<string, string?>[] settings) : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => settings;
    }

    [Fact]
    public void AnAuthorityWithoutClientIdAndSecretOrOverPlainHttpStopsTheStart()
    {
        using (var noSecret = new HalfConfigured(new("Bylab:ExternalLogin:Authority", "https://idporten.example.no/"), new("Bylab:ExternalLogin:ClientId", "bylab")))
        {
            Assert.Contains("Bylab:ExternalLogin:ClientSecret", StartFailure.Of(noSecret));
        }
        using var plainHttp = new HalfConfigured(new("Bylab:ExternalLogin:Authority", "http://idporten.example.no/"),
            new("Bylab:ExternalLogin:ClientId", "bylab"), new("Bylab:ExternalLogin:ClientSecret", "s"));
        Assert.Contains("Bylab:ExternalLogin:Authority", StartFailure.Of(plainHttp));
    }
}
