using System.Net;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Security;

public sealed class SecurityHeadersTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).SingleOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No {name} in CSP: {csp}");

    [Theory]
    [InlineData("/")]
    [InlineData("/konto/logg-inn")]
    [InlineData("/finnes-ikke")]
    public async Task PagesCarrySecurityHeaders(string url)
    {
        using var client = factory.CreateBylabClient();
        var response = await client.Http.GetAsync(url);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scripts = Directive(csp, "script-src");
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.Equal("frame-ancestors 'none'", Directive(csp, "frame-ancestors"));
        Assert.Equal("object-src 'none'", Directive(csp, "object-src"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
    }

    [Fact]
    public async Task PagesHaveNoInlineScripts()
    {
        // The CSP would block them; a page that relies on one is broken for everyone.
        using var client = factory.CreateBylabClient();
        var page = await client.GetPageAsync("/");
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script> on /"));
        Assert.Empty(page.QuerySelectorAll("[onclick],[onload],[onsubmit],[onchange]"));
    }

    [Fact]
    public async Task AuthCookieIsHttpOnlyAndSameSiteLax()
    {
        var email = TestData.UniqueEmail();
        await factory.Users.CreateAsync(email: email, password: TestData.Password);
        using var client = factory.CreateBylabClient();

        var response = await client.SubmitAsync("/konto/logg-inn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestData.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Bylab.Auth="));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
    }

    [Fact]
    public async Task AntiforgeryCookieIsHttpOnly()
    {
        using var client = factory.CreateBylabClient();
        var response = await client.Http.GetAsync("/konto/logg-inn");
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Bylab.Af="));
        Assert.Contains("httponly", cookie.ToLowerInvariant());
    }

    [Fact]
    public async Task HealthCheckAnswersAnonymously()
    {
        using var client = factory.CreateBylabClient();
        var response = await client.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
