using System.Net;
using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Admin;

public sealed partial class AdminAccessTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    /// <summary>Every admin endpoint the app maps, with its route parameters filled in: new pages are covered without editing this test.</summary>
    private List<(string Method, string Path)> AdminRoutes()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("admin", StringComparison.Ordinal) || raw.StartsWith("/admin", StringComparison.Ordinal)))
            .SelectMany(e =>
            {
                var path = "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "1");
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Select(m => (Method: m, Path: path.TrimEnd('/') is "" ? "/" : path.TrimEnd('/')));
            })
            .Distinct()
            .ToList();
        Assert.NotEmpty(routes);
        foreach (var expected in new[] { "/admin", "/admin/brukere", "/admin/revisjonslogg", "/admin/utboks", "/admin/temaer", "/admin/medvirkninger", "/admin/ideer" })
        {
            Assert.Contains(("GET", expected), routes);
        }
        Assert.Contains(("POST", "/admin/brukere/1/roller"), routes);
        Assert.Contains(("POST", "/admin/medvirkninger/1/avslutt"), routes);
        Assert.Contains(("POST", "/admin/ideer/1/svar"), routes);
        return routes;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private static HttpRequestMessage Request(string method, string path, string? token) =>
        new(new HttpMethod(method), path)
        {
            Content = method == "GET" || token is null
                ? null
                : new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };

    [Fact]
    public async Task EveryAdminRouteIsForbiddenToACitizen()
    {
        var (client, _) = await factory.SignedInAsync("borger", Roles.Citizen);
        // A valid token from a page the citizen may see, so that it is authorization, not antiforgery, that says no.
        var token = BylabClient.TokenFrom(await client.GetPageAsync("/"));

        var refused = new List<string>();
        foreach (var (method, path) in AdminRoutes())
        {
            var response = await client.Http.SendAsync(Request(method, path, token));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                refused.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(refused);
    }

    [Fact]
    public async Task EveryAdminRouteSendsAnAnonymousVisitorToLogin()
    {
        using var client = factory.CreateBylabClient();
        var token = BylabClient.TokenFrom(await client.GetPageAsync("/konto/logg-inn"));

        var wrong = new List<string>();
        foreach (var (method, path) in AdminRoutes())
        {
            var response = await client.Http.SendAsync(Request(method, path, token));
            var location = response.Headers.Location?.ToString() ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/konto/logg-inn", StringComparison.Ordinal))
            {
                wrong.Add($"{method} {path}: {(int)response.StatusCode} {location}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task StaffWithoutTwoFactorIsKeptOutOfAdmin()
    {
        var (client, _) = await factory.SignedInAsync("ansatt", Roles.Staff);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin/utboks")).StatusCode);
    }

    [Fact]
    public async Task StaffWithTwoFactorSeesOutboxButNotUsers()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);

        var dashboard = await client.GetPageAsync("/admin");
        var menu = dashboard.QuerySelectorAll(".admin-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/admin", "/admin/ideer", "/admin/medvirkninger", "/admin/temaer", "/admin/utboks", "/arrangor/arrangementer", "/admin/bookinger", "/admin/lokale", "/admin/organisasjoner"], menu);
        await client.GetPageAsync("/admin/utboks");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin/brukere")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/admin/revisjonslogg")).StatusCode);
    }

    [Fact]
    public async Task AdminSeesTheWholeMenuAndTheCounts()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("admin", Roles.Admin);
        var unconfirmed = TestData.UniqueEmail("ubekreftet");
        using (var anonymous = factory.CreateBylabClient())
        {
            await anonymous.SubmitAsync("/konto/registrer", new Dictionary<string, string>
            {
                ["DisplayName"] = "Ubekreftet", ["Email"] = unconfirmed, ["Password"] = TestData.Password,
                ["ConfirmPassword"] = TestData.Password, ["AcceptPrivacy"] = "true",
            });
        }
        // Account mail goes out after the answer: count once the queue has handed it on.
        await factory.Services.GetRequiredService<Bylab.Core.Email.MailQueue>().WhenIdleAsync();
        var expected = await factory.WithDbAsync(db => Task.FromResult((
            Users: db.Users.Count(), Unconfirmed: db.Users.Count(u => !u.EmailConfirmed), Outbox: db.OutboxMessages.Count())));

        var dashboard = await client.GetPageAsync("/admin");

        var menu = dashboard.QuerySelectorAll(".admin-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/admin", "/admin/brukere", "/admin/revisjonslogg", "/admin/klienter", "/admin/ideer", "/admin/medvirkninger", "/admin/temaer", "/admin/utboks", "/arrangor/arrangementer", "/admin/bookinger", "/admin/lokale", "/admin/organisasjoner"], menu);
        Assert.True(expected.Unconfirmed >= 1);
        Assert.Equal(expected.Users.ToString(), dashboard.QuerySelector("[data-count=users]")!.TextContent);
        Assert.Equal(expected.Unconfirmed.ToString(), dashboard.QuerySelector("[data-count=unconfirmed]")!.TextContent);
        Assert.Equal(expected.Outbox.ToString(), dashboard.QuerySelector("[data-count=outbox]")!.TextContent);
    }
}
