using System.Net;
using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;

namespace Bylab.Tests.Web.Organise;

public sealed class CheckInTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private static string? Feedback(AngleSharp.Html.Dom.IHtmlDocument page) =>
        (page.QuerySelector("[role=status]") ?? page.QuerySelector("[role=alert]"))?.TextContent.Trim();

    /// <summary>An event starting within the hour: check-in is open (it opens two hours before the start).</summary>
    private static DateTime SoonStart => DateTime.UtcNow.AddHours(1);

    [Fact]
    public async Task ACodeChecksInOnceAndTheSecondTimeSaysWhen()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, startsAt: SoonStart);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann", companions: 2);
        var door = $"/arrangor/arrangementer/{id}/innsjekk";

        // Typed in lower case with a space, as people read it out.
        var typed = kari.CheckInCode.ToLowerInvariant().Insert(4, " ");
        var first = await client.SubmitAsync(door, new Dictionary<string, string> { ["Code"] = typed }, "#code-form");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var afterFirst = await client.GetPageAsync(door);
        Assert.Equal("Kari Nordmann (+2) er sjekket inn.", Feedback(afterFirst));
        var checkedIn = (await factory.Events.RegistrationOfAsync(id, kari.Email)).CheckedInAt;
        Assert.NotNull(checkedIn);

        await client.SubmitAsync(afterFirst, new Dictionary<string, string> { ["Code"] = kari.CheckInCode }, "#code-form");
        var afterSecond = await client.GetPageAsync(door);
        var clock = Bylab.Core.Time.OsloTime.ToOslo(checkedIn!.Value).ToString("HH:mm");
        Assert.Equal($"Kari Nordmann (+2) er allerede sjekket inn kl. {clock}.", Feedback(afterSecond));
        Assert.Equal(checkedIn, (await factory.Events.RegistrationOfAsync(id, kari.Email)).CheckedInAt);
        Assert.Contains("3 av 3", afterSecond.QuerySelector("#door-count")!.TextContent);
    }

    [Fact]
    public async Task UnknownAndWaitlistedCodesAreTold()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, capacity: 1);
        await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        var ola = await factory.Events.SignUpGuestAsync(id, "Ola Nordmann");
        var (otherId, _) = await factory.Events.ForOrganiserAsync(ownerId: null);
        var per = await factory.Events.SignUpGuestAsync(otherId, "Per Hansen");
        var door = $"/arrangor/arrangementer/{id}/innsjekk";

        await client.SubmitAsync(door, new Dictionary<string, string> { ["Code"] = ola.CheckInCode }, "#code-form");
        Assert.Contains("står på venteliste", Feedback(await client.GetPageAsync(door)));

        await client.SubmitAsync(door, new Dictionary<string, string> { ["Code"] = per.CheckInCode }, "#code-form");
        Assert.Equal("Koden hører til et annet arrangement.", Feedback(await client.GetPageAsync(door)));

        await client.SubmitAsync(door, new Dictionary<string, string> { ["Code"] = "ZZZZ2222" }, "#code-form");
        Assert.Equal("Ikke funnet.", Feedback(await client.GetPageAsync(door)));

        var malformed = await client.SubmitAsync(door, new Dictionary<string, string> { ["Code"] = "abc" }, "#code-form");
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        var page = await BylabClient.ParseAsync(malformed);
        Assert.Single(page.ErrorSummary());
        Assert.Equal("abc", page.FieldValue("Code"));
        Assert.Null((await factory.Events.RegistrationOfAsync(otherId, per.Email)).CheckedInAt);
    }

    [Fact]
    public async Task TheDoorPageFindsPeopleByNameAndChecksThemIn()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, startsAt: SoonStart);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        await factory.Events.SignUpGuestAsync(id, "Ola Hansen");
        var door = $"/arrangor/arrangementer/{id}/innsjekk";

        var found = await client.GetPageAsync($"{door}?q=nordmann");
        var match = Assert.Single(found.QuerySelectorAll(".door__match"));
        Assert.Equal(kari.Id.ToString(), match.GetAttribute("data-registration"));

        var response = await client.SubmitAsync(found, new Dictionary<string, string>(), $"form[action='/arrangor/arrangementer/{id}/deltakere/{kari.Id}/sjekk-inn']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{door}?q=nordmann", response.Headers.Location!.ToString());
        Assert.NotNull((await factory.Events.RegistrationOfAsync(id, kari.Email)).CheckedInAt);
        var after = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Equal("Kari Nordmann er sjekket inn.", Feedback(after));

        // A wrong press is undone from the same page.
        await client.SubmitAsync(after, new Dictionary<string, string>(), $"form[action='/arrangor/arrangementer/{id}/deltakere/{kari.Id}/angre-innsjekk']");
        Assert.Null((await factory.Events.RegistrationOfAsync(id, kari.Email)).CheckedInAt);
    }

    [Fact]
    public async Task OpeningAScannedCodeChangesNothingUntilTheButtonIsPressed()
    {
        var (client, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, title: "Smarte og bærekraftige samfunn", startsAt: SoonStart);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann", companions: 1);
        var url = $"/arrangor/innsjekk/{kari.CheckInCode}";

        var landing = await client.GetPageAsync(url);
        await client.GetPageAsync(url);

        Assert.Null((await factory.Events.RegistrationOfAsync(id, kari.Email)).CheckedInAt);
        var facts = landing.QuerySelector("#scanned")!.TextContent;
        Assert.Contains("Kari Nordmann (+1)", facts);
        Assert.Contains("Smarte og bærekraftige samfunn", facts);

        var response = await client.SubmitAsync(landing, new Dictionary<string, string>(), $"form[action='{url}']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await factory.Events.RegistrationOfAsync(id, kari.Email)).CheckedInAt);
        var after = await client.GetPageAsync(url);
        Assert.Equal("Kari Nordmann (+1) er sjekket inn.", Feedback(after));
        Assert.Equal("checked-in", after.QuerySelector("#scanned-state")!.GetAttribute("data-state"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/arrangor/innsjekk/ZZZZ2222")).StatusCode);
    }
}
