using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Web.Security;

/// <summary>The real server (Kestrel, as in production) does not announce itself: no «Server: Kestrel» on any response.</summary>
public sealed class ServerHeaderTests
{
    [Fact]
    public async Task KestrelSendsNoServerHeader()
    {
        await using var factory = new BylabFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        using var http = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };

        foreach (var url in new[] { "/", "/finnes-ikke", "/healthz/live" })
        {
            var response = await http.GetAsync(url);
            Assert.False(response.Headers.Contains("Server"), $"{url}: Server: {string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
        }
    }
}
