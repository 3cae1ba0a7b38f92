using System.Net;
using Bylab.Core.Accounts;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;

namespace Bylab.Tests.Web.Organise;

/// <summary>The door, the participant list and a scanned code say when check-in opens, and offer no «Sjekk inn» before then.</summary>
public sealed class CheckInWindowPageTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    [Fact]
    public async Task BeforeTheWindowTheDoorSaysWhenItOpensAndChecksNobodyIn()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        // Two weeks ahead: far outside the two hours before the start.
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        var door = $"/arrangor/arrangementer/{id}/innsjekk";

        var page = await client.GetPageAsync($"{door}?q=kari");
        Assert.Equal("TooEarly", page.QuerySelector("#checkin-window")!.GetAttribute("data-timing"));
        Assert.Contains("Innsjekkingen åpner", page.QuerySelector("#checkin-window")!.TextContent);
        Assert.Single(page.QuerySelectorAll(".door__match"));
        Assert.Empty(page.QuerySelectorAll($"form[action$='/deltakere/{kari.Id}/sjekk-inn']"));

        // A code typed anyway is refused with the reason, and nothing changes.
        var typed = await client.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = kari.CheckInCode }, "#code-form");
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        var after = await client.GetPageAsync(door);
        Assert.StartsWith("Innsjekkingen er ikke åpnet ennå. Den åpner ", after.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Null((await factory.Events.RegistrationOfAsync(id, kari.Email)).CheckedInAt);

        var list = await client.GetPageAsync($"/arrangor/arrangementer/{id}");
        Assert.NotNull(list.QuerySelector("#checkin-window"));
        Assert.Empty(list.QuerySelectorAll("form[action*='/sjekk-inn']"));
        var scanned = await client.GetPageAsync($"/arrangor/innsjekk/{kari.CheckInCode}");
        Assert.NotNull(scanned.QuerySelector("#checkin-window"));
        Assert.Empty(scanned.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task WithinTheWindowTheButtonsAreThere()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, startsAt: DateTime.UtcNow.AddHours(1));
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");

        var list = await client.GetPageAsync($"/arrangor/arrangementer/{id}");
        Assert.Null(list.QuerySelector("#checkin-window"));
        Assert.NotNull(list.QuerySelector($"form[action$='/deltakere/{kari.Id}/sjekk-inn']"));
    }
}
