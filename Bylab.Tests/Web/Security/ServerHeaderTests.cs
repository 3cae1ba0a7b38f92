using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Security;

/// <summary>The real server (Kestrel, as in production) does not announce itself: no «Server: Kestrel» on any response.</summary>
public sealed class ServerHeaderTests
{
    private sealed class LoopbackFactory : BylabFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("AllowedHosts", "127.0.0.1")];
    }

    [Fact]
    public async Task KestrelSendsNoServerHeader()
    {
        await using var factory = new LoopbackFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        using var http = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };

        foreach (var url in new[] { "/", "/finnes-ikke", "/healthz/live" })
        {
            var response = await http.GetAsync(url);
            Assert.NotEqual(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), $"{url}: Server: {string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
        }
    }
}
