using System.Net;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Security;

/// <summary>A controller that exists only in the test host, to make the app fail on purpose.</summary>
[AllowAnonymous]
public sealed class ThrowingController : Controller
{
    public const string Secret = "Hemmelig intern detalj 7f3a";

    [HttpGet("/test/kast")]
    public IActionResult Throw() => throw new InvalidOperationException(Secret);
}

/// <summary>The app with <see cref="ThrowingController"/> added to its controllers.</summary>
public sealed class ThrowingFactory : BylabFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddControllers().AddApplicationPart(typeof(ThrowingController).Assembly));
    }
}

public sealed class ErrorPageTests(ThrowingFactory factory) : IClassFixture<ThrowingFactory>
{
    private static readonly string[] InsideDetails =
        ["Exception", "   at ", "Bylab.Web.", "Bylab.Core.", "Microsoft.AspNetCore", ThrowingController.Secret, "StackTrace", ".cs:line"];

    private static async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, string Html)> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return (await BylabClient.ParseAsync(response), html);
    }

    [Theory]
    [InlineData(null, "nb", "Fant ikke siden")]
    [InlineData("nb", "nb", "Fant ikke siden")]
    [InlineData("nn", "nn", "Fann ikkje sida")]
    [InlineData("en", "en", "Page not found")]
    public async Task UnknownPathGivesLocalizedNotFoundPage(string? culture, string lang, string title)
    {
        using var client = factory.CreateBylabClient();
        if (culture is not null)
        {
            client.Http.DefaultRequestHeaders.Add("Cookie", $".Bylab.Culture=c={culture}|uic={culture}");
        }

        var response = await client.Http.GetAsync("/finnes/ikke/her?x=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (page, html) = await ReadAsync(response);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.All(InsideDetails, d => Assert.DoesNotContain(d, html));
    }

    [Fact]
    public async Task UnknownPathUnderProtectedAreaIsNotFoundNotLogin()
    {
        using var client = factory.CreateBylabClient();
        var response = await client.Http.GetAsync("/konto/finnes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "Noe gikk galt hos oss")]
    [InlineData("nn", "Noko gjekk gale hos oss")]
    [InlineData("en", "Something went wrong on our side")]
    public async Task FailureGivesLocalizedErrorPageWithoutDetails(string? culture, string title)
    {
        using var client = factory.CreateBylabClient();
        if (culture is not null)
        {
            client.Http.DefaultRequestHeaders.Add("Cookie", $".Bylab.Culture=c={culture}|uic={culture}");
        }

        var response = await client.Http.GetAsync("/test/kast");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var (page, html) = await ReadAsync(response);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.All(InsideDetails, d => Assert.DoesNotContain(d, html));
        // The error page is a page like the others, with the same protection.
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
