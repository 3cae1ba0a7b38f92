using System.Net;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// A form too big for the login or registration endpoints is turned away with 413 (or 400) before anything else
/// looks at it – never an unhandled 500 from the code that reads forms for the rate limiter.
/// </summary>
public sealed class FormLimitTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> extra)
    {
        using var client = factory.CreateBylabClient();
        var token = BylabClient.TokenFrom(await client.GetPageAsync(url));
        return await client.PostRawAsync(url, [new("__RequestVerificationToken", token), new("Email", TestData.UniqueEmail()), new("Password", "feil passord her"), .. extra]);
    }

    [Theory]
    [InlineData("/konto/logg-inn")]
    [InlineData("/konto/registrer")]
    [InlineData("/konto/passord/glemt")]
    public async Task TooManyFieldsAreRefusedWithoutAnError(string url)
    {
        var response = await PostAsync(url, Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>("f" + i, "x")));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
    }

    [Theory]
    [InlineData("/konto/logg-inn")]
    [InlineData("/konto/registrer")]
    public async Task AnOverLongValueIsRefusedAsTooLarge(string url)
    {
        var response = await PostAsync(url, [new("DisplayName", new string('a', 5 * 1024 * 1024))]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        // The friendly page, in the person's language, not an empty body.
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnOrdinaryLoginStillWorks()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password);
        using var client = factory.CreateBylabClient();
        await client.LogInAsync(email, TestData.Password);
    }
}
