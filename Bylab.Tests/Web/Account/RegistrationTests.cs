using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Account;

public sealed class RegistrationTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static Dictionary<string, string> RegisterValues(string email, string password = TestData.Password) => new()
    {
        ["DisplayName"] = "Kari Nordmann",
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
        ["AcceptPrivacy"] = "true",
    };

    [Fact]
    public async Task CanLogInAfterConfirmingEmail()
    {
        using var client = factory.CreateBylabClient();
        var email = TestData.UniqueEmail();

        var registered = await client.SubmitAsync("/konto/registrer", RegisterValues(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/konto/sjekk-e-post", registered.Headers.Location!.OriginalString);

        // Not confirmed yet: login is refused with a message that says why.
        var early = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("bekrefte e-postadressen", (await BylabClient.ParseAsync(early)).ErrorSummary().Single());

        var mail = Assert.Single(await factory.OutboxForAsync(email));
        var link = new Uri(BylabClient.FirstLink(mail.TextBody));
        var confirmed = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        await client.LogInAsync(email, TestData.Password);
        var myPage = await client.Http.GetAsync("/min-side");
        Assert.Equal(HttpStatusCode.OK, myPage.StatusCode);

        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<BylabUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True(user.EmailConfirmed);
            Assert.Equal(["Citizen"], await users.GetRolesAsync(user));
        });
    }

    [Fact]
    public async Task WrongConfirmationTokenIsRefusedAndConfirmsNothing()
    {
        using var client = factory.CreateBylabClient();
        var email = TestData.UniqueEmail();
        await client.SubmitAsync("/konto/registrer", RegisterValues(email));
        var user = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));

        var response = await client.SubmitAsync($"/konto/bekreft?userId={user.Id}&token=forfalsket", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ugyldig eller utløpt", (await BylabClient.ParseAsync(response)).ErrorSummary().Single());
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).EmailConfirmed)));
    }

    [Theory]
    [InlineData("", "Skriv e-postadressen din.")]
    [InlineData("ikke-en-adresse", "Skriv en gyldig e-postadresse")]
    [InlineData("a@b", "Skriv en gyldig e-postadresse")]
    public async Task InvalidEmailGetsClearMessageAndKeepsInput(string email, string message)
    {
        using var client = factory.CreateBylabClient();
        var response = await client.SubmitAsync("/konto/registrer", RegisterValues(email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith(message));
        Assert.Equal("Kari Nordmann", page.FieldValue("DisplayName"));
        Assert.Equal(email, page.FieldValue("Email"));
        // Passwords are never sent back into the page.
        Assert.Equal("", page.FieldValue("Password"));
    }

    [Fact]
    public async Task OverlongFieldsAreRefusedAndNothingIsStored()
    {
        using var client = factory.CreateBylabClient();
        var email = TestData.UniqueEmail();
        var values = RegisterValues(email);
        values["DisplayName"] = new string('x', 101);
        values["Password"] = values["ConfirmPassword"] = new string('p', 129);
        var response = await client.SubmitAsync("/konto/registrer", values);
        var errors = (await BylabClient.ParseAsync(response)).ErrorSummary();
        Assert.Contains("Navnet kan ha høyst 100 tegn.", errors);
        Assert.Contains("Passordet kan ha høyst 128 tegn.", errors);
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));
    }

    [Fact]
    public async Task CommonPasswordIsRefusedInThePersonsLanguage()
    {
        using var client = factory.CreateBylabClient();
        client.Http.DefaultRequestHeaders.Add("Cookie", ".Bylab.Culture=c=nn|uic=nn");
        var response = await client.SubmitAsync("/konto/registrer", RegisterValues(TestData.UniqueEmail(), "passwordpassword"));
        Assert.Contains("Passordet er for vanleg og lett å gjette. Vel eit anna, gjerne ei setning på fleire ord.",
            (await BylabClient.ParseAsync(response)).ErrorSummary());
    }

    [Fact]
    public async Task RegisteringAnExistingAddressRevealsNothingAndMailsTheOwner()
    {
        using var client = factory.CreateBylabClient();
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password);

        var response = await client.SubmitAsync("/konto/registrer", RegisterValues(email));
        Assert.Equal("/konto/sjekk-e-post", response.Headers.Location!.OriginalString);
        var mail = Assert.Single(await factory.OutboxForAsync(email));
        Assert.Contains("allerede en konto", mail.Subject);
        Assert.Equal(1, await factory.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.Email == email))));
    }

    [Fact]
    public async Task TamperedAntiforgeryTokenIsRejected()
    {
        using var client = factory.CreateBylabClient();
        var email = TestData.UniqueEmail();
        var page = await client.GetPageAsync("/konto/registrer");
        var fields = RegisterValues(email).ToList();
        fields.Add(new("__RequestVerificationToken", BylabClient.TokenFrom(page)[..^4] + "AAAA"));
        var response = await client.PostRawAsync("/konto/registrer", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Noe var galt med forespørselen", await response.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == email))));
    }
}

public sealed class InternationalAddressTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task AddressWithNorwegianLettersCanRegister()
    {
        using var client = factory.CreateBylabClient();
        var email = $"gunn-{Guid.NewGuid():N}@hønsegård.no";
        var response = await client.SubmitAsync("/konto/registrer", new Dictionary<string, string>
        {
            ["DisplayName"] = "Gunn Hønsegård",
            ["Email"] = email,
            ["Password"] = TestData.Password,
            ["ConfirmPassword"] = TestData.Password,
            ["AcceptPrivacy"] = "true",
        });
        Assert.Equal("/konto/sjekk-e-post", response.Headers.Location!.OriginalString);
        Assert.Single(await factory.OutboxForAsync(email));
    }
}
