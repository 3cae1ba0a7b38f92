using Bylab.Core.Accounts;
using Bylab.Core.Email;
using Bylab.Core.Ideas;
using Bylab.Tests.Infrastructure;
using Bylab.Tests.Web.Admin.Ideas;
using Bylab.Tests.Web.Events;
using Bylab.Tests.Web.Organise;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bylab.Tests.Browser;

/// <summary>
/// WCAG 2.4.2: every page's title names the page, then the site («Ideer – Bylab Hamar»), in the person's language, and no
/// two different pages share one. Walked at a phone's width, as a visitor, a citizen, an organiser, staff and an admin,
/// with axe on every page.
/// </summary>
public sealed class PageTitleTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Site = "Bylab Hamar";

    [Fact]
    public async Task EveryPageHasATitleOfItsOwnForEveryRole()
    {
        var w = await WorldAsync();
        var titles = new Dictionary<string, string>();

        await WalkAsync(titles, "visitor", null, [
            "/", "/arrangementer", "/arrangementer/kalender", $"/arrangementer/{w.EventSlug}", $"/arrangementer/{w.OtherEventSlug}",
            "/medvirkning", $"/medvirkning/{w.ConsultationSlug}", "/ideer", $"/ideer/{w.IdeaSlug}", $"/ideer/{w.OtherIdeaSlug}",
            "/tilgjengelighet", "/personvern", "/konto/logg-inn", "/konto/registrer", "/konto/passord/glemt", "/konto/send-bekreftelse",
            $"/pamelding/{w.GuestToken}", $"/pamelding/{w.OtherGuestToken}", "/finnes-ikke"]);
        await WalkAsync(titles, "citizen", page => page.LogInAsync(w.CitizenEmail), [
            "/min-side", "/min-side/pameldinger", "/min-side/rediger", "/min-side/passord", "/min-side/e-post", "/min-side/tofaktor",
            "/min-side/slett", $"/medvirkning/{w.ConsultationSlug}/ny-ide", $"/ideer/{w.IdeaId}/rediger", $"/ideer/{w.OtherIdeaId}/rediger",
            $"/ideer/{w.IdeaId}/trekk-tilbake", $"/ideer/kommentarer/{w.CommentId}/rediger", $"/ideer/kommentarer/{w.CommentId}/slett",
            "/admin"]);
        await WalkAsync(titles, "organiser", page => page.LogInAsync(w.OrganiserEmail), [
            "/arrangor/arrangementer", "/arrangor/arrangementer/ny", $"/arrangor/arrangementer/{w.OwnEventId}",
            $"/arrangor/arrangementer/{w.OwnEventId}/rediger", $"/arrangor/arrangementer/{w.OwnEventId}/innsjekk",
            $"/arrangor/arrangementer/{w.OwnEventId}/avlys", $"/arrangor/innsjekk/{w.OwnCheckInCode}"]);
        await WalkAsync(titles, "staff", page => page.LogInWithTotpAsync(w.Staff.Email, w.Staff.Key), [
            "/admin", "/admin/ideer", $"/admin/ideer/{w.IdeaId}", "/admin/medvirkninger", "/admin/medvirkninger/ny",
            $"/admin/medvirkninger/{w.ConsultationId}/rediger", "/admin/temaer", "/admin/temaer/ny", "/admin/utboks", $"/admin/utboks/{w.OutboxId}"]);
        await WalkAsync(titles, "admin", page => page.LogInWithTotpAsync(w.Admin.Email, w.Admin.Key), [
            "/admin/brukere", $"/admin/brukere/{w.CitizenId}", "/admin/revisjonslogg"]);

        foreach (var (path, title) in titles.Where(t => t.Key != "/"))
        {
            Assert.Matches($"^.+ – {Site}$", title);
            Assert.NotEqual(Site, title);
        }
        Assert.Equal(Site, titles["/"]);
        var shared = titles.GroupBy(t => t.Value).Where(g => g.Count() > 1).Select(g => $"«{g.Key}»: {string.Join(", ", g.Select(t => t.Key))}").ToList();
        Assert.True(shared.Count == 0, "Pages sharing a title:\n" + string.Join("\n", shared));
        Assert.Equal("Ideer – Bylab Hamar", titles["/ideer"]);
        Assert.Equal("Logg inn – Bylab Hamar", titles["/konto/logg-inn"]);
        Assert.Equal("Fant ikke siden – Bylab Hamar", titles["/finnes-ikke"]);
        Assert.Equal("Ingen tilgang – Bylab Hamar", titles["/admin (innbygger)"]);

        // In the person's language, as the language switcher sets it.
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await page.GotoAsync("/ideer");
            Assert.Equal("Ideas – Bylab Hamar", await page.TitleAsync());
            await page.GotoAsync("/finnes-ikke");
            Assert.Equal("Page not found – Bylab Hamar", await page.TitleAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Nynorsk" }).ClickAsync();
            await page.GotoAsync("/finnes-ikke");
            Assert.Equal("Fann ikkje sida – Bylab Hamar", await page.TitleAsync());
        }, "languages");
    }

    /// <summary>Visits each page at 375 px in a context of its own, runs axe, and notes its title under its path.</summary>
    private async Task WalkAsync(Dictionary<string, string> titles, string who, Func<IPage, Task>? logIn, string[] paths)
    {
        await InBrowserAsync(async page =>
        {
            if (logIn is not null)
            {
                await logIn(page);
            }
            await page.SetViewportSizeAsync(375, 812);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok || response.Status is 403 or 404, $"{path} answered {response.Status}");
                await page.AssertAccessibleAsync();
                // /admin is a page of its own for a citizen (no access) and for staff (the dashboard).
                var key = path == "/admin" && response.Status == 403 ? "/admin (innbygger)" : path;
                Assert.True(titles.TryAdd(key, await page.TitleAsync()), $"{key} walked twice");
                await TourShotsAsync(page, who, key);
            }
        }, who);
    }

    /// <summary>
    /// With BYLAB_TOUR_SHOTS=1 (tools/tour.sh) the walk leaves the first screen of every page at 375 and 1280 px in
    /// artifacts/tour/, to be looked at as each role sees it; without it nothing is written.
    /// </summary>
    private static async Task TourShotsAsync(IPage page, string who, string key)
    {
        if (Environment.GetEnvironmentVariable("BYLAB_TOUR_SHOTS") != "1")
        {
            return;
        }
        var folder = Path.Combine(ArtifactsFolder(), "tour");
        Directory.CreateDirectory(folder);
        var name = who + "-" + string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')).Trim('_');
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-375.png") });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-1280.png") });
        await page.SetViewportSizeAsync(375, 812);
    }

    private sealed record World(
        string CitizenEmail, string CitizenId, string OrganiserEmail, (string Email, string Key) Staff, (string Email, string Key) Admin,
        int ConsultationId, string ConsultationSlug, int IdeaId, string IdeaSlug, int OtherIdeaId, string OtherIdeaSlug, int CommentId,
        string EventSlug, string OtherEventSlug, string GuestToken, string OtherGuestToken, int OwnEventId, string OwnCheckInCode, long OutboxId);

    private async Task<World> WorldAsync()
    {
        var citizen = await Factory.Users.CitizenAsync("innbygger");
        var organiserEmail = TestData.UniqueEmail("arrangor");
        var organiser = await Factory.Users.CreateAsync(email: organiserEmail, password: TestData.Password, roles: [Roles.Organiser]);
        var staff = await IdeasAdminPageTests.StaffAsync(Factory);
        var adminEmail = TestData.UniqueEmail("admin");
        await Factory.Users.CreateAsync(email: adminEmail, password: TestData.Password, roles: [Roles.Admin]);
        var admin = (adminEmail, await Factory.EnableTotpAsync(adminEmail));

        var (consultationId, consultationSlug) = await Factory.Ideas.ConsultationAsync(TestData.Unique("Et grønnere Hamar"));
        var ideaId = (await Factory.Ideas.IdeaAsync(citizen.Id, consultationId, "Blomsterenger i parkene")).Id;
        var otherIdeaId = (await Factory.Ideas.IdeaAsync(citizen.Id, consultationId, "Frukttrær langs Strandgata")).Id;
        var commentId = 0;
        await Factory.WithScopeAsync(async sp =>
            commentId = (await sp.GetRequiredService<CommentService>().AddAsync(citizen.Id, ideaId, null, "Gjerne med bier også.")).CommentId!.Value);

        var ev = await Factory.Events.AtBylabAsync("Åpent møte om parkene");
        var other = await Factory.Events.AtBylabAsync("Verksted om parkene");
        var guest = await Factory.Events.SignUpGuestAsync(ev.Id, "Gjest Gjestesen");
        var otherGuest = await Factory.Events.SignUpGuestAsync(other.Id, "Gjest Gjestesen");
        var (ownEventId, _) = await Factory.Events.ForOrganiserAsync(ownerId: organiser.Id, title: "Arrangørens eget møte");
        var ownRegistration = await Factory.Events.SignUpGuestAsync(ownEventId, "Kari Nordmann");

        await Factory.WithScopeAsync(sp => sp.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage(citizen.Email!, "Velkommen", "Hei!")));
        var outboxId = await Factory.WithDbAsync(db => db.OutboxMessages.OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());

        return new World(citizen.Email!, citizen.Id, organiserEmail, staff, admin,
            consultationId, consultationSlug, ideaId, Slugs.WithId("Blomsterenger i parkene", ideaId), otherIdeaId,
            Slugs.WithId("Frukttrær langs Strandgata", otherIdeaId), commentId, ev.Slug, other.Slug, guest.ManageToken, otherGuest.ManageToken,
            ownEventId, ownRegistration.CheckInCode, outboxId);
    }
}
