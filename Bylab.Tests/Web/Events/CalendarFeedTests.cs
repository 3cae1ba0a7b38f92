using System.Net;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Calendar = Ical.Net.Calendar;
using EventStatus = Bylab.Core.Events.EventStatus;

namespace Bylab.Tests.Web.Events;

public sealed class CalendarFeedTests(BylabFactory factory) : IClassFixture<BylabFactory>
{
    private async Task<(HttpResponseMessage Response, Calendar? Calendar)> GetCalendarAsync(string url)
    {
        using var client = factory.CreateBylabClient();
        var response = await client.Http.GetAsync(url);
        Calendar? calendar = null;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            calendar = Calendar.Load(await response.Content.ReadAsStringAsync());
        }
        return (response, calendar);
    }

    [Fact]
    public async Task AnyoneCanSubscribeToTheProgramme()
    {
        var published = await factory.Events.WorkshopAsync();
        var cancelled = await factory.Events.WorkshopAsync(e => { e.Status = EventStatus.Cancelled; e.CancelledAt = DateTime.UtcNow; });
        var draft = await factory.Events.WorkshopAsync(e => { e.Status = EventStatus.Draft; e.PublishedAt = null; });
        var longGone = await factory.Events.WorkshopAsync(e => { e.StartsAt = DateTime.UtcNow.AddDays(-40); e.EndsAt = e.StartsAt.AddHours(2); });

        var (response, calendar) = await GetCalendarAsync("/arrangementer/kalender.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bylab Hamar – arrangementer", calendar!.Properties.Get<string>("X-WR-CALNAME"));
        Assert.Equal("Europe/Oslo", Assert.Single(calendar.TimeZones).TzId);
        var uids = calendar.Events.Select(e => e.Uid).ToList();
        Assert.Contains(EventCalendar.Uid(published.Id), uids);
        Assert.Contains(EventCalendar.Uid(cancelled.Id), uids);
        Assert.DoesNotContain(EventCalendar.Uid(draft.Id), uids);
        Assert.DoesNotContain(EventCalendar.Uid(longGone.Id), uids);

        var item = calendar.Events.Single(e => e.Uid == EventCalendar.Uid(published.Id));
        Assert.Equal(published.Title, item.Summary);
        Assert.Equal(published.StartsAt, item.DtStart!.AsUtc);
        Assert.Equal("Bylab Hamar, Torggata 1, 2317 Hamar", item.Location);
        Assert.Equal(new Uri("http://localhost/arrangementer/" + published.Slug), item.Url);
        Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Uid == EventCalendar.Uid(cancelled.Id)).Status);
    }

    [Fact]
    public async Task TheFeedCanBeCutByTheme()
    {
        var (themeId, themeSlug, _) = await factory.Ideas.ThemeAsync("Levende sentrum");
        var inTheme = await factory.Events.WorkshopAsync(e => e.ThemeId = themeId);
        var other = await factory.Events.WorkshopAsync();

        var (response, calendar) = await GetCalendarAsync("/arrangementer/kalender.ics?tema=" + themeSlug);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bylab Hamar – Levende sentrum", calendar!.Properties.Get<string>("X-WR-CALNAME"));
        Assert.Equal([EventCalendar.Uid(inTheme.Id)], calendar.Events.Select(e => e.Uid));
        Assert.NotEqual(inTheme.Id, other.Id);
    }

    [Fact]
    public async Task AnUnknownThemeIsNotFound()
    {
        var (response, _) = await GetCalendarAsync("/arrangementer/kalender.ics?tema=finnes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OneEventCanBeImported()
    {
        var ev = await factory.Events.WorkshopAsync(e => e.Sequence = 2);

        var (response, calendar) = await GetCalendarAsync($"/arrangementer/{ev.Slug}/kalender.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PUBLISH", calendar!.Method);
        var item = Assert.Single(calendar.Events);
        Assert.Equal((EventCalendar.Uid(ev.Id), 2), (item.Uid, item.Sequence));
        Assert.Equal(ev.EndsAt, item.DtEnd!.AsUtc);
    }

    [Fact]
    public async Task DraftsAndUnknownEventsAreNotFound()
    {
        var draft = await factory.Events.WorkshopAsync(e => { e.Status = EventStatus.Draft; e.PublishedAt = null; });
        Assert.Equal(HttpStatusCode.NotFound, (await GetCalendarAsync($"/arrangementer/{draft.Slug}/kalender.ics")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetCalendarAsync("/arrangementer/finnes-ikke/kalender.ics")).Response.StatusCode);
    }

    [Fact]
    public async Task TheParticipantsOwnFileHasTheOnlineLinkOnlyWhenTheyHaveAPlace()
    {
        var ev = await factory.Events.WorkshopAsync(e =>
        {
            e.LocationKind = EventLocationKind.Online;
            e.VenueId = null;
            e.OnlineUrl = "https://meet.example.org/bylab-verksted";
        });
        var confirmed = await factory.Events.RegistrationAsync(ev.Id, RegistrationStatus.Confirmed, name: "Øystein Ås", email: TestData.UniqueEmail());
        var waiting = await factory.Events.RegistrationAsync(ev.Id, RegistrationStatus.Waitlisted, name: "Øystein Ås", email: TestData.UniqueEmail());
        var cancelled = await factory.Events.RegistrationAsync(ev.Id, RegistrationStatus.Cancelled, name: "Øystein Ås", email: TestData.UniqueEmail());

        var mine = (await GetCalendarAsync($"/pamelding/{confirmed.ManageToken}/kalender.ics")).Calendar!;
        Assert.Contains("https://meet.example.org/bylab-verksted", Assert.Single(mine.Events).Description);
        Assert.Equal("Digitalt", mine.Events[0]!.Location);

        var theirs = (await GetCalendarAsync($"/pamelding/{waiting.ManageToken}/kalender.ics")).Calendar!;
        Assert.DoesNotContain("meet.example.org", Assert.Single(theirs.Events).Description);

        var gone = (await GetCalendarAsync($"/pamelding/{cancelled.ManageToken}/kalender.ics")).Calendar!;
        Assert.Equal(("CANCEL", "CANCELLED"), (gone.Method, Assert.Single(gone.Events).Status));
        Assert.DoesNotContain("meet.example.org", gone.Events[0]!.Description);

        // The public copy never has it.
        var open = (await GetCalendarAsync($"/arrangementer/{ev.Slug}/kalender.ics")).Calendar!;
        Assert.DoesNotContain("meet.example.org", Assert.Single(open.Events).Description);
    }

    [Fact]
    public async Task AnUnknownTokenIsNotFound()
    {
        using var client = factory.CreateBylabClient();
        var token = Bylab.Core.Events.Registration.NewManageToken();
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/pamelding/{token}/kalender.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/pamelding/{token}/qr.png")).StatusCode);
    }

    [Fact]
    public async Task TheParticipantsQrCodeIsAPng()
    {
        var ev = await factory.Events.WorkshopAsync();
        var r = await factory.Events.RegistrationAsync(ev.Id, RegistrationStatus.Confirmed, name: "Øystein Ås", email: TestData.UniqueEmail());
        using var client = factory.CreateBylabClient();

        var response = await client.Http.GetAsync($"/pamelding/{r.ManageToken}/qr.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }
}
