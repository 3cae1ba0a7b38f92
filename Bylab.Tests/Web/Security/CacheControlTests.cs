using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;
using Bylab.Tests.Web.Organise;

namespace Bylab.Tests.Web.Security;

/// <summary>
/// Nothing with personal data is kept by a browser's or a proxy's cache (ASVS 8.2.1): every response to a signed-in
/// person says Cache-Control: no-store, files included, and so do the pages behind a personal link.
/// </summary>
public sealed class CacheControlTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static void AssertNoStore(HttpResponseMessage response) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{response.RequestMessage!.RequestUri}: Cache-Control was '{response.Headers.CacheControl}'");

    [Fact]
    public async Task TheParticipantsCsvIsNotCached()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        using var _c = client;
        var (id, _) = await factory.Events.ForOrganiserAsync(null);
        await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");

        var response = await client.Http.GetAsync($"/arrangor/arrangementer/{id}/deltakere.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoStore(response);
    }

    [Fact]
    public async Task ThePersonalDataDownloadIsNotCached()
    {
        var (client, _) = await factory.SignedInAsync("kari", Roles.Citizen);
        using var _c = client;

        var response = await client.SubmitAsync("/min-side", new Dictionary<string, string>(), "form[action$='/min-side/data']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoStore(response);
    }

    [Fact]
    public async Task EveryPageForASignedInPersonIsNotCachedButPublicFilesStillAre()
    {
        var (client, _) = await factory.SignedInAsync("ola", Roles.Citizen);
        using var _c = client;
        foreach (var url in new[] { "/", "/min-side", "/ideer", "/arrangementer", "/arrangementer/kalender.ics" })
        {
            AssertNoStore(await client.Http.GetAsync(url));
        }
        using var anonymous = factory.CreateBylabClient();
        Assert.Contains("public", (await anonymous.Http.GetAsync("/arrangementer/kalender.ics")).Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task ThePersonalRegistrationFilesAreNotCached()
    {
        var (id, _) = await factory.Events.ForOrganiserAsync(null);
        var registration = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        using var anonymous = factory.CreateBylabClient();
        foreach (var path in new[] { "", "/qr.png", "/kalender.ics" })
        {
            var response = await anonymous.Http.GetAsync($"/pamelding/{registration.ManageToken}{path}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertNoStore(response);
        }
    }
}
