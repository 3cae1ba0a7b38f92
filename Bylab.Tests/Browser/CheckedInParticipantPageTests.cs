using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>The participant's own page once they are checked in: it says why the place can no longer be cancelled.</summary>
public sealed class CheckedInParticipantPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ACheckedInParticipantIsToldWhyTheyCannotCancel()
    {
        var (id, _) = await Factory.Events.ForOrganiserAsync(ownerId: null, title: "Nabolagsmøte på Ankerskogen",
            // Within the hour: inside the check-in window.
            startsAt: DateTime.UtcNow.AddHours(1));
        var kari = await Factory.Events.SignUpGuestAsync(id, "Kari Nordmann");
        var staff = await Factory.Users.CreateAsync("Ansatt");
        var result = await Factory.WithAsync((CheckInService c) => c.CheckInByIdAsync(id, kari.Id, staff.Id));
        Assert.Equal(CheckInOutcome.CheckedIn, result.Outcome);

        await InBrowserAsync(async page =>
        {
            foreach (var (width, height) in new[] { (375, 812), (1280, 900) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync("/pamelding/" + kari.ManageToken);
                await Expect(Heading(page)).ToHaveTextAsync("Påmeldingen din");
                await Expect(page.Locator("main")).ToContainTextAsync("Nabolagsmøte på Ankerskogen");
                await Expect(page.Locator(".registration-cancel")).ToContainTextAsync("Du er sjekket inn på arrangementet, så plassen din kan ikke meldes av.");
                await Expect(page.Locator(".registration-cancel button")).ToHaveCountAsync(0);
                await Expect(page.Locator(".registration-status")).ToContainTextAsync("Du ble sjekket inn");
                await page.AssertAccessibleAsync();
            }
        });
    }
}
