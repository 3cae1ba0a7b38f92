using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;

namespace Bylab.Tests.Web.Organise;

public sealed class OrganiseAccessTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static IEnumerable<string> GetRoutes(int id, string code) =>
    [
        "/arrangor/arrangementer", "/arrangor/arrangementer?vis=tidligere", "/arrangor/arrangementer/ny",
        $"/arrangor/arrangementer/{id}", $"/arrangor/arrangementer/{id}/rediger", $"/arrangor/arrangementer/{id}/avlys",
        $"/arrangor/arrangementer/{id}/deltakere.csv", $"/arrangor/arrangementer/{id}/innsjekk", $"/arrangor/innsjekk/{code}",
    ];

    private static IEnumerable<string> PostRoutes(int id, int registrationId, string code) =>
    [
        "/arrangor/arrangementer/ny", $"/arrangor/arrangementer/{id}/rediger", $"/arrangor/arrangementer/{id}/publiser",
        $"/arrangor/arrangementer/{id}/avlys", $"/arrangor/arrangementer/{id}/kopier",
        $"/arrangor/arrangementer/{id}/deltakere/{registrationId}/sjekk-inn", $"/arrangor/arrangementer/{id}/deltakere/{registrationId}/angre-innsjekk",
        $"/arrangor/arrangementer/{id}/deltakere/{registrationId}/fjern", $"/arrangor/arrangementer/{id}/innsjekk", $"/arrangor/innsjekk/{code}",
    ];

    private async Task AssertRefusedEverywhereAsync(BylabClient client, HttpStatusCode expected)
    {
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null);
        var registration = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        foreach (var url in GetRoutes(id, registration.CheckInCode))
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(expected == response.StatusCode, $"GET {url}: {(int)response.StatusCode}");
        }
        // A real antiforgery token, so the refusal is the policy's and not the token check's.
        var token = BylabClient.TokenFrom(await client.GetPageAsync("/min-side"));
        foreach (var url in PostRoutes(id, registration.Id, registration.CheckInCode))
        {
            var response = await client.PostRawAsync(url, [new("__RequestVerificationToken", token), new("Code", registration.CheckInCode), new("Confirm", "true")]);
            Assert.True(expected == response.StatusCode, $"POST {url}: {(int)response.StatusCode}");
        }
        Assert.Null((await factory.Events.RegistrationOfAsync(id, registration.Email)).CheckedInAt);
        Assert.Equal(EventStatus.Published, (await factory.Events.StoredAsync(id)).Status);
    }

    [Fact]
    public async Task CitizenIsRefusedEveryOrganiserPage()
    {
        var (client, _) = await factory.SignedInAsync("innbygger", Roles.Citizen);
        await AssertRefusedEverywhereAsync(client, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StaffWithoutTwoFactorIsRefused()
    {
        var (client, _) = await factory.SignedInAsync("ansatt", Roles.Staff);
        await AssertRefusedEverywhereAsync(client, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ModeratorIsRefusedEvenWithTwoFactor()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("moderator", Roles.Moderator);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/arrangor/arrangementer")).StatusCode);
    }

    [Fact]
    public async Task AnonymousScanOfACodeIsSentToLoginAndBack()
    {
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null);
        var registration = await factory.Events.SignUpGuestAsync(id, "Ola Nordmann");
        using var client = factory.CreateBylabClient();

        var response = await client.Http.GetAsync($"/arrangor/innsjekk/{registration.CheckInCode}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/konto/logg-inn", location);
        Assert.Contains(Uri.EscapeDataString($"/arrangor/innsjekk/{registration.CheckInCode}"), location);
    }

    [Fact]
    public async Task OrganiserSeesOnlyTheirOwnEvents()
    {
        var (mine, mineEmail) = await factory.SignedInAsync("arrangor", Roles.Organiser);
        var (other, _) = await factory.SignedInAsync("annen-arrangor", Roles.Organiser);
        var myId = await factory.Users.IdOfAsync(mineEmail);
        var (id, _) = await factory.Events.ForOrganiserAsync(myId, title: $"Verksted om sentrum {Guid.NewGuid():N}"[..30]);
        var title = (await factory.Events.StoredAsync(id)).Title;
        var (staffEvent, _) = await factory.Events.ForOrganiserAsync(ownerId: null);
        var staffTitle = (await factory.Events.StoredAsync(staffEvent)).Title;
        var registration = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");

        var myList = await mine.GetPageAsync("/arrangor/arrangementer");
        Assert.Contains(title, myList.QuerySelector("table")!.TextContent);
        Assert.DoesNotContain(staffTitle, myList.QuerySelector("table")!.TextContent);
        await mine.GetPageAsync($"/arrangor/arrangementer/{id}");
        await mine.GetPageAsync($"/arrangor/innsjekk/{registration.CheckInCode}");

        var otherList = await other.GetPageAsync("/arrangor/arrangementer");
        Assert.DoesNotContain(title, otherList.QuerySelector("main")!.TextContent);
        foreach (var url in new[] { $"/arrangor/arrangementer/{id}", $"/arrangor/arrangementer/{id}/rediger", $"/arrangor/arrangementer/{id}/avlys",
                     $"/arrangor/arrangementer/{id}/deltakere.csv", $"/arrangor/arrangementer/{id}/innsjekk", $"/arrangor/innsjekk/{registration.CheckInCode}",
                     $"/arrangor/arrangementer/{staffEvent}" })
        {
            Assert.True((await other.Http.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
        var token = BylabClient.TokenFrom(otherList);
        foreach (var url in new[] { $"/arrangor/arrangementer/{id}/kopier", $"/arrangor/arrangementer/{id}/avlys",
                     $"/arrangor/arrangementer/{id}/deltakere/{registration.Id}/sjekk-inn", $"/arrangor/innsjekk/{registration.CheckInCode}" })
        {
            var response = await other.PostRawAsync(url, [new("__RequestVerificationToken", token), new("Confirm", "true")]);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, url);
        }
        Assert.Null((await factory.Events.RegistrationOfAsync(id, registration.Email)).CheckedInAt);
        Assert.Equal(EventStatus.Published, (await factory.Events.StoredAsync(id)).Status);
    }

    [Fact]
    public async Task StaffWithTwoFactorManageEveryEvent()
    {
        var organiser = TestData.UniqueEmail("arrangor");
        await factory.Users.CreateAsync(email: organiser, password: TestData.Password, roles: [Roles.Organiser]);
        var (id, _) = await factory.Events.ForOrganiserAsync(await factory.Users.IdOfAsync(organiser));
        var title = (await factory.Events.StoredAsync(id)).Title;
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);

        var list = await staff.GetPageAsync("/arrangor/arrangementer");
        Assert.Contains(title, list.QuerySelector("table")!.TextContent);
        var page = await staff.GetPageAsync($"/arrangor/arrangementer/{id}");
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());

        // The admin menu leads here.
        var admin = await staff.GetPageAsync("/admin");
        Assert.NotNull(admin.QuerySelector(".admin-nav a[href='/arrangor/arrangementer']"));
    }

    [Fact]
    public async Task OrganiserFindsTheirEventsFromMinSide()
    {
        var (organiser, _) = await factory.SignedInAsync("arrangor", Roles.Organiser);
        var (citizen, _) = await factory.SignedInAsync("innbygger", Roles.Citizen);

        Assert.NotNull((await organiser.GetPageAsync("/min-side")).QuerySelector("main a[href='/arrangor/arrangementer']"));
        Assert.Null((await citizen.GetPageAsync("/min-side")).QuerySelector("main a[href='/arrangor/arrangementer']"));
    }
}
