// LOCAL ONLY, never committed.
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin.Ideas;
using Bylab.Tests.Web.Events;
using Microsoft.Playwright;
namespace Bylab.Tests.Browser;
public sealed class ZzScreens(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Shots() => InBrowserAsync(async page =>
    {
        var data = new EventsData(Factory);
        var theme = await data.ThemeAsync("Hamar mot 2030");
        var ev = await data.EventAsync("Åpent møte: Hamar mot 2030", e => { e.ThemeId = theme.Id; e.MaxCompanions = 2; e.AskNeeds = true; e.Question = "Hva er viktigst for deg i sentrum?"; e.DescriptionMarkdown = "Kommunen inviterer til **åpent møte** om strategien.\n\n- Innledning\n- Gruppearbeid\n- Oppsummering"; });
        await data.EventAsync("Digitalt foredrag om smarte og bærekraftige samfunn", e => { e.ThemeId = theme.Id; e.LocationKind = EventLocationKind.Online; e.VenueId = null; e.OnlineUrl = "https://example.org/x"; e.StartsAt = e.StartsAt.AddDays(2); e.EndsAt = e.StartsAt.AddHours(1); e.Capacity = 1; });
        await data.EventAsync("Ungdomsrådets møte", e => { e.Audience = EventAudience.Youth; e.LocationKind = EventLocationKind.Elsewhere; e.VenueId = null; e.PlaceName = "Hamar bibliotek"; e.PlaceAddress = "Strandgata 1"; e.StartsAt = e.StartsAt.AddDays(3); e.EndsAt = e.StartsAt.AddHours(1); e.RegistrationOpensAt = DateTime.UtcNow.AddDays(1); });
        await data.EventAsync("Avlyst verksted", e => { e.Status = EventStatus.Cancelled; e.CancellationMessage = "Innleder er syk."; e.StartsAt = e.StartsAt.AddDays(1); e.EndsAt = e.StartsAt.AddHours(1); });
        var dir = "/tmp/ew/shots"; Directory.CreateDirectory(dir);
        var start = Bylab.Core.Time.OsloTime.ToOslo(DateTime.UtcNow.Date.AddDays(7));
        async Task Shot(string path, string name) { await page.GotoAsync(path); await page.ScreenshotAsync(new() { Path = $"{dir}/{name}.png", FullPage = true }); }
        foreach (var (w, tag) in new[] { (1280, "wide"), (320, "narrow") })
        {
            await page.SetViewportSizeAsync(w, 800);
            await Shot("/arrangementer", $"programme-{tag}");
            await Shot($"/arrangementer/kalender?ar={start.Year}&maned={start.Month}", $"month-{tag}");
            await Shot($"/arrangementer/{ev.Slug}", $"event-{tag}");
        }
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync($"/arrangementer/{ev.Slug}");
        await page.GetByLabel("Antall ledsagere").FillAsync("-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld meg på" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = $"{dir}/event-errors.png", FullPage = true });
        var u = await Factory.CitizenAsync("shot");
        await page.LogInAsync(u.Email!);
        await page.GotoAsync($"/arrangementer/{ev.Slug}");
        await page.GetByLabel("Antall ledsagere").FillAsync("1");
        await page.GetByLabel("Jeg samtykker").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld meg på" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = $"{dir}/personal.png", FullPage = true });
        await Shot("/min-side/pameldinger", "mine");
        await Shot($"/arrangementer/{ev.Slug}", "event-registered");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nynorsk" }).ClickAsync();
        await Shot($"/arrangementer/{ev.Slug}", "event-nn");
        await Shot("/min-side/pameldinger", "mine-nn");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Shot("/arrangementer", "programme-en");
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync($"/arrangementer/{ev.Slug}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nynorsk" }).ClickAsync();
        await page.GotoAsync($"/arrangementer/{ev.Slug}");
        await page.ScreenshotAsync(new() { Path = $"{dir}/event-guest-nn.png", FullPage = true });
    });
}
