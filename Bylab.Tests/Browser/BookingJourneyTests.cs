using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bylab.Tests.Browser;

/// <summary>Borrowing the Bylab in a real browser: an organiser asks, staff decide, the calendar shows it, the door code follows.</summary>
public sealed class BookingJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static ILocator Label(IPage page, string text) => page.GetByLabel(text, new() { Exact = true });

    private sealed record People(string Organiser, string OrganiserId, int OrganisationId, string OrganisationName, string Staff, string StaffKey);

    private async Task<People> PeopleAsync()
    {
        var organiser = TestData.UniqueEmail("ungdom");
        var user = await Factory.Users.CreateAsync("Sara Ungdom", organiser, TestData.Password, roles: [Roles.Organiser]);
        var organisation = await Factory.Bookings.OrganisationAsync("Ungdomsrådet", memberIds: user.Id);
        var name = await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).SingleAsync());
        var staff = TestData.UniqueEmail("ansatt");
        await Factory.Users.CreateAsync("Sindre Bylab-ansatt", staff, TestData.Password, roles: [Roles.Staff]);
        return new People(organiser, user.Id, organisation, name, staff, await Factory.EnableTotpAsync(staff));
    }

    [Fact]
    public async Task AnOrganiserAsksForAFortnightlySeriesStaffApproveItAndACancelledDatesCodeStops()
    {
        var people = await PeopleAsync();
        var first = Factory.Bookings.Date(DayOfWeek.Wednesday, 10);
        var staffId = await Factory.Users.IdOfAsync(people.Staff);
        var eventTitle = TestData.Unique("Åpent møte om Stortorget");
        await Factory.Events.BylabVenueIdAsync();
        await Factory.Events.CreatePublishedAsync(Factory.Events.Input(eventTitle, TestBookings.Oslo(first.AddDays(14), 17)), staffId);
        var purpose = TestData.Unique("Ungdomsrådets møte");

        await InBrowserAsync(async page =>
        {
            // The front page's «Lån lokalet» card leads to the venue, and on to its calendar.
            await page.LogInAsync(people.Organiser);
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Se når lokalet er ledig, og be om å låne det" }).ClickAsync();
            await Expect(Heading(page)).ToContainTextAsync("Bylab Hamar");
            await page.AssertAccessibleAsync();
            await page.GotoAsync($"/lokalet/kalender?dato={first:yyyy-MM-dd}");
            await page.AssertAccessibleAsync();

            // Free time in the calendar opens the form with the day and the times filled in.
            var day = page.Locator($"[aria-labelledby='day-{first:yyyy-MM-dd}']");
            await day.Locator(".venue-item--free a").First.ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync("Be om å låne lokalet");
            await Expect(Label(page, "Dato")).ToHaveValueAsync(first.ToString("yyyy-MM-dd"));
            await Label(page, "Rom").SelectOptionAsync(new SelectOptionValue { Label = "Møterommet (plass til 14)" });
            await Label(page, "Fra klokka").FillAsync("18:00");
            await Label(page, "Til klokka").FillAsync("20:00");
            await Label(page, "Hva skal lokalet brukes til?").FillAsync(purpose);
            await Label(page, "Antall personer").FillAsync("12");
            await Label(page, "Annenhver uke").CheckAsync();
            await Label(page, "Antall ganger").FillAsync("3");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send forespørselen" }).ClickAsync();

            // The second date collides with a public event: it is named, and nothing is sent yet.
            await Expect(ErrorSummary(page)).ToBeFocusedAsync();
            var problems = page.Locator("#date-problems");
            await Expect(problems).ToContainTextAsync("1 av datoene kan ikke bookes");
            await Expect(problems).ToContainTextAsync(eventTitle);
            await page.AssertAccessibleAsync();
            await Label(page, "Send forespørselen uten datoene som ikke kan bookes (1)").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send forespørselen" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("2 datoer");
            await page.AssertAccessibleAsync();
        });
        var dates = await Factory.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.Purpose == purpose).OrderBy(b => b.StartsAt).ToListAsync());
        Assert.Equal([first, first.AddDays(28)], dates.Select(b => DateOnly.FromDateTime(Bylab.Core.Time.OsloTime.ToOslo(b.StartsAt))));

        await InBrowserAsync(async page =>
        {
            await page.LogInWithTotpAsync(people.Staff, people.StaffKey);
            await page.GotoAsync("/admin/bookinger");
            await page.AssertAccessibleAsync();
            // A series is one item in the queue; its page lists the dates with what each would collide with.
            await page.Locator("#queue").GetByRole(AriaRole.Link, new() { Name = purpose }).ClickAsync();
            await Expect(page.Locator("#series-dates tbody tr")).ToHaveCountAsync(2);
            await page.AssertAccessibleAsync();
            await page.Locator("#series-dates tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.Locator("#assessment")).ToContainTextAsync("Kolliderer ikke");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Se alle 2 datoene" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Godkjenn alle ledige datoer (2 venter)" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("2 datoer er godkjent");

            // The calendar shows them, titled for staff.
            await page.GotoAsync($"/lokalet/kalender?dato={first.AddDays(28):yyyy-MM-dd}");
            await Expect(page.Locator($"[aria-labelledby='day-{first.AddDays(28):yyyy-MM-dd}']")).ToContainTextAsync(purpose);
        });

        var second = dates[1];
        var secondCode = (await Factory.WithAsync((IDoorLock d) => d.ForBookingAsync(second.Id, default)))!.Code;
        var firstCode = (await Factory.WithAsync((IDoorLock d) => d.ForBookingAsync(dates[0].Id, default)))!.Code;
        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(people.Organiser);
            await page.GotoAsync("/lokalet/bookinger");
            await page.AssertAccessibleAsync();
            await page.GotoAsync($"/lokalet/bookinger/{second.Id}");
            await Expect(page.Locator("#door-code")).ToHaveTextAsync(secondCode);
            await page.GetByRole(AriaRole.Link, new() { Name = "Avbestill" }).ClickAsync();
            await page.AssertAccessibleAsync();
            await Label(page, "Ja, jeg vil avbestille").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Avbestill" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("koden til døren virker ikke lenger");
            await Expect(page.Locator("#door-code")).ToHaveCountAsync(0);
        });

        await InBrowserAsync(async page =>
        {
            await page.LogInWithTotpAsync(people.Staff, people.StaffKey);
            async Task<string> CheckAsync(string code, DateTime at)
            {
                await page.GotoAsync("/admin/lokale/dor");
                await Label(page, "Kode").FillAsync(code);
                await Label(page, "Tidspunkt").FillAsync(Bylab.Web.Features.Organise.EventForm.Local(at));
                await page.GetByRole(AriaRole.Button, new() { Name = "Sjekk koden" }).ClickAsync();
                await page.AssertAccessibleAsync();
                return await page.Locator("#door-answer").InnerTextAsync();
            }
            Assert.StartsWith("Ikke gyldig", await CheckAsync(secondCode, second.StartsAt.AddMinutes(10)));
            Assert.StartsWith("Gyldig", await CheckAsync(firstCode, dates[0].StartsAt.AddMinutes(10)));
        });
    }

    [Fact]
    public async Task StaffEditTheHoursAndAClosedDayAndTheCalendarFollows()
    {
        var people = await PeopleAsync();
        var friday = Factory.Bookings.Date(DayOfWeek.Friday, 11);
        var thursday = friday.AddDays(-1);

        await InBrowserAsync(async page =>
        {
            await page.LogInWithTotpAsync(people.Staff, people.StaffKey);
            await page.GotoAsync($"/lokalet/kalender?dato={friday:yyyy-MM-dd}");
            var fridayInCalendar = page.Locator($"[aria-labelledby='day-{friday:yyyy-MM-dd}']");
            await Expect(fridayInCalendar).ToContainTextAsync("08:00–18:00");

            await page.GotoAsync("/admin/lokale");
            await page.AssertAccessibleAsync();
            await Label(page, "Utlån til fredag").FillAsync("20:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("Lokalet er lagret");

            await page.GotoAsync("/admin/lokale/stengt");
            await page.AssertAccessibleAsync();
            await Label(page, "Første dag").FillAsync(thursday.ToString("yyyy-MM-dd"));
            await Label(page, "Hvorfor (vises i kalenderen)").FillAsync("Fagdag for de ansatte");
            await page.GetByRole(AriaRole.Button, new() { Name = "Legg til" }).ClickAsync();
            await Expect(Confirmation(page)).ToContainTextAsync("lagt til");

            await page.GotoAsync($"/lokalet/kalender?dato={friday:yyyy-MM-dd}");
            await Expect(fridayInCalendar).ToContainTextAsync("08:00–20:00");
            await Expect(page.Locator($"[aria-labelledby='day-{thursday:yyyy-MM-dd}']")).ToContainTextAsync("Fagdag for de ansatte");
            await page.AssertAccessibleAsync();
            await page.GotoAsync($"/lokalet/kalender/maned?ar={thursday.Year}&maned={thursday.Month}");
            await Expect(page.GetByText("Fagdag for de ansatte")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        });
    }

    [Fact]
    public async Task EveryBookingPageIsAccessibleAndFitsAPhoneAndADesktop()
    {
        var people = await PeopleAsync();
        var meeting = await Factory.Bookings.SpaceAsync(TestBookings.MeetingRoom);
        var series = await Factory.Bookings.RequestAsync(TestBookings.Input(people.OrganisationId, meeting.Id, Factory.Bookings.Date(DayOfWeek.Tuesday, 12), 18,
            purpose: "Ungdomsrådets månedsmøte: innspill til «Hamar mot 2030»", repeat: RepeatInterval.Fortnightly, occurrences: 3, isPublic: true), people.OrganiserId);
        var pending = series[0];
        var seriesId = (await Factory.Bookings.StoredAsync(pending)).SeriesId!.Value;
        var approved = series[1];
        var staffId = await Factory.Users.IdOfAsync(people.Staff);
        Assert.Equal(BookingOutcome.Done, (await Factory.WithAsync((BookingDecisionService s) => s.ApproveAsync(approved, staffId))).Outcome);
        var spaceId = meeting.Id;
        string[] organiserPages =
        [
            "/lokalet", "/lokalet/kalender", $"/lokalet/kalender?rom={spaceId}", "/lokalet/kalender/maned", "/lokalet/bookinger", "/lokalet/bookinger/ny",
            $"/lokalet/bookinger/{pending}", $"/lokalet/bookinger/{pending}/endre", $"/lokalet/bookinger/{approved}", $"/lokalet/bookinger/{approved}/avbestill",
        ];
        string[] staffPages =
        [
            "/admin/bookinger", $"/admin/bookinger/{pending}", $"/admin/bookinger/{approved}", $"/admin/bookinger/serie/{seriesId}", "/admin/bookinger/blokker",
            $"/admin/bookinger/{approved}/flytt", $"/admin/bookinger/{approved}/avlys", "/admin/bookinger/statistikk", "/admin/bookinger/kalenderlenke",
            "/admin/lokale", "/admin/lokale/stengt", "/admin/lokale/rom", $"/admin/lokale/rom/{spaceId}", "/admin/lokale/rom/ny", "/admin/lokale/dor",
            "/admin/organisasjoner", "/admin/organisasjoner/ny", $"/admin/organisasjoner/{people.OrganisationId}",
        ];

        var titles = new Dictionary<string, string>();
        await InBrowserAsync(async page =>
        {
            await page.LogInAsync(people.Organiser);
            await WalkAsync(page, organiserPages, "organiser", titles);
        });
        await InBrowserAsync(async page =>
        {
            await page.LogInWithTotpAsync(people.Staff, people.StaffKey);
            await WalkAsync(page, staffPages, "staff", titles);
        });
        // Each page is named on its own (a screen reader's list of tabs, the browser's history).
        Assert.All(titles.Keys, t => Assert.EndsWith(" – Bylab Hamar", t));
        Assert.Equal(organiserPages.Length + staffPages.Length, titles.Count);
    }

    /// <summary>Each page at 375 and at 1280 pixels: axe finds nothing serious, nothing but a data table scrolls sideways, and its title is its own.</summary>
    private static async Task WalkAsync(IPage page, IEnumerable<string> paths, string who, Dictionary<string, string> titles)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, width == 375 ? 812 : 900);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{path} answered {response.Status}");
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a {width} px screen");
                await page.AssertAccessibleAsync();
                if (width == 375)
                {
                    var title = await page.TitleAsync();
                    Assert.True(titles.TryAdd(title, path), $"{path} has the same title as {titles.GetValueOrDefault(title)}: {title}");
                }
                if (Environment.GetEnvironmentVariable("BYLAB_SCREENSHOTS") is { Length: > 0 } folder)
                {
                    // For a person to look at (BYLAB_SCREENSHOTS=artifacts/shots): the tests never read them.
                    var name = $"{who}-{path.Trim('/').Replace('/', '_').Replace('?', '_').Replace('=', '-').Replace('&', '_')}-{width}.png";
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
                }
            }
        }
    }
}
