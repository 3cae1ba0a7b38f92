using System.Net;
using AngleSharp.Html.Dom;
using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin;

namespace Bylab.Tests.Web.Organise;

/// <summary>
/// A check-in and a cancellation of the same person, in either order, over HTTP: whichever came first stands.
/// (Bylab.Tests/Core/Events/CheckInCancellationTests races them and plays the worst interleaving.)
/// </summary>
public sealed class CheckInCancellationPagesTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    /// <summary>Within the hour: check-in is open (two hours before the start) and people may still cancel.</summary>
    private static DateTime SoonStart => DateTime.UtcNow.AddHours(1);

    private static string? Alert(IHtmlDocument page) => page.QuerySelector("main .ds-alert")?.TextContent.Trim();

    [Fact]
    public async Task SomeoneCheckedInKeepsTheirPlaceWhenTheirOldCancelFormIsSentOrStaffPressRemove()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        using var _staff = staff;
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, capacity: 1, startsAt: SoonStart);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        var ola = await factory.Events.SignUpGuestAsync(id, "Ola Nordmann");
        Assert.Equal(RegistrationStatus.Waitlisted, ola.Status);

        // Kari has her page open on the phone, with the cancel button, when she walks in at the door.
        using var phone = factory.CreateBylabClient();
        var ownPage = await phone.GetPageAsync("/pamelding/" + kari.ManageToken);
        Assert.NotNull(ownPage.QuerySelector("form[action$='/avmeld']"));
        // Staff had the question page for removing her open in another tab.
        var removePath = $"/arrangor/arrangementer/{id}/deltakere/{kari.Id}/fjern";
        var oldTab = await staff.GetPageAsync(removePath);
        Assert.NotNull(oldTab.QuerySelector($"form[action='{removePath}']"));
        var door = $"/arrangor/arrangementer/{id}/innsjekk";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(door, new Dictionary<string, string> { ["Code"] = kari.CheckInCode }, "#code-form")).StatusCode);
        Assert.Equal("Kari Nordmann er sjekket inn.", Alert(await staff.GetPageAsync(door)));

        var cancel = await phone.SubmitAsync(ownPage, new Dictionary<string, string>(), "form[action$='/avmeld']");
        Assert.Equal(HttpStatusCode.SeeOther, cancel.StatusCode);
        var after = await phone.GetPageAsync(cancel.Headers.Location!.ToString());
        const string checkedIn = "Du er sjekket inn på arrangementet, så plassen din kan ikke meldes av. Si fra til arrangøren hvis dette er feil.";
        Assert.Equal(checkedIn, Alert(after));
        Assert.Null(after.QuerySelector("form[action$='/avmeld']"));
        Assert.Contains(checkedIn, after.QuerySelector(".registration-cancel")!.TextContent);

        // Staff's question page says why and offers only to undo the check-in, no button that would be refused.
        const string cannotRemove = "Deltakeren er sjekket inn og kan ikke fjernes. Angre innsjekkingen først hvis den var feil.";
        var ask = await staff.GetPageAsync(removePath);
        Assert.Equal(cannotRemove, Alert(ask));
        Assert.Null(ask.QuerySelector($"form[action='{removePath}']"));
        Assert.DoesNotContain(ask.QuerySelectorAll("main button"), b => b.TextContent.Contains("fjern", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(ask.QuerySelector($"form[action='/arrangor/arrangementer/{id}/deltakere/{kari.Id}/angre-innsjekk']"));

        // The old tab's form, sent anyway, is refused by the service.
        var remove = await staff.SubmitAsync(oldTab, new Dictionary<string, string>(), $"form[action='{removePath}']");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Equal(cannotRemove, Alert(await staff.GetPageAsync(remove.Headers.Location!.ToString())));

        var stored = await factory.Events.RegistrationOfAsync(id, kari.Email);
        Assert.Equal(RegistrationStatus.Confirmed, stored.Status);
        Assert.NotNull(stored.CheckedInAt);
        Assert.Equal(RegistrationStatus.Waitlisted, (await factory.Events.RegistrationOfAsync(id, ola.Email)).Status);
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.EventNotifications.Any(n =>
            n.RegistrationId == ola.Id && (n.Kind == EventNotificationKind.Promoted || n.Kind == EventNotificationKind.Cancelled)))));
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.EventNotifications.Any(n =>
            n.RegistrationId == kari.Id && n.Kind == EventNotificationKind.Cancelled))));
    }

    [Fact]
    public async Task ACancelledSignUpsCodeIsRefusedAtTheDoorAndItsPlaceStaysWithTheNext()
    {
        var (staff, _) = await factory.SignedInWithTotpAsync("ansatt", Roles.Staff);
        using var _staff = staff;
        var (id, _) = await factory.Events.ForOrganiserAsync(ownerId: null, capacity: 1, startsAt: SoonStart);
        var kari = await factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        var ola = await factory.Events.SignUpGuestAsync(id, "Ola Nordmann");
        // Staff opened the QR code's page before Kari cancelled.
        var scanned = await staff.GetPageAsync("/arrangor/innsjekk/" + kari.CheckInCode);

        using var phone = factory.CreateBylabClient();
        var cancel = await phone.SubmitAsync("/pamelding/" + kari.ManageToken, new Dictionary<string, string>(), "form[action$='/avmeld']");
        Assert.Equal(HttpStatusCode.SeeOther, cancel.StatusCode);

        var checkIn = await staff.SubmitAsync(scanned, new Dictionary<string, string>(), "main form");
        Assert.Equal(HttpStatusCode.Redirect, checkIn.StatusCode);
        Assert.Equal("Kari Nordmann har ikke plass: står på venteliste eller er avmeldt.",
            Alert(await staff.GetPageAsync(checkIn.Headers.Location!.ToString())));
        var stored = await factory.Events.RegistrationOfAsync(id, kari.Email);
        Assert.Equal((RegistrationStatus.Cancelled, null), (stored.Status, stored.CheckedInAt));
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.Events.RegistrationOfAsync(id, ola.Email)).Status);
    }
}
