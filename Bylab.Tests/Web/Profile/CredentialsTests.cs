using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Profile;

public sealed class CredentialsTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private const string NewPassword = "et helt nytt og langt passord";

    private async Task<(BylabClient Client, string Email)> SignedInAsync()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: [Roles.Citizen]);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
        return (client, email);
    }

    private async Task<bool> CanLogInAsync(string email, string password)
    {
        using var client = factory.CreateBylabClient();
        var response = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [Fact]
    public async Task PersonCanChangePassword()
    {
        var (client, email) = await SignedInAsync();
        using var _ = client;
        var response = await client.SubmitAsync("/min-side/passord", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestData.Password,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/min-side", response.Headers.Location!.OriginalString);
        // Still signed in on this device after the change.
        await client.GetPageAsync("/min-side");

        Assert.False(await CanLogInAsync(email, TestData.Password));
        Assert.True(await CanLogInAsync(email, NewPassword));
    }

    [Fact]
    public async Task WrongCurrentPasswordIsRefused()
    {
        var (client, email) = await SignedInAsync();
        using var _ = client;
        var response = await client.SubmitAsync("/min-side/passord", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "ikke mitt passord i det hele tatt",
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Det nåværende passordet er feil."], (await BylabClient.ParseAsync(response)).ErrorSummary());
        Assert.True(await CanLogInAsync(email, TestData.Password));
        Assert.False(await CanLogInAsync(email, NewPassword));
    }

    [Fact]
    public async Task ShortNewPasswordIsRefusedWithSharedRules()
    {
        var (client, _) = await SignedInAsync();
        using var __ = client;
        var response = await client.SubmitAsync("/min-side/passord", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestData.Password,
            ["NewPassword"] = "kort",
            ["ConfirmPassword"] = "annet",
        });
        var errors = (await BylabClient.ParseAsync(response)).ErrorSummary();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("12"));
    }

    private async Task<string> RequestEmailChangeAsync(BylabClient client, string newEmail)
    {
        var response = await client.SubmitAsync("/min-side/e-post", new Dictionary<string, string> { ["Email"] = newEmail, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = Assert.Single(await factory.OutboxForAsync(newEmail));
        return new Uri(BylabClient.FirstLink(mail.TextBody)).PathAndQuery;
    }

    [Fact]
    public async Task PersonCanChangeEmailThroughLinkSentToNewAddress()
    {
        var (client, oldEmail) = await SignedInAsync();
        using var _ = client;
        var newEmail = TestData.UniqueEmail("ny");
        var link = await RequestEmailChangeAsync(client, newEmail);
        Assert.StartsWith("/min-side/e-post/bekreft?", link);
        // Nothing changes until the link's button is pressed.
        Assert.True(await CanLogInAsync(oldEmail, TestData.Password));

        var confirmed = await client.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var user = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == newEmail)));
        Assert.Equal(newEmail, user.UserName);
        Assert.True(user.EmailConfirmed);
        Assert.True(await CanLogInAsync(newEmail, TestData.Password));
        Assert.False(await CanLogInAsync(oldEmail, TestData.Password));
        Assert.Contains(newEmail, (await client.GetPageAsync("/min-side")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task TamperedEmailChangeLinkChangesNothing()
    {
        var (client, oldEmail) = await SignedInAsync();
        using var _ = client;
        var newEmail = TestData.UniqueEmail("ny");
        var link = await RequestEmailChangeAsync(client, newEmail);
        var page = await client.GetPageAsync(link);

        var tamperedToken = await client.SubmitAsync(page, new Dictionary<string, string> { ["Token"] = page.FieldValue("Token")![..^6] + "AAAAAA" });
        Assert.Equal(HttpStatusCode.OK, tamperedToken.StatusCode);
        Assert.Contains("ugyldig eller utløpt", (await BylabClient.ParseAsync(tamperedToken)).ErrorSummary().Single());

        // The token is bound to the address it was made for.
        var otherAddress = TestData.UniqueEmail("annen");
        var tamperedEmail = await client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = otherAddress });
        Assert.Equal(HttpStatusCode.OK, tamperedEmail.StatusCode);

        Assert.True(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == oldEmail && u.UserName == oldEmail))));
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == newEmail || u.Email == otherAddress))));
    }

    [Fact]
    public async Task EmailChangeLinkOpenedByAnotherSignedInUserChangesNothing()
    {
        var (owner, ownerEmail) = await SignedInAsync();
        using var _ = owner;
        var newEmail = TestData.UniqueEmail("ny");
        var link = await RequestEmailChangeAsync(owner, newEmail);

        var (other, otherEmail) = await SignedInAsync();
        using var __ = other;
        var response = await other.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await BylabClient.ParseAsync(response)).ErrorSummary());

        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == newEmail || u.UserName == newEmail))));
        Assert.True(await CanLogInAsync(ownerEmail, TestData.Password));
        Assert.True(await CanLogInAsync(otherEmail, TestData.Password));
    }

    [Fact]
    public async Task TakenAddressIsRefused()
    {
        var (client, _) = await SignedInAsync();
        using var __ = client;
        var taken = TestData.UniqueEmail("opptatt");
        await factory.Users.CreateAsync(email: taken, password: TestData.Password);
        var response = await client.SubmitAsync("/min-side/e-post", new Dictionary<string, string> { ["Email"] = taken, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Equal(["Denne e-postadressen brukes allerede av en annen konto."], page.ErrorSummary());
        Assert.Equal(taken, page.FieldValue("Email"));
        Assert.Empty(await factory.OutboxForAsync(taken));
    }

    [Fact]
    public async Task AddressTakenBeforeConfirmationIsRefusedAtConfirmation()
    {
        var (client, oldEmail) = await SignedInAsync();
        using var _ = client;
        var newEmail = TestData.UniqueEmail("ny");
        var link = await RequestEmailChangeAsync(client, newEmail);
        await factory.Users.CreateAsync(email: newEmail, password: TestData.Password);

        var response = await client.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Denne e-postadressen brukes allerede av en annen konto."], (await BylabClient.ParseAsync(response)).ErrorSummary());
        Assert.True(await CanLogInAsync(oldEmail, TestData.Password));
    }
}
