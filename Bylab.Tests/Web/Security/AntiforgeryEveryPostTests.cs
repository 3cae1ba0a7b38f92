using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// The app with a probe that notes every request that got past MVC's authorization filters – where the antiforgery
/// check runs – into the resource filters, model binding and the action.
/// </summary>
public sealed class AntiforgeryProbeFactory : BylabFactory
{
    public ConcurrentQueue<string> PastAuthorizationFilters { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(o => o.Filters.Add(new ReachedProbe(PastAuthorizationFilters))));
    }

    private sealed class ReachedProbe(ConcurrentQueue<string> reached) : IResourceFilter
    {
        public void OnResourceExecuting(ResourceExecutingContext context) =>
            reached.Enqueue($"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}");

        public void OnResourceExecuted(ResourceExecutedContext context) { }
    }
}

/// <summary>
/// Every endpoint that takes a POST (or any method) refuses one without an antiforgery token, for a person who
/// passes its authorization. The endpoints come from the app's endpoint data source, so an endpoint added later – or
/// a controller marked [IgnoreAntiforgeryToken] – is covered without anyone remembering to add it here.
/// </summary>
public sealed partial class AntiforgeryEveryPostTests(AntiforgeryProbeFactory factory) : IClassFixture<AntiforgeryProbeFactory>
{
    /// <summary>
    /// Endpoints that take unsafe methods and legitimately check no token. Each needs a reason; a test below fails
    /// when one of them no longer exists, so the list cannot go stale.
    /// </summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        ["feil/{code:int}"] = "the error page: UseStatusCodePagesWithReExecute runs it for any failed request, including a POST " +
            "whose token was refused, and it must still render; it reads and changes nothing",
        ["healthz"] = "the health check maps every method; it reads the database's health and changes nothing",
        ["{*path:nonfile}"] = "the fallback that answers 404 for unknown paths; changes nothing",
        ["api/v1/{**rest}"] = "the open API's fallback: a 404 problem details answer for unknown API addresses; changes nothing",
        ["connect/userinfo"] = "OpenID Connect userinfo (POST allowed by the spec): a bearer token only, never the cookie; reads and changes nothing",
        ["api/v1/ideas/{id:int}/vote"] = "the API's votes: a bearer token only (the site's cookie is refused with 401, tested in "
            + "ApiWriteRulesTests), which no browser sends on its own, so a cross-site request cannot carry it",
        ["api/v1/events/{id:int}/registration"] = "the API's sign-ups: a bearer token only, as above",
    };

    private static readonly string[] SafeMethods = ["GET", "HEAD", "OPTIONS", "TRACE"];

    /// <summary>Route pattern → the methods that can change state (an endpoint without method metadata takes them all).</summary>
    private List<(string Pattern, string Method, string Path)> UnsafeEndpoints()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var pattern = e.RoutePattern.RawText!.TrimStart('/');
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared
                    ? declared.Where(m => !SafeMethods.Contains(m, StringComparer.OrdinalIgnoreCase))
                    : ["POST"];
                // "1" fits every route parameter the app has ({id:int}, {slug}, {token}, {code}).
                return methods.Select(m => (Pattern: pattern, Method: m, Path: "/" + RouteParameter().Replace(pattern, "1")));
            })
            .Distinct()
            .ToList();
        // Sanity: the walk sees the areas it must (so a change in routing cannot make it walk nothing).
        foreach (var expected in new[] { "admin/brukere/{id}/roller", "arrangor/arrangementer/{id:int}/avlys", "ideer/{id:int}/stem",
                     "pamelding/{token}/avmeld", "konto/logg-inn", "min-side/slett" })
        {
            Assert.Contains(endpoints, e => e.Pattern == expected && e.Method == "POST");
        }
        return endpoints;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task EveryPostWithoutATokenIsRefusedBeforeTheActionRuns()
    {
        // Every role, signed in with two factors: authorization lets this person through everywhere, so what
        // answers is the antiforgery check (or its absence).
        var (client, _) = await factory.SignedInWithTotpAsync("alle-roller", [.. Roles.All]);
        using var _client = client;

        var wrong = new List<string>();
        foreach (var (pattern, method, path) in UnsafeEndpoints().Where(e => !Exempt.ContainsKey(e.Pattern)))
        {
            factory.PastAuthorizationFilters.Clear();
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([]) };
            var response = await client.Http.SendAsync(request);
            // The error page re-executed for the 400 passes the probe too; only the original request counts.
            var reached = factory.PastAuthorizationFilters.Contains($"{method} {path}");
            if (response.StatusCode != HttpStatusCode.BadRequest || reached)
            {
                wrong.Add($"{method} {path} ({pattern}): {(int)response.StatusCode}{(reached ? ", reached the action's filters" : "")}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void EveryExemptionStillNamesAnEndpoint()
    {
        var patterns = UnsafeEndpoints().Select(e => e.Pattern).ToHashSet();
        Assert.All(Exempt.Keys, exempt => Assert.Contains(exempt, patterns));
    }

    [Fact]
    public async Task TheSamePostWithItsTokenGetsPastTheCheck()
    {
        // The control for the walk above: the 400s it expects come from the missing token, not from the request's shape.
        var (client, _) = await factory.SignedInWithTotpAsync("kontroll", Roles.Citizen);
        using var _client = client;
        var token = BylabClient.TokenFrom(await client.GetPageAsync("/min-side"));

        factory.PastAuthorizationFilters.Clear();
        var response = await client.PostRawAsync("/ideer/1/folg", [new("__RequestVerificationToken", token)]);

        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("POST /ideer/1/folg", factory.PastAuthorizationFilters);
    }
}
