using Bylab.Core.Bookings;
using Bylab.Core.Events;
using Bylab.Core.Time;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

public sealed class EventServiceTests : IAsyncLifetime
{
    private CoreHarness _h = null!;
    private string _staff = "";

    public async Task InitializeAsync()
    {
        _h = await CoreHarness.CreateAsync();
        _staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task StaffCanCreateDraftWithSlugOwnerAndAuditEntry()
    {
        var id = await _h.Events.CreateAsync(_h.Events.Input("Åpent møte: Hamar mot 2030 – hvor er vi?"), _staff);

        var ev = await _h.Events.StoredAsync(id);
        Assert.Equal(EventStatus.Draft, ev.Status);
        Assert.Equal("apent-mote-hamar-mot-2030-hvor-er-vi", ev.Slug);
        Assert.Equal(_staff, ev.OwnerId);
        Assert.Equal(_h.Now, ev.CreatedAt);
        Assert.Null(ev.PublishedAt);
        // Staff's event in the venue takes its slot through a booking of its own, approved at once; both are audited.
        var entries = await _h.AuditAsync();
        Assert.Equal([BookingAuditActions.Approved, EventAuditActions.EventCreated], entries.Select(a => a.Action));
        var audit = entries[1];
        Assert.Equal((EventAuditActions.EventCreated, id.ToString(), _staff, "Sindre Bylab-ansatt"),
            (audit.Action, audit.TargetId, audit.ActorId, audit.ActorName));
        Assert.Equal(entries[0].TargetId, ev.BookingId.ToString());
    }

    [Fact]
    public async Task FormTextIsTrimmedAndPlaceFieldsFollowTheLocationKind()
    {
        var input = _h.Events.Input(location: EventLocationKind.Online) with
        {
            Title = "  Lunsjprat  ",
            Question = "   ",
            PlaceName = "Hamar bibliotek",
            VenueId = await _h.Events.BylabVenueIdAsync(),
        };
        var ev = await _h.Events.StoredAsync(await _h.Events.CreateAsync(input, _staff));

        Assert.Equal("Lunsjprat", ev.Title);
        Assert.Null(ev.Question);
        Assert.Null(ev.PlaceName);
        Assert.Null(ev.VenueId);
        Assert.Equal("https://video.example.org/mote", ev.OnlineUrl);
    }

    public static TheoryData<string, string, string> InvalidCases => new()
    {
        { "end-before-start", nameof(EventInput.EndsAt), EventInputErrors.EndBeforeStart },
        { "end-equals-start", nameof(EventInput.EndsAt), EventInputErrors.EndBeforeStart },
        { "no-title", nameof(EventInput.Title), EventInputErrors.Required },
        { "long-title", nameof(EventInput.Title), EventInputErrors.TooLong },
        { "no-summary", nameof(EventInput.Summary), EventInputErrors.Required },
        { "no-description", nameof(EventInput.DescriptionMarkdown), EventInputErrors.Required },
        { "no-organiser", nameof(EventInput.OrganisationId), EventInputErrors.Required },
        { "unknown-organisation", nameof(EventInput.OrganisationId), EventInputErrors.UnknownOrganisation },
        { "unknown-space", nameof(EventInput.SpaceId), EventInputErrors.UnknownSpace },
        { "long-question", nameof(EventInput.Question), EventInputErrors.TooLong },
        { "capacity-zero", nameof(EventInput.Capacity), EventInputErrors.OutOfRange },
        { "capacity-huge", nameof(EventInput.Capacity), EventInputErrors.OutOfRange },
        { "capacity-over-venue", nameof(EventInput.Capacity), EventInputErrors.CapacityOverVenue },
        { "companions-negative", nameof(EventInput.MaxCompanions), EventInputErrors.OutOfRange },
        { "companions-eleven", nameof(EventInput.MaxCompanions), EventInputErrors.OutOfRange },
        { "reminder-zero", nameof(EventInput.ReminderHoursBefore), EventInputErrors.OutOfRange },
        { "reminder-337", nameof(EventInput.ReminderHoursBefore), EventInputErrors.OutOfRange },
        { "registration-closes-after-end", nameof(EventInput.RegistrationClosesAt), EventInputErrors.RegistrationWindow },
        { "registration-opens-after-closes", nameof(EventInput.RegistrationClosesAt), EventInputErrors.RegistrationWindow },
        { "registration-opens-after-start", nameof(EventInput.RegistrationOpensAt), EventInputErrors.RegistrationWindow },
        { "unknown-theme", nameof(EventInput.ThemeId), EventInputErrors.UnknownTheme },
        { "unknown-venue", nameof(EventInput.VenueId), EventInputErrors.UnknownVenue },
        { "venue-missing", nameof(EventInput.VenueId), EventInputErrors.Required },
        { "place-missing", nameof(EventInput.PlaceName), EventInputErrors.Required },
        { "url-missing", nameof(EventInput.OnlineUrl), EventInputErrors.Required },
        { "url-relative", nameof(EventInput.OnlineUrl), EventInputErrors.InvalidUrl },
        { "url-javascript", nameof(EventInput.OnlineUrl), EventInputErrors.InvalidUrl },
        { "url-ftp", nameof(EventInput.OnlineUrl), EventInputErrors.InvalidUrl },
        { "start-in-past", nameof(EventInput.StartsAt), EventInputErrors.InThePast },
        { "unknown-audience", nameof(EventInput.Audience), EventInputErrors.OutOfRange },
        { "unknown-location", nameof(EventInput.LocationKind), EventInputErrors.OutOfRange },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task InvalidInputIsRefusedWithFieldAndCode(string name, string field, string code)
    {
        var valid = _h.Events.Input();
        var online = _h.Events.Input(location: EventLocationKind.Online);
        var input = name switch
        {
            "end-before-start" => valid with { EndsAt = valid.StartsAt.AddMinutes(-30) },
            "end-equals-start" => valid with { EndsAt = valid.StartsAt },
            "no-title" => valid with { Title = "   " },
            "long-title" => valid with { Title = new string('a', Event.TitleMaxLength + 1) },
            "no-summary" => valid with { Summary = "" },
            "no-description" => valid with { DescriptionMarkdown = "\n" },
            "no-organiser" => valid with { OrganisationId = null },
            "unknown-organisation" => valid with { OrganisationId = 9999 },
            "unknown-space" => valid with { SpaceId = 9999 },
            "long-question" => valid with { Question = new string('?', Event.QuestionMaxLength + 1) },
            "capacity-zero" => valid with { Capacity = 0 },
            "capacity-huge" => _h.Events.Input(location: EventLocationKind.Online) with { Capacity = Event.MaxCapacity + 1 },
            "capacity-over-venue" => valid with { Capacity = 61 },
            "companions-negative" => valid with { MaxCompanions = -1 },
            "companions-eleven" => valid with { MaxCompanions = 11 },
            "reminder-zero" => valid with { ReminderHoursBefore = 0 },
            "reminder-337" => valid with { ReminderHoursBefore = 337 },
            "registration-closes-after-end" => valid with { RegistrationClosesAt = valid.EndsAt.AddMinutes(1) },
            "registration-opens-after-closes" => valid with { RegistrationOpensAt = valid.StartsAt.AddDays(-1), RegistrationClosesAt = valid.StartsAt.AddDays(-2) },
            "registration-opens-after-start" => valid with { RegistrationOpensAt = valid.StartsAt.AddMinutes(1) },
            "unknown-theme" => valid with { ThemeId = 999 },
            "unknown-venue" => valid with { VenueId = 999 },
            "venue-missing" => valid with { VenueId = null },
            "place-missing" => _h.Events.Input(location: EventLocationKind.Elsewhere) with { PlaceName = " " },
            "url-missing" => online with { OnlineUrl = null },
            "url-relative" => online with { OnlineUrl = "zoom.us/j/123" },
            "url-javascript" => online with { OnlineUrl = "javascript:alert(1)" },
            "url-ftp" => online with { OnlineUrl = "ftp://example.org/mote" },
            "start-in-past" => valid with { StartsAt = _h.Now.AddMinutes(-1), EndsAt = _h.Now.AddHours(1) },
            "unknown-audience" => valid with { Audience = (EventAudience)42 },
            "unknown-location" => valid with { LocationKind = (EventLocationKind)42 },
            _ => throw new ArgumentException(name),
        };

        var result = await _h.WithAsync((EventService s) => s.CreateAsync(input, EventActor.Staff(_staff)));

        Assert.Equal(EventSaveOutcome.InvalidInput, result.Outcome);
        Assert.Contains(new EventInputError(field, code), result.Errors!);
        Assert.Equal(0, await _h.WithDbAsync(db => Task.FromResult(db.Events.Count())));
    }

    [Fact]
    public async Task RegistrationCannotOpenAfterTheStartEvenWhenItClosesLater()
    {
        // The form always held this; the service now holds the same rule (EventRules).
        var input = _h.Events.Input();
        var result = await _h.WithAsync((EventService s) => s.CreateAsync(
            input with { RegistrationOpensAt = input.StartsAt.AddMinutes(30), RegistrationClosesAt = input.EndsAt }, EventActor.Staff(_staff)));
        Assert.Equal(EventSaveOutcome.InvalidInput, result.Outcome);
        Assert.Equal([new EventInputError(nameof(EventInput.RegistrationOpensAt), EventInputErrors.RegistrationWindow)], result.Errors!);
    }

    [Fact]
    public async Task RegistrationMayCloseAsLateAsTheEnd()
    {
        var input = _h.Events.Input();
        var id = await _h.Events.CreateAsync(input with { RegistrationOpensAt = _h.Now.AddDays(1), RegistrationClosesAt = input.EndsAt }, _staff);
        Assert.Equal(input.EndsAt, (await _h.Events.StoredAsync(id)).RegistrationClosesAt);
    }

    [Fact]
    public async Task AnEventAcrossTheNightSummerTimeEndsIsStoredWithItsRealLength()
    {
        // 31 October 2027: at 03:00 summer time the clocks go back to 02:00. 23:00 to 04:00 is six hours.
        var startsAt = TestEvents.Oslo(2027, 10, 30, 23);
        var endsAt = TestEvents.Oslo(2027, 10, 31, 4);
        var id = await _h.Events.CreateAsync(_h.Events.Input("Nattevandring") with { StartsAt = startsAt, EndsAt = endsAt }, _staff);

        var ev = await _h.Events.StoredAsync(id);
        Assert.Equal(TimeSpan.FromHours(6), ev.EndsAt - ev.StartsAt);
        Assert.Equal(new DateTime(2027, 10, 30, 23, 0, 0), OsloTime.ToOslo(ev.StartsAt));
        Assert.Equal(new DateTime(2027, 10, 31, 4, 0, 0), OsloTime.ToOslo(ev.EndsAt));

        // 02:30 happens twice that night; ending at the first 02:30 (summer time) is still after 23:00.
        var ambiguousEnd = OsloTime.ToUtc(new DateTime(2027, 10, 31, 2, 30, 0))!.Value;
        var second = await _h.WithAsync((EventService s) => s.CreateAsync(_h.Events.Input("Kort natt", TestEvents.Oslo(2027, 11, 6, 23)) with
        {
            StartsAt = TestEvents.Oslo(2027, 10, 31, 1, 30), EndsAt = ambiguousEnd, LocationKind = EventLocationKind.Online,
            VenueId = null, OnlineUrl = "https://video.example.org/natt",
        }, EventActor.Staff(_staff)));
        Assert.Equal(EventSaveOutcome.Saved, second.Outcome);
        Assert.Equal(TimeSpan.FromHours(1), (await _h.Events.StoredAsync(second.EventId!.Value)).EndsAt - TestEvents.Oslo(2027, 10, 31, 1, 30));
    }

    [Fact]
    public async Task AnEventCannotOverlapAnotherAtTheVenue()
    {
        var first = await _h.Events.CreateAsync(_h.Events.Input("Første", TestEvents.Oslo(2026, 12, 1, 18)), _staff);

        var overlapping = await _h.WithAsync((EventService s) => s.CreateAsync(_h.Events.Input("Andre", TestEvents.Oslo(2026, 12, 1, 19)), EventActor.Staff(_staff)));

        Assert.Equal(EventSaveOutcome.VenueTaken, overlapping.Outcome);
        var conflict = Assert.Single(overlapping.Conflicts!);
        Assert.Equal(("event", first, "Første"), (conflict.Kind, conflict.Id, conflict.Title));
        // Back to back is taken too: the whole venue is held 30 minutes after for cleaning and 30 before for setup.
        Assert.Equal(EventSaveOutcome.VenueTaken,
            (await _h.WithAsync((EventService s) => s.CreateAsync(_h.Events.Input("Rett etter", TestEvents.Oslo(2026, 12, 1, 20)), EventActor.Staff(_staff)))).Outcome);
        // An hour after the end is free, and so is the same time somewhere else.
        await _h.Events.CreateAsync(_h.Events.Input("En time etter", TestEvents.Oslo(2026, 12, 1, 21)), _staff);
        await _h.Events.CreateAsync(_h.Events.Input("På biblioteket", TestEvents.Oslo(2026, 12, 1, 19), location: EventLocationKind.Elsewhere), _staff);
        // A cancelled event frees its slot.
        Assert.Equal(EventStateOutcome.Done, await _h.WithAsync((EventStatusService s) => s.CancelAsync(first, null, EventActor.Staff(_staff))));
        await _h.Events.CreateAsync(_h.Events.Input("Andre", TestEvents.Oslo(2026, 12, 1, 18)), _staff);
    }

    [Fact]
    public async Task OfTenConcurrentOverlappingEventsOnlyOneIsSaved()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(n => Task.Run(() =>
            _h.WithAsync((EventService s) => s.CreateAsync(_h.Events.Input($"Møte {n}", TestEvents.Oslo(2026, 12, 2, 18, n)), EventActor.Staff(_staff))))));

        Assert.Single(results, r => r.Outcome == EventSaveOutcome.Saved);
        Assert.Equal(9, results.Count(r => r.Outcome == EventSaveOutcome.VenueTaken));
        Assert.Equal(1, await _h.WithDbAsync(db => Task.FromResult(db.Events.Count())));
    }

