using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

public sealed class EventQueriesTests : IAsyncLifetime
{
    private CoreHarness _h = null!;
    private string _staff = "";

    public async Task InitializeAsync()
    {
        _h = await CoreHarness.CreateAsync();
        _staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static DateTime Oslo(int year, int month, int day, int hour, int minute = 0) => TestEvents.Oslo(year, month, day, hour, minute);

    [Fact]
    public async Task ProgrammeShowsPublishedAndCancelledEventsThatHaveNotEndedSoonestFirst()
    {
        var ending = await _h.Events.CreatePublishedAsync(_h.Events.Input("Ferdig snart", Oslo(2026, 11, 24, 9), location: EventLocationKind.Online), _staff);
        var running = await _h.Events.CreatePublishedAsync(_h.Events.Input("Pågår", Oslo(2026, 11, 24, 11), TimeSpan.FromHours(3)), _staff);
        var later = await _h.Events.CreatePublishedAsync(_h.Events.Input("Senere", Oslo(2026, 12, 10, 18)), _staff);
        var soon = await _h.Events.CreatePublishedAsync(_h.Events.Input("Snart", Oslo(2026, 12, 1, 18)), _staff);
        await _h.Events.CreateAsync(_h.Events.Input("Utkast", Oslo(2026, 12, 2, 18)), _staff);
        var called = await _h.Events.CreatePublishedAsync(_h.Events.Input("Avlyst", Oslo(2026, 12, 3, 18)), _staff);
        await _h.WithAsync((EventStatusService s) => s.CancelAsync(called, "Syk.", EventActor.Staff(_staff)));
        var neverShown = await _h.Events.CreateAsync(_h.Events.Input("Avlyst utkast", Oslo(2026, 12, 4, 18)), _staff);
        await _h.WithAsync((EventStatusService s) => s.CancelAsync(neverShown, null, EventActor.Staff(_staff)));
        _h.Clock.SetUtcNow(Oslo(2026, 11, 24, 12));

        var programme = await _h.WithAsync((EventQueries q) => q.ProgrammeAsync(new EventFilter()));

        Assert.Equal(["Pågår", "Snart", "Avlyst", "Senere"], programme.Items.Select(i => i.Title));
        Assert.Equal(4, programme.Total);
        Assert.Equal(EventStatus.Cancelled, programme.Items.Single(i => i.Id == called).Status);
        Assert.DoesNotContain(programme.Items, i => i.Id == ending);
        Assert.Equal(RegistrationWindow.Started, programme.Items.Single(i => i.Id == running).Window);
        Assert.Equal(RegistrationWindow.Open, programme.Items.Single(i => i.Id == soon).Window);
        Assert.Equal(RegistrationWindow.NotAvailable, programme.Items.Single(i => i.Id == called).Window);
        Assert.Contains(programme.Items, i => i.Id == later);
    }

    [Fact]
    public async Task ProgrammeIsPaged()
    {
        for (var day = 1; day <= 5; day++)
        {
            await _h.Events.CreatePublishedAsync(_h.Events.Input($"Møte {day}", Oslo(2026, 12, day, 18)), _staff);
        }

        var second = await _h.WithAsync((EventQueries q) => q.ProgrammeAsync(new EventFilter(Page: 2, PageSize: 2)));

        Assert.Equal(["Møte 3", "Møte 4"], second.Items.Select(i => i.Title));
        Assert.Equal((5, 3, true, true), (second.Total, second.PageCount, second.HasPrevious, second.HasNext));
    }

    [Fact]
    public async Task ProgrammeFiltersByThemeAndAudience()
    {
        var city = (await _h.Ideas.ThemeAsync("attraktiv-by")).Id;
        var climate = (await _h.Ideas.ThemeAsync("baerekraft-og-klima")).Id;
        await _h.Events.CreatePublishedAsync(_h.Events.Input("By for alle", Oslo(2026, 12, 1, 18)) with { ThemeId = city }, _staff);
        await _h.Events.CreatePublishedAsync(_h.Events.Input("By for unge", Oslo(2026, 12, 2, 18)) with { ThemeId = city, Audience = EventAudience.Youth }, _staff);
        await _h.Events.CreatePublishedAsync(_h.Events.Input("Klima for unge", Oslo(2026, 12, 3, 18)) with { ThemeId = climate, Audience = EventAudience.Youth }, _staff);
        await _h.Events.CreatePublishedAsync(_h.Events.Input("Uten tema", Oslo(2026, 12, 4, 18)), _staff);

        async Task<IEnumerable<string>> Titles(EventFilter f) => (await _h.WithAsync((EventQueries q) => q.ProgrammeAsync(f))).Items.Select(i => i.Title);

        Assert.Equal(["By for alle", "By for unge"], await Titles(new EventFilter(ThemeId: city)));
        Assert.Equal(["By for unge", "Klima for unge"], await Titles(new EventFilter(Audience: EventAudience.Youth)));
        Assert.Equal(["Klima for unge"], await Titles(new EventFilter(ThemeId: climate, Audience: EventAudience.Youth)));
        var month = await _h.WithAsync((EventQueries q) => q.MonthAsync(2026, 12, new EventFilter(ThemeId: city, Audience: EventAudience.Youth)));
        Assert.Equal(["By for unge"], month.Select(i => i.Title));
        Assert.Equal("attraktiv-by", (await _h.WithAsync((EventQueries q) => q.ProgrammeAsync(new EventFilter(ThemeId: city)))).Items[0].ThemeTitle);
    }

    [Fact]
    public async Task ListItemsCountPlacesWithCompanionsAndTheWaitlist()
    {
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input(capacity: 10), _staff);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, companions: 2);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, companions: 1);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Unconfirmed, companions: 2);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Cancelled, companions: 2);
        var opensLater = await _h.Events.CreatePublishedAsync(_h.Events.Input("Åpner senere", Oslo(2026, 12, 5, 12), location: EventLocationKind.Elsewhere)
            with { RegistrationOpensAt = Oslo(2026, 11, 28, 9) }, _staff);
        await _h.Events.CreatePublishedAsync(_h.Events.Input("På nett", Oslo(2026, 12, 6, 12), location: EventLocationKind.Online), _staff);

        var items = (await _h.WithAsync((EventQueries q) => q.ProgrammeAsync(new EventFilter()))).Items;

        var item = items.Single(i => i.Id == id);
        Assert.Equal((10, 4, 6, 2), (item.Capacity, item.PlacesTaken, item.PlacesLeft, item.WaitlistCount));
        Assert.Equal("Bylab Hamar, Torggata 1", item.LocationText);
        Assert.Equal(RegistrationWindow.NotYetOpen, items.Single(i => i.Id == opensLater).Window);
        Assert.Equal("Hamar bibliotek, Strandgata 45", items.Single(i => i.Id == opensLater).LocationText);
        Assert.Equal("", items.Single(i => i.Title == "På nett").LocationText);
        Assert.Equal((0, 0), (items.Single(i => i.Id == opensLater).PlacesTaken, items.Single(i => i.Id == opensLater).WaitlistCount));
    }

    [Fact]
    public async Task MonthCalendarCutsByOsloTime()
    {
        // 00:30 on 1 January in Oslo is still 31 December in UTC; 23:30 on 31 December Oslo is 22:30 UTC. (Online: these
        // would be too close to each other for the venue's buffers, and the month is what is tested here.)
        var newYear = await _h.Events.CreatePublishedAsync(_h.Events.Input("Nyttårsnatt", Oslo(2027, 1, 1, 0, 30), location: EventLocationKind.Online), _staff);
        var eve = await _h.Events.CreatePublishedAsync(_h.Events.Input("Nyttårsaften", Oslo(2026, 12, 31, 23, 30), TimeSpan.FromMinutes(30), location: EventLocationKind.Online), _staff);
        // Summer time: 00:30 on 1 July is 22:30 UTC on 30 June.
        var july = await _h.Events.CreatePublishedAsync(_h.Events.Input("Sommernatt", Oslo(2027, 7, 1, 0, 30), location: EventLocationKind.Online), _staff);
        var june = await _h.Events.CreatePublishedAsync(_h.Events.Input("Sankthans", Oslo(2027, 6, 30, 22), location: EventLocationKind.Online), _staff);
        await _h.Events.CreateAsync(_h.Events.Input("Utkast i desember", Oslo(2026, 12, 20, 18)), _staff);
        Assert.Equal(12, (await _h.Events.StoredAsync(newYear)).StartsAt.Month);

        async Task<IEnumerable<int>> Ids(int year, int month) =>
            (await _h.WithAsync((EventQueries q) => q.MonthAsync(year, month, new EventFilter()))).Select(i => i.Id);

        Assert.Equal([eve], await Ids(2026, 12));
        Assert.Equal([newYear], await Ids(2027, 1));
        Assert.Equal([june], await Ids(2027, 6));
        Assert.Equal([july], await Ids(2027, 7));
        Assert.Empty(await Ids(2027, 13));
        Assert.Empty(await Ids(0, 1));
    }

    [Fact]
    public async Task MonthCalendarKeepsEventsThatHaveEnded()
    {
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input(startsAt: Oslo(2026, 11, 25, 18)), _staff);
        _h.Clock.SetUtcNow(Oslo(2026, 11, 28, 12));
        Assert.Equal([id], (await _h.WithAsync((EventQueries q) => q.MonthAsync(2026, 11, new EventFilter()))).Select(i => i.Id));
    }

    [Fact]
    public async Task EventPageHidesDraftsAndShowsTheOnlineLinkOnlyToParticipantsWithAPlace()
    {
        var draft = await _h.Events.CreateAsync(_h.Events.Input("Utkast"), _staff);
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input("Digitalt møte", Oslo(2026, 12, 1, 12), location: EventLocationKind.Online), _staff);
        var slug = (await _h.Events.StoredAsync(id)).Slug;
        var withPlace = (await _h.Users.CreateAsync("Kari Nordmann")).Id;
        var queueing = (await _h.Users.CreateAsync("Ola Hamar")).Id;
        var alsoQueueing = (await _h.Users.CreateAsync("Ingrid Storhamar")).Id;
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, userId: withPlace);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, userId: alsoQueueing, createdAt: _h.Now);
        var queued = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, userId: queueing, createdAt: _h.Now.AddMinutes(1))).Id;

        var draftSlug = (await _h.Events.StoredAsync(draft)).Slug;
        Assert.Null(await _h.WithAsync((EventQueries q) => q.BySlugAsync(draftSlug, null)));
        Assert.NotNull(await _h.WithAsync((EventQueries q) => q.ByIdAsync(draft, null, forManager: true)));

        var anonymous = (await _h.WithAsync((EventQueries q) => q.BySlugAsync(slug, null)))!;
        Assert.Null(anonymous.OnlineUrl);
        Assert.Null(anonymous.Viewer);
        Assert.Equal((1, 2, EventLocationKind.Online), (anonymous.PlacesTaken, anonymous.WaitlistCount, anonymous.LocationKind));

        var participant = (await _h.WithAsync((EventQueries q) => q.BySlugAsync(slug, withPlace)))!;
        Assert.Equal("https://video.example.org/mote", participant.OnlineUrl);
        Assert.Equal(RegistrationStatus.Confirmed, participant.Viewer!.Status);
        Assert.Null(participant.Viewer.WaitlistPosition);

        var waiting = (await _h.WithAsync((EventQueries q) => q.BySlugAsync(slug, queueing)))!;
        Assert.Null(waiting.OnlineUrl);
        Assert.Equal((queued, RegistrationStatus.Waitlisted, (int?)2), (waiting.Viewer!.Id, waiting.Viewer.Status, waiting.Viewer.WaitlistPosition));

        Assert.Equal("https://video.example.org/mote", (await _h.WithAsync((EventQueries q) => q.ByIdAsync(id, null, forManager: true)))!.OnlineUrl);
        Assert.Null((await _h.WithAsync((EventQueries q) => q.ByIdAsync(id, null, forManager: false)))!.OnlineUrl);
        Assert.Null(await _h.WithAsync((EventQueries q) => q.BySlugAsync("finnes-ikke", null)));
    }

    [Fact]
    public async Task EventPageDescribesTheVenueAndTheme()
    {
        var theme = (await _h.Ideas.ThemeAsync("attraktiv-by")).Id;
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input() with { ThemeId = theme, Question = "Hvorfor?" }, _staff);

        var details = (await _h.WithAsync((EventQueries q) => q.ByIdAsync(id, null, forManager: false)))!;

        Assert.Equal(("Bylab Hamar", 60, true, true), (details.Venue!.Name, details.Venue.Capacity, details.Venue.StepFreeAccess, details.Venue.HearingLoop));
        Assert.Equal(("attraktiv-by", "Hvorfor?", RegistrationWindow.Open), (details.ThemeSlug, details.Question, details.Window));
    }

    [Fact]
    public async Task ParticipantListHasConfirmedByNameThenTheWaitlistInOrder()
    {
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input(), _staff);
        var zara = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, name: "Zara Ali")).Id;
        var oystein = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, name: "Øystein Ødegård", companions: 1)).Id;
        var anne = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, name: "anne hansen", userId: _staff)).Id;
        var second = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, name: "Bjørn", createdAt: _h.Now.AddMinutes(2))).Id;
        var first = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, name: "Camilla", createdAt: _h.Now.AddMinutes(1))).Id;
        // «Æsøy» cannot occur in a check-in code or an e-mail address, which the search also matches («KDAGJEP2» once matched «Dag»).
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Unconfirmed, name: "Dag Æsøy");
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Cancelled, name: "Eirik");

        var all = await _h.WithAsync((EventQueries q) => q.ParticipantsAsync(id, null));

        Assert.Equal([anne, zara, oystein, first, second], all.Select(p => p.RegistrationId));
        Assert.Equal([null, null, null, 1, 2], all.Select(p => p.WaitlistPosition));
        Assert.False(all[0].IsGuest);
        Assert.True(all[1].IsGuest);

        // Search ignores case, also for æøå, and keeps the position in the whole waitlist.
        Assert.Equal([oystein], (await _h.WithAsync((EventQueries q) => q.ParticipantsAsync(id, "øDEgå"))).Select(p => p.RegistrationId));
        var bjorn = Assert.Single(await _h.WithAsync((EventQueries q) => q.ParticipantsAsync(id, " bjørn ")));
        Assert.Equal((second, (int?)2), (bjorn.RegistrationId, bjorn.WaitlistPosition));
        var code = all.Single(p => p.RegistrationId == zara).CheckInCode;
        Assert.Equal([zara], (await _h.WithAsync((EventQueries q) => q.ParticipantsAsync(id, code.ToLowerInvariant()))).Select(p => p.RegistrationId));
        var email = all.Single(p => p.RegistrationId == anne).Email;
        Assert.Equal([anne], (await _h.WithAsync((EventQueries q) => q.ParticipantsAsync(id, email.ToUpperInvariant()))).Select(p => p.RegistrationId));
        Assert.Empty(await _h.WithAsync((EventQueries q) => q.ParticipantsAsync(id, "Æsøy")));
    }

    [Fact]
    public async Task AttendanceCountsPeopleAndAfterDeletionTheStoredCounts()
    {
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input(startsAt: Oslo(2026, 11, 25, 18), capacity: 10), _staff);
        var came = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, companions: 2)).Id;
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, companions: 1);
        var alsoCame = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed)).Id;
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, companions: 1);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Cancelled);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Unconfirmed);
        await _h.WithDbAsync(db => db.Registrations.Where(r => r.Id == came || r.Id == alsoCame)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CheckedInAt, Oslo(2026, 11, 25, 18, 5))));

        Assert.Equal(new AttendanceFigures(6, 4, 2, 2, 1, false), await _h.WithAsync((EventQueries q) => q.AttendanceAsync(id)));

        // What the maintenance job leaves after deleting the personal data.
        await _h.WithDbAsync(async db =>
        {
            await db.Registrations.Where(r => r.EventId == id).ExecuteDeleteAsync();
            return await db.Events.Where(e => e.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.PersonalDataDeletedAt, Oslo(2026, 12, 26, 3))
                .SetProperty(e => e.FinalRegistered, 6)
                .SetProperty(e => e.FinalAttended, 4)
                .SetProperty(e => e.FinalWaitlisted, 2));
        });

        Assert.Equal(new AttendanceFigures(6, 4, 2, 2, 0, true), await _h.WithAsync((EventQueries q) => q.AttendanceAsync(id)));
        Assert.Equal(new AttendanceFigures(0, 0, 0, 0, 0, false), await _h.WithAsync((EventQueries q) => q.AttendanceAsync(999)));
    }

    [Fact]
    public async Task OrganisersSeeTheirOwnEventsStaffSeeAll()
    {
        var organiser = (await _h.Users.CreateAsync("Dark Arkitekter v/ Ola")).Id;
        var past = await _h.Events.CreatePublishedAsync(_h.Events.Input("Forbi", Oslo(2026, 11, 24, 9)), organiser);
        var draft = await _h.Events.CreateAsync(_h.Events.Input("Utkast", Oslo(2026, 12, 9, 18)), organiser);
        var upcoming = await _h.Events.CreatePublishedAsync(_h.Events.Input("Kommer", Oslo(2026, 12, 2, 18)), organiser);
        var staffs = await _h.Events.CreatePublishedAsync(_h.Events.Input("Kommunens", Oslo(2026, 12, 3, 18)), _staff);
        await _h.Events.RegistrationAsync(upcoming, RegistrationStatus.Confirmed, companions: 1);
        await _h.Events.RegistrationAsync(upcoming, RegistrationStatus.Waitlisted);
        _h.Clock.SetUtcNow(Oslo(2026, 11, 25, 12));

        var own = await _h.WithAsync((EventQueries q) => q.ManagedAsync(organiser, past: false));
        Assert.Equal([upcoming, draft], own.Select(e => e.Id));
        Assert.Equal((2, 1), (own[0].PlacesTaken, own[0].WaitlistCount));
        Assert.Equal([past], (await _h.WithAsync((EventQueries q) => q.ManagedAsync(organiser, past: true))).Select(e => e.Id));
        Assert.Equal([upcoming, staffs, draft], (await _h.WithAsync((EventQueries q) => q.ManagedAsync(null, past: false))).Select(e => e.Id));
    }

    [Fact]
    public async Task FeedHasPublishedEventsUpToThirtyDaysAfterTheyEndedWithTheirVenue()
    {
        var theme = (await _h.Ideas.ThemeAsync("attraktiv-by")).Id;
        var old = await _h.Events.CreatePublishedAsync(_h.Events.Input("Gammel", Oslo(2026, 11, 24, 9)) with { ThemeId = theme }, _staff);
        var recent = await _h.Events.CreatePublishedAsync(_h.Events.Input("Nylig", Oslo(2026, 12, 10, 9)) with { ThemeId = theme }, _staff);
        var coming = await _h.Events.CreatePublishedAsync(_h.Events.Input("Kommer", Oslo(2027, 1, 5, 18)), _staff);
        await _h.Events.CreateAsync(_h.Events.Input("Utkast", Oslo(2027, 1, 6, 18)), _staff);
        _h.Clock.SetUtcNow(Oslo(2026, 12, 25, 12));

        var feed = await _h.WithAsync((EventQueries q) => q.FeedAsync(null));

        Assert.Equal([recent, coming], feed.Select(e => e.Id));
        Assert.All(feed, e => Assert.Equal("Bylab Hamar", e.Venue!.Name));
        Assert.Equal([recent], (await _h.WithAsync((EventQueries q) => q.FeedAsync(theme))).Select(e => e.Id));
        Assert.DoesNotContain(old, feed.Select(e => e.Id));
    }
}
