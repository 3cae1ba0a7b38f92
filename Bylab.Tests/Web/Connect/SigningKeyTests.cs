using System.Net;
using System.Text.Json;
using Bylab.Tests.Infrastructure;
using Bylab.Web;

namespace Bylab.Tests.Web.Connect;

/// <summary>
/// The provider's keys live in a folder outside the repository: a restarted host (a new host on the same folder and
/// database) still accepts a token issued before, and after a rotation the old token still works while the JWKS
/// publishes both keys and a new token is signed with the new one.
/// </summary>
public sealed class SigningKeyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bylab-tests", "oidc-keys-" + Guid.NewGuid().ToString("N"));
    private readonly string database = TestDatabase.NewFile("oidc-keys");

    private BylabFactory Host() => new() { OidcKeysFolder = folder, DatabaseFile = database };

    private static async Task<string[]> KidsAsync(BylabFactory host)
    {
        using var http = host.CreateClient();
        var jwks = JsonDocument.Parse(await http.GetStringAsync("/.well-known/jwks")).RootElement;
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).Order().ToArray();
    }

    private static async Task<HttpStatusCode> CallAsync(BylabFactory host, string accessToken)
    {
        using var api = new OidcHarness(host).Api(accessToken);
        return (await api.DeleteAsync("/api/v1/events/999999/registration")).StatusCode;
    }

    [Fact]
    public async Task TokensOutliveARestartAndAKeyRotation()
    {
        // Each new host reads the keys from the folder on its own, as a restarted process would.
        await using var first = Host();
        var oidc = new OidcHarness(first);
        await oidc.EnsureClientAsync();
        var (user, browser) = await oidc.CitizenAsync("oidc-keys");
        var token = (await oidc.SignInAsync(user, browser)).AccessToken;
        var kidsBefore = await KidsAsync(first);
        Assert.Equal(HttpStatusCode.NotFound, await CallAsync(first, token));
        var files = Directory.GetFiles(folder, "*.pem");
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));

        // Every host deletes the database file when disposed: all three stay up until the test ends.
        await using var restarted = Host();
        Assert.Equal(kidsBefore, await KidsAsync(restarted));
        Assert.Equal(HttpStatusCode.NotFound, await CallAsync(restarted, token));

        OidcKeys.Rotate(folder, DateTimeOffset.UtcNow.AddSeconds(1));
        await using var rotated = Host();
        var kidsAfter = await KidsAsync(rotated);
        Assert.Equal(kidsBefore.Length + 1, kidsAfter.Length);
        Assert.Subset(kidsAfter.ToHashSet(), kidsBefore.ToHashSet());
        Assert.Equal(HttpStatusCode.NotFound, await CallAsync(rotated, token));

        // A token issued now is signed with the new key: its identity token names a kid the old JWKS did not have.
        var oidcAfter = new OidcHarness(rotated);
        var (person, personBrowser) = await oidcAfter.CitizenAsync("oidc-rotated");
        var fresh = await oidcAfter.SignInAsync(person, personBrowser);
        var header = JsonDocument.Parse(Base64UrlDecode(fresh.IdentityToken.Split('.')[0])).RootElement;
        Assert.DoesNotContain(header.GetProperty("kid").GetString(), kidsBefore);
        Assert.Equal(HttpStatusCode.NotFound, await CallAsync(rotated, fresh.AccessToken));
    }

    private static byte[] Base64UrlDecode(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
