using System.Net;
using Bylab.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// Behind a reverse proxy the per-IP limits key on the real client address – read from X-Forwarded-For only when the
/// request comes from a proxy named in Bylab:Security:KnownProxies; from anyone else the header is ignored.
/// </summary>
public sealed class ProxyAndLimitTests(ProxyAndLimitTests.BehindProxyFactory factory) : IClassFixture<ProxyAndLimitTests.BehindProxyFactory>
{
    public const string Proxy = "10.0.0.1";

    /// <summary>
    /// The test server has no network peer: a test header stands in for the TCP peer address, set before the app's
    /// own pipeline runs (as Kestrel would have set it).
    /// </summary>
    public sealed class BehindProxyFactory : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Bylab:Security:KnownProxies:0", Proxy), new("Bylab:RateLimits:AuthPermits", "3"), new("Bylab:RateLimits:AuthWindowSeconds", "600")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerFromTestHeader>());
        }
    }

    private sealed class PeerFromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private async Task<HttpStatusCode> ForgotAsync(string peer, string? forwardedFor)
    {
        using var client = factory.CreateBylabClient();
        client.Http.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        if (forwardedFor is not null)
        {
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
        return (await client.SubmitAsync("/konto/passord/glemt", new Dictionary<string, string> { ["Email"] = TestData.UniqueEmail() })).StatusCode;
    }

    [Fact]
    public async Task ClientsBehindTheKnownProxyAreLimitedEachOnTheirOwn()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ForgotAsync(Proxy, "203.0.113.1"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgotAsync(Proxy, "203.0.113.1"));
        // Another client behind the same proxy has its own budget.
        Assert.Equal(HttpStatusCode.OK, await ForgotAsync(Proxy, "203.0.113.2"));
    }

    [Fact]
    public async Task AForwardedHeaderFromAnUnknownPeerIsIgnored()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ForgotAsync("198.51.100.7", $"203.0.113.{100 + i}"));
        }
        // A new made-up client address each time does not buy a new budget.
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgotAsync("198.51.100.7", "203.0.113.200"));
    }
}
