using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Profile;

public sealed class ProfileTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private async Task<(BylabClient Client, string Email)> SignedInAsync(params string[] roles)
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password, roles: roles);
        var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
        return (client, email);
    }

    [Fact]
    public async Task AnonymousVisitorIsSentToLogin()
    {
        using var client = factory.CreateBylabClient();
        var response = await client.Http.GetAsync("/min-side");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logg-inn", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task OverviewShowsOwnDetailsAndLocalizedRoles()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen, Roles.Organiser);
        using var _ = client;
        var page = await client.GetPageAsync("/min-side");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains(email, text);
        Assert.Contains("Innbygger", text);
        Assert.Contains("Bokmål", text);
        Assert.NotNull(page.QuerySelector("main time[datetime]"));
    }

    [Fact]
    public async Task PersonCanChangeNameAndLanguage()
    {
        var (client, email) = await SignedInAsync(Roles.Citizen);
        using var _ = client;
        var response = await client.SubmitAsync("/min-side/rediger", new Dictionary<string, string>
        {
            ["DisplayName"] = "  Åse Ødegård  ",
            ["Culture"] = "nn",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Bylab.Culture=c%3Dnn%7Cuic%3Dnn"));

        var user = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));
        Assert.Equal("Åse Ødegård", user.DisplayName);
        Assert.Equal("nn", user.PreferredCulture);

        // The next page speaks nynorsk and confirms the save in it.
        var page = await client.GetPageAsync("/min-side");
        Assert.Equal("nn", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Endringane er lagra.", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Åse Ødegård", page.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("   ", "Skriv navnet ditt.")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Navnet kan ha høyst 100 tegn.")]
    public async Task BadNameIsRefusedAndInputKept(string name, string message)
    {
        Assert.True(name.Trim().Length is 0 or 101);
        var (client, email) = await SignedInAsync(Roles.Citizen);
        using var _ = client;
        var response = await client.SubmitAsync("/min-side/rediger", new Dictionary<string, string> { ["DisplayName"] = name, ["Culture"] = "en" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.Equal([message], page.ErrorSummary());
        Assert.Equal(name, page.FieldValue("DisplayName"));
        Assert.Equal("en", page.QuerySelector("input[name=Culture][checked]")!.GetAttribute("value"));
        var user = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));
        Assert.Equal(email.Split('@')[0], user.DisplayName);
        Assert.Equal("nb", user.PreferredCulture);
    }

    [Fact]
    public async Task UnknownLanguageIsRefused()
    {
        var (client, _) = await SignedInAsync(Roles.Citizen);
        using var __ = client;
        var page = await client.GetPageAsync("/min-side/rediger");
        var response = await client.PostRawAsync("/min-side/rediger",
        [
            new("DisplayName", "Kari"), new("Culture", "de"), new("__RequestVerificationToken", BylabClient.TokenFrom(page)),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Velg språk."], (await BylabClient.ParseAsync(response)).ErrorSummary());
    }
}
