using System.Net;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Web.Account;

/// <summary>The registration form refuses the passwords a guesser tries first, with the reason on the password field.</summary>
public sealed class PasswordRuleFormTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Theory]
    [InlineData("Kari Nordmann", "      k      ")]
    [InlineData("Kari Nordmann", "Kari Nordmann")]
    [InlineData("Kari Nordmann", "kari nordmann 2025")]
    [InlineData("Ola", "hamar kommune 2026")]
    [InlineData("Ola", "Bylab2030bylab")]
    public async Task GuessablePasswordsAreRefusedOnThePasswordField(string name, string password)
    {
        var email = TestData.UniqueEmail();
        using var client = factory.CreateBylabClient();

        var response = await client.SubmitAsync("/konto/registrer", new Dictionary<string, string>
        {
            ["DisplayName"] = name, ["Email"] = email, ["Password"] = password, ["ConfirmPassword"] = password, ["AcceptPrivacy"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BylabClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#Password-error"));
        Assert.Equal(name, page.FieldValue("DisplayName"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }
}