    [Fact]
    public async Task TwoConcurrentMovesOntoTheSameSlotLeaveOnlyOne()
    {
        var a = await _h.Events.CreateAsync(_h.Events.Input("A", TestEvents.Oslo(2026, 12, 3, 10)), _staff);
        var b = await _h.Events.CreateAsync(_h.Events.Input("B", TestEvents.Oslo(2026, 12, 3, 14)), _staff);
        var slot = TestEvents.Oslo(2026, 12, 3, 18);

        var results = await Task.WhenAll(new[] { (a, "A"), (b, "B") }.Select(x => Task.Run(() =>
            _h.WithAsync((EventService s) => s.UpdateAsync(x.Item1, _h.Events.Input(x.Item2, slot), EventActor.Staff(_staff))))));

        Assert.Equal([EventSaveOutcome.Saved, EventSaveOutcome.VenueTaken], results.Select(r => r.Outcome).Order());
        var moved = await _h.WithDbAsync(db => Task.FromResult(db.Events.Count(e => e.StartsAt == slot)));
        Assert.Equal(1, moved);
    }

    [Fact]
    public async Task AnEventMayBeEditedInItsOwnSlot()
    {
        var id = await _h.Events.CreateAsync(_h.Events.Input(), _staff);
        var result = await _h.WithAsync((EventService s) => s.UpdateAsync(id, _h.Events.Input() with { EndsAt = _h.Events.Input().EndsAt.AddMinutes(30) }, EventActor.Staff(_staff)));
        Assert.Equal(EventSaveOutcome.Saved, result.Outcome);
    }

