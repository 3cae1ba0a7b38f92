using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Security;

public sealed class PasswordResetTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private const string NewPassword = "et helt nytt og langt passord";

    private async Task<string> RequestResetLinkAsync(BylabClient client, string email)
    {
        var sent = await client.SubmitAsync("/konto/passord/glemt", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Hvis adressen hører til en konto hos oss", (await BylabClient.ParseAsync(sent)).QuerySelector("main")!.TextContent);
        var mail = Assert.Single(await factory.OutboxForAsync(email));
        Assert.Equal("Lag nytt passord hos Bylab Hamar", mail.Subject);
        return new Uri(BylabClient.FirstLink(mail.TextBody)).PathAndQuery;
    }

    private static Dictionary<string, string> Passwords(string password) => new() { ["Password"] = password, ["ConfirmPassword"] = password };

    [Fact]
    public async Task CanResetForgottenPasswordOnceByEmailLink()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password);
        using var client = factory.CreateBylabClient();
        var link = await RequestResetLinkAsync(client, email);

        var reset = await client.SubmitAsync(link, Passwords(NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/konto/logg-inn", reset.Headers.Location!.OriginalString);
        Assert.Contains("Passordet er endret", (await client.GetPageAsync("/konto/logg-inn")).QuerySelector("[role=status]")!.TextContent);

        using var fresh = factory.CreateBylabClient();
        await fresh.LogInAsync(email, NewPassword);
        var old = await fresh.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);

        // The same link a second time: refused, and the password stays as it was set.
        var again = await client.SubmitAsync(link, Passwords("enda et tredje langt passord"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["Lenken er ugyldig, utløpt eller allerede brukt. Be om en ny lenke."], (await BylabClient.ParseAsync(again)).ErrorSummary());
        using var third = factory.CreateBylabClient();
        await third.LogInAsync(email, NewPassword);
    }

    [Fact]
    public async Task TamperedResetTokenIsRefused()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password);
        using var client = factory.CreateBylabClient();
        var link = await RequestResetLinkAsync(client, email);
        var page = await client.GetPageAsync(link);
        var token = page.FieldValue("Token")!;
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        var values = Passwords(NewPassword);
        values["Token"] = tampered;
        var response = await client.SubmitAsync(page, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Lenken er ugyldig, utløpt eller allerede brukt. Be om en ny lenke."], (await BylabClient.ParseAsync(response)).ErrorSummary());
        await client.LogInAsync(email, TestData.Password);
    }

    [Fact]
    public async Task ResetLinkForSomeoneElseIsRefused()
    {
        var kari = TestData.UniqueEmail("kari");
        var ola = TestData.UniqueEmail("ola");
        await factory.Users.CreateAsync(email: kari, password: TestData.Password);
        await factory.Users.CreateAsync(email: ola, password: TestData.Password);
        using var client = factory.CreateBylabClient();
        var link = await RequestResetLinkAsync(client, kari);

        var values = Passwords(NewPassword);
        values["Email"] = ola;
        var response = await client.SubmitAsync(link, values);

        Assert.Equal(["Lenken er ugyldig, utløpt eller allerede brukt. Be om en ny lenke."], (await BylabClient.ParseAsync(response)).ErrorSummary());
        await client.LogInAsync(ola, TestData.Password);
    }

    [Fact]
    public async Task AResetLiftsALockoutButNotABlock()
    {
        var email = TestData.UniqueEmail("sperret");
        var user = await factory.Users.CreateAsync(email: email, password: TestData.Password);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<AdminUserService>().SetLockedAsync(new Bylab.Core.Auditing.Actor("admin", "Admin"), user.Id, true));
        using var client = factory.CreateBylabClient();
        var link = await RequestResetLinkAsync(client, email);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(link, Passwords(NewPassword))).StatusCode);

        // Only an admin lifts a block: the new password leads to the page that says the account is blocked, not into it.
        var login = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("Kontoen er sperret", (await BylabClient.ParseAsync(login)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task UnknownAddressGetsSameAnswerAndNoMail()
    {
        var email = TestData.UniqueEmail("ukjent");
        using var client = factory.CreateBylabClient();

        var response = await client.SubmitAsync("/konto/passord/glemt", new Dictionary<string, string> { ["Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hvis adressen hører til en konto hos oss", (await BylabClient.ParseAsync(response)).QuerySelector("main")!.TextContent);
        Assert.Empty(await factory.OutboxForAsync(email));
    }
}