    [Fact]
    public async Task CapacityCannotBeLoweredBelowThePlacesTaken()
    {
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input(capacity: 10), _staff);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, companions: 2);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, companions: 1);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, companions: 2);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Cancelled, companions: 2);

        var tooFew = await _h.WithAsync((EventService s) => s.UpdateAsync(id, _h.Events.Input(capacity: 4), EventActor.Staff(_staff)));

        Assert.Equal(EventSaveOutcome.InvalidInput, tooFew.Outcome);
        Assert.Equal([new EventInputError(nameof(EventInput.Capacity), EventInputErrors.CapacityBelowTaken)], tooFew.Errors!);
        Assert.Equal(10, (await _h.Events.StoredAsync(id)).Capacity);
        Assert.Equal(EventSaveOutcome.Saved, (await _h.WithAsync((EventService s) => s.UpdateAsync(id, _h.Events.Input(capacity: 5), EventActor.Staff(_staff)))).Outcome);
    }

    [Fact]
    public async Task RaisingCapacityMovesTheWaitlistUpInOrderWhilePlacesFit()
    {
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input(capacity: 2), _staff);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, companions: 1);
        var head = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, companions: 1, createdAt: _h.Now.AddMinutes(1))).Id;
        var second = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, createdAt: _h.Now.AddMinutes(2))).Id;
        var third = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted, createdAt: _h.Now.AddMinutes(3))).Id;

        // One more place does not fit the head (two places); strictly first come, so nobody moves.
        Assert.Equal(EventSaveOutcome.Saved, (await _h.WithAsync((EventService s) => s.UpdateAsync(id, _h.Events.Input(capacity: 3), EventActor.Staff(_staff)))).Outcome);
        Assert.Empty(await _h.Events.NotificationsAsync(EventNotificationKind.Promoted));

        Assert.Equal(EventSaveOutcome.Saved, (await _h.WithAsync((EventService s) => s.UpdateAsync(id, _h.Events.Input(capacity: 5), EventActor.Staff(_staff)))).Outcome);

        var rows = (await _h.Events.RegistrationsOfAsync(id)).ToDictionary(r => r.Id);
        Assert.Equal(RegistrationStatus.Confirmed, rows[head].Status);
        Assert.Equal(RegistrationStatus.Confirmed, rows[second].Status);
        Assert.Equal(RegistrationStatus.Waitlisted, rows[third].Status);
        Assert.Equal([head, second], (await _h.Events.NotificationsAsync(EventNotificationKind.Promoted)).Select(n => n.RegistrationId));
    }

    [Fact]
    public async Task MovingAPublishedEventTellsEveryoneWithAPlaceOrInTheQueue()
    {
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input(), _staff);
        var confirmed = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed)).Id;
        var waitlisted = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted)).Id;
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Unconfirmed);
        await _h.Events.RegistrationAsync(id, RegistrationStatus.Cancelled);

        // A new description is not news for calendars or inboxes.
        await _h.WithAsync((EventService s) => s.UpdateAsync(id, _h.Events.Input() with { DescriptionMarkdown = "Ny tekst." }, EventActor.Staff(_staff)));
        Assert.Equal(0, (await _h.Events.StoredAsync(id)).Sequence);
        Assert.Empty(await _h.Events.NotificationsAsync(EventNotificationKind.EventChanged));

        var moved = _h.Events.Input(startsAt: TestEvents.Oslo(2026, 12, 1, 17)) with { DescriptionMarkdown = "Ny tekst." };
        Assert.Equal(EventSaveOutcome.Saved, (await _h.WithAsync((EventService s) => s.UpdateAsync(id, moved, EventActor.Staff(_staff)))).Outcome);

        var ev = await _h.Events.StoredAsync(id);
        Assert.Equal(1, ev.Sequence);
        Assert.Equal(moved.StartsAt, ev.StartsAt);
        Assert.Equal(_h.Now, ev.UpdatedAt);
        Assert.Equal([confirmed, waitlisted], (await _h.Events.NotificationsAsync(EventNotificationKind.EventChanged)).Select(n => n.RegistrationId));
        var audit = (await _h.AuditAsync()).Last();
        Assert.Equal(EventAuditActions.EventUpdated, audit.Action);
        Assert.Contains(nameof(EventInput.StartsAt), audit.Details);
    }

    [Fact]
    public async Task ADraftMovesWithoutTellingAnyone()
    {
        var id = await _h.Events.CreateAsync(_h.Events.Input(), _staff);
        await _h.WithAsync((EventService s) => s.UpdateAsync(id, _h.Events.Input(startsAt: TestEvents.Oslo(2026, 12, 1, 17)), EventActor.Staff(_staff)));
        Assert.Equal(0, (await _h.Events.StoredAsync(id)).Sequence);
    }

    [Fact]
    public async Task CancellingTellsEveryoneWithAPlaceOrInTheQueueAndFreesTheirRegistrations()
    {
        var id = await _h.Events.CreatePublishedAsync(_h.Events.Input(), _staff);
        var confirmed = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, companions: 1)).Id;
        var waitlisted = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Waitlisted)).Id;
        var unconfirmed = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Unconfirmed)).Id;
        var earlier = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Cancelled)).Id;
        _h.Clock.Advance(TimeSpan.FromHours(1));

        var outcome = await _h.WithAsync((EventStatusService s) => s.CancelAsync(id, "  Avlyst på grunn av sykdom.  ", EventActor.Staff(_staff)));

        Assert.Equal(EventStateOutcome.Done, outcome);
        var ev = await _h.Events.StoredAsync(id);
        Assert.Equal((EventStatus.Cancelled, "Avlyst på grunn av sykdom.", _h.Now, 1), (ev.Status, ev.CancellationMessage, ev.CancelledAt, ev.Sequence));
        var rows = (await _h.Events.RegistrationsOfAsync(id)).ToDictionary(r => r.Id);
        Assert.All(new[] { confirmed, waitlisted, unconfirmed }, r =>
            Assert.Equal((RegistrationStatus.Cancelled, CancelledBy.EventCancelled, _h.Now), (rows[r].Status, rows[r].CancelledBy, rows[r].CancelledAt)));
        Assert.Equal(CancelledBy.Participant, rows[earlier].CancelledBy);
        Assert.Equal([confirmed, waitlisted], (await _h.Events.NotificationsAsync(EventNotificationKind.EventCancelled)).Select(n => n.RegistrationId));
        Assert.Equal(EventAuditActions.EventCancelled, (await _h.AuditAsync()).Last().Action);

        Assert.Equal(EventStateOutcome.AlreadyInState, await _h.WithAsync((EventStatusService s) => s.CancelAsync(id, null, EventActor.Staff(_staff))));
        Assert.Equal(EventSaveOutcome.NotEditable, (await _h.WithAsync((EventService s) => s.UpdateAsync(id, _h.Events.Input(), EventActor.Staff(_staff)))).Outcome);
        Assert.Equal(EventStateOutcome.NotAllowed, await _h.WithAsync((EventStatusService s) => s.PublishAsync(id, EventActor.Staff(_staff))));
        Assert.Single(await _h.Events.NotificationsAsync(EventNotificationKind.EventCancelled), n => n.RegistrationId == confirmed);
    }

    [Fact]
    public async Task PublishingFollowsTheEventsLife()
    {
        var id = await _h.Events.CreateAsync(_h.Events.Input(), _staff);

        Assert.Equal(EventStateOutcome.Done, await _h.WithAsync((EventStatusService s) => s.PublishAsync(id, EventActor.Staff(_staff))));
        var ev = await _h.Events.StoredAsync(id);
        Assert.Equal((EventStatus.Published, _h.Now), (ev.Status, ev.PublishedAt));
        Assert.Equal(EventStateOutcome.AlreadyInState, await _h.WithAsync((EventStatusService s) => s.PublishAsync(id, EventActor.Staff(_staff))));
        Assert.Equal(EventStateOutcome.NotFound, await _h.WithAsync((EventStatusService s) => s.PublishAsync(999, EventActor.Staff(_staff))));
        Assert.Contains(await _h.AuditAsync(), a => a.Action == EventAuditActions.EventPublished && a.TargetId == id.ToString());

        // A draft whose time has come can no longer be published; once ended nothing can be changed.
        var late = await _h.Events.CreateAsync(_h.Events.Input("Sent", TestEvents.Oslo(2026, 11, 24, 9)), _staff);
        _h.Clock.SetUtcNow(TestEvents.Oslo(2026, 11, 24, 10));
        Assert.Equal(EventStateOutcome.NotAllowed, await _h.WithAsync((EventStatusService s) => s.PublishAsync(late, EventActor.Staff(_staff))));
        _h.Clock.SetUtcNow(TestEvents.Oslo(2026, 11, 24, 11, 1));
        Assert.Equal(EventSaveOutcome.NotEditable,
            (await _h.WithAsync((EventService s) => s.UpdateAsync(late, _h.Events.Input("Sent", TestEvents.Oslo(2026, 11, 24, 9)), EventActor.Staff(_staff)))).Outcome);
        Assert.Equal(EventStateOutcome.NotAllowed, await _h.WithAsync((EventStatusService s) => s.CancelAsync(late, null, EventActor.Staff(_staff))));
        Assert.Equal(EventSaveOutcome.NotFound, (await _h.WithAsync((EventService s) => s.UpdateAsync(999, _h.Events.Input(), EventActor.Staff(_staff)))).Outcome);
    }

    [Fact]
    public async Task AnEventThatHasStartedMayBeCorrectedButNotMovedIntoThePast()
    {
        var input = _h.Events.Input(startsAt: TestEvents.Oslo(2026, 11, 24, 9));
        var id = await _h.Events.CreatePublishedAsync(input, _staff);
        _h.Clock.SetUtcNow(TestEvents.Oslo(2026, 11, 24, 10));

        Assert.Equal(EventSaveOutcome.Saved, (await _h.WithAsync((EventService s) => s.UpdateAsync(id, input with { Summary = "Rettet." }, EventActor.Staff(_staff)))).Outcome);
        var moved = await _h.WithAsync((EventService s) => s.UpdateAsync(id, input with { StartsAt = input.StartsAt.AddMinutes(-30) }, EventActor.Staff(_staff)));
        Assert.Contains(new EventInputError(nameof(EventInput.StartsAt), EventInputErrors.InThePast), moved.Errors!);
    }

    [Fact]
    public async Task CopyIsANewDraftAWeekLaterWithoutRegistrations()
    {
        var theme = (await _h.Ideas.ThemeAsync("attraktiv-by")).Id;
        var source = await _h.Events.CreatePublishedAsync(_h.Events.Input("Verksted: Et levende sentrum") with
        {
            ThemeId = theme, Question = "Hva bruker du sentrum til?", AskNeeds = true, RegistrationOpensAt = _h.Now.AddHours(1),
        }, _staff);
        await _h.Events.RegistrationAsync(source, RegistrationStatus.Confirmed);
        var organiser = (await _h.Users.CreateAsync("Dark Arkitekter v/ Ola")).Id;

        var copyId = await _h.WithAsync((EventCopyService s) => s.CopyAsync(source, organiser));

        Assert.NotNull(copyId);
        var (original, copy) = (await _h.Events.StoredAsync(source), await _h.Events.StoredAsync(copyId!.Value));
        Assert.Equal("verksted-et-levende-sentrum-2", copy.Slug);
        Assert.Equal((EventStatus.Draft, organiser, source, (DateTime?)null), (copy.Status, copy.OwnerId, copy.CopiedFromId, copy.PublishedAt));
        Assert.Equal((original.Title, original.Summary, original.DescriptionMarkdown, original.ThemeId, original.Question, original.AskNeeds,
                original.Capacity, original.VenueId, original.MaxCompanions, original.ReminderHoursBefore),
            (copy.Title, copy.Summary, copy.DescriptionMarkdown, copy.ThemeId, copy.Question, copy.AskNeeds,
                copy.Capacity, copy.VenueId, copy.MaxCompanions, copy.ReminderHoursBefore));
        Assert.Equal(original.StartsAt.AddDays(7), copy.StartsAt);
        Assert.Equal(original.EndsAt.AddDays(7), copy.EndsAt);
        Assert.Equal(original.RegistrationOpensAt!.Value.AddDays(7), copy.RegistrationOpensAt);
        Assert.Empty(await _h.Events.RegistrationsOfAsync(copy.Id));
        Assert.Contains(await _h.AuditAsync(), a => a.Action == EventAuditActions.EventCopied && a.TargetId == copy.Id.ToString() && a.ActorId == organiser);
        Assert.Null(await _h.WithAsync((EventCopyService s) => s.CopyAsync(999, organiser)));
    }

    [Fact]
    public async Task CopyKeepsTheOsloClockTimeAcrossTheSummerTimeChangeAndSkipsTakenWeeks()
    {
        // 26 October 2027 is summer time, 2 November winter time: 18:00 stays 18:00 in Oslo.
        var source = await _h.Events.CreateAsync(_h.Events.Input("Tirsdagsmøte", TestEvents.Oslo(2027, 10, 26, 18)), _staff);
        // The next Tuesday is taken at the venue, so the copy goes to the one after.
        await _h.Events.CreateAsync(_h.Events.Input("Opptatt", TestEvents.Oslo(2027, 11, 2, 17)), _staff);

        var copy = await _h.Events.StoredAsync((await _h.WithAsync((EventCopyService s) => s.CopyAsync(source, _staff)))!.Value);

        Assert.Equal(new DateTime(2027, 11, 9, 18, 0, 0), OsloTime.ToOslo(copy.StartsAt));
        Assert.Equal(new DateTime(2027, 11, 9, 20, 0, 0), OsloTime.ToOslo(copy.EndsAt));
    }

    [Fact]
    public async Task CopyOfAnOldEventLandsInTheFuture()
    {
        var source = await _h.Events.CreatePublishedAsync(_h.Events.Input(startsAt: TestEvents.Oslo(2026, 11, 25, 18)), _staff);
        _h.Clock.SetUtcNow(TestEvents.Oslo(2027, 2, 10, 12));

        var copy = await _h.Events.StoredAsync((await _h.WithAsync((EventCopyService s) => s.CopyAsync(source, _staff)))!.Value);

        Assert.True(copy.StartsAt > _h.Now);
        Assert.True(copy.StartsAt < _h.Now.AddDays(7));
        Assert.Equal(18, OsloTime.ToOslo(copy.StartsAt).Hour);
        Assert.Equal(DayOfWeek.Wednesday, OsloTime.ToOslo(copy.StartsAt).DayOfWeek);
    }

    [Theory]
    [InlineData("Kalender", "kalender-2")]
    [InlineData("kalender.ics", "kalender-ics")]
    [InlineData("!!!", "arrangement")]
    [InlineData("Sykkelbyen Hamar – hvor er det vanskelig å sykle?", "sykkelbyen-hamar-hvor-er-det-vanskelig-a-sykle")]
    public async Task SlugsComeFromTheTitleAndAvoidTheCalendarRoutes(string title, string slug)
    {
        var id = await _h.Events.CreateAsync(_h.Events.Input(title), _staff);
        Assert.Equal(slug, (await _h.Events.StoredAsync(id)).Slug);
    }

    [Fact]
    public async Task TheSameTitleTwiceGetsANumberedSlug()
    {
        await _h.Events.CreateAsync(_h.Events.Input("Åpent møte", TestEvents.Oslo(2026, 12, 1, 18)), _staff);
        await _h.Events.CreateAsync(_h.Events.Input("Åpent møte", TestEvents.Oslo(2026, 12, 2, 18)), _staff);
        var third = await _h.Events.CreateAsync(_h.Events.Input("Åpent møte", TestEvents.Oslo(2026, 12, 3, 18)), _staff);
        Assert.Equal("apent-mote-3", (await _h.Events.StoredAsync(third)).Slug);
        var slugs = await _h.WithDbAsync(db => Task.FromResult(db.Events.Select(e => e.Slug).OrderBy(s => s).ToList()));
        Assert.Equal(["apent-mote", "apent-mote-2", "apent-mote-3"], slugs);
    }
}
