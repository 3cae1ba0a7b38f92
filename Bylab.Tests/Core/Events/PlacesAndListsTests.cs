using Microsoft.Extensions.Options;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// The counts, queues and lists built on the registrations, the door's edge cases, and the guard that keeps made-up
/// links and codes away from the database. (Written from the survivors of a mutation run: each test failed on the
/// mutants it was written for.)
/// </summary>
public sealed class PlacesAndListsTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task CancelledByAsync(int registrationId, CancelledBy by) => _h.WithDbAsync(async db =>
    {
        var r = await db.Registrations.SingleAsync(x => x.Id == registrationId);
        r.Cancel(by, _h.Now);
        await db.SaveChangesAsync();
    });

    private Task<IReadOnlyList<Registration>> PromoteAsync(int eventId) => _h.InScopeAsync(async sp =>
    {
        var ev = await sp.GetRequiredService<BylabDbContext>().Events.SingleAsync(e => e.Id == eventId);
        return await sp.GetRequiredService<EventPlaces>().PromoteAsync(ev, _h.Now);
    });

    [Fact]
    public async Task TheEventListsCountPlacesAndQueuesOfTheEventsAskedForOnly()
    {
        var ev = (await _h.Events.AddAsync(capacity: 2, maxCompanions: 1)).Id;
        var queueOnly = (await _h.Events.AddAsync(title: "Bare venteliste")).Id;
        var other = (await _h.Events.AddAsync(title: "Et annet møte")).Id;
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, companions: 1);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted, companions: 1);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Unconfirmed);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Cancelled);
        // A queue while nobody holds a place (the organiser cut the places to none left): it counts as no places taken.
        await _h.Events.RegistrationAsync(queueOnly, RegistrationStatus.Waitlisted);
        await _h.Events.RegistrationAsync(other, RegistrationStatus.Confirmed);

        var counts = await _h.WithAsync((EventPlaces p) => p.ByEventAsync([ev, queueOnly]));

        Assert.Equal([ev, queueOnly], counts.Keys.Order());
        Assert.Equal((2, 2), counts[ev]);
        Assert.Equal((0, 1), counts[queueOnly]);
    }

    [Fact]
    public async Task CancelledSignUpsCountThoseWhoLeftNotThoseTheSystemDropped()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var other = (await _h.Events.AddAsync(title: "Et annet møte")).Id;
        foreach (var by in new[] { CancelledBy.Participant, CancelledBy.Organiser, CancelledBy.EventCancelled, CancelledBy.Expired })
        {
            await CancelledByAsync((await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id, by);
        }
        await CancelledByAsync((await _h.Events.RegistrationAsync(other, RegistrationStatus.Confirmed)).Id, CancelledBy.Participant);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, companions: 2, checkedIn: true);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted);

        var count = await _h.WithAsync((EventPlaces p) => p.CountPeopleAsync(ev));

        Assert.Equal(new PeopleCount(Registered: 3, Attended: 3, Waitlisted: 1, CancelledSignUps: 2), count);
    }

    [Fact]
    public void TheQueueIsOrderedByTimeThenBySignUp()
    {
        var at = CoreHarness.Start;
        Registration Waiting(int id, DateTime when) => new() { Id = id, Status = RegistrationStatus.Waitlisted, WaitlistedAt = when };
        var queue = EventPlaces.InQueueOrder([Waiting(3, at), Waiting(1, at), Waiting(4, at.AddSeconds(-1)), Waiting(2, at)]);
        Assert.Equal([4, 1, 2, 3], queue.Select(r => r.Id));
    }

    [Fact]
    public async Task NobodyMovesUpOnceTheEventStartsOrWhenItIsNotPublished()
    {
        var ev = (await _h.Events.AddAsync(capacity: 1, startsAt: CoreHarness.Start.AddHours(1))).Id;
        var called = (await _h.Events.AddAsync(capacity: 1, status: EventStatus.Cancelled)).Id;
        var open = (await _h.Events.AddAsync(capacity: 2)).Id;
        var waiting = await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted);
        var waitingForCalled = await _h.Events.RegistrationAsync(called, RegistrationStatus.Waitlisted);
        var promotable = new[]
        {
            await _h.Events.RegistrationAsync(open, RegistrationStatus.Waitlisted, waitlistedAt: _h.Now),
            await _h.Events.RegistrationAsync(open, RegistrationStatus.Waitlisted, waitlistedAt: _h.Now.AddSeconds(1)),
        };

        Assert.Empty(await PromoteAsync(called));
        Assert.Equal(promotable.Select(r => r.Id), (await PromoteAsync(open)).Select(r => r.Id));

        _h.Clock.Advance(TimeSpan.FromHours(1)); // the start, to the tick
        Assert.Empty(await PromoteAsync(ev));

        Assert.Equal(RegistrationStatus.Waitlisted, (await _h.Events.RegistrationsOfAsync(ev)).Single(r => r.Id == waiting.Id).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, (await _h.Events.RegistrationsOfAsync(called)).Single(r => r.Id == waitingForCalled.Id).Status);
        Assert.All(await _h.Events.RegistrationsOfAsync(open), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task MySignUpsListUpcomingSoonestFirstThenPastMostRecentFirst()
    {
        var person = (await _h.Users.CreateManyAsync(1))[0];
        var now = CoreHarness.Start;
        var longAgo = (await _h.Events.AddAsync(title: "Lenge siden", startsAt: now.AddDays(-30))).Id;
        var later = (await _h.Events.AddAsync(title: "Senere", startsAt: now.AddDays(20))).Id;
        var lastWeek = (await _h.Events.AddAsync(title: "Forrige uke", startsAt: now.AddDays(-7))).Id;
        var endingNow = (await _h.Events.AddAsync(title: "Slutter nå", startsAt: now.AddHours(-2), length: TimeSpan.FromHours(2))).Id;
        var sooner = (await _h.Events.AddAsync(title: "Snart", startsAt: now.AddDays(2))).Id;
        var endingNowShort = (await _h.Events.AddAsync(title: "Kort, slutter nå", startsAt: now.AddHours(-1), length: TimeSpan.FromHours(1))).Id;
        foreach (var ev in new[] { longAgo, later, lastWeek, endingNow, sooner, endingNowShort })
        {
            await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, userId: person.Id);
        }

        var mine = await _h.WithAsync((RegistrationQueries q) => q.ForUserAsync(person.Id));

        // An event is upcoming until it has ended.
        Assert.Equal([endingNow, endingNowShort, sooner, later, lastWeek, longAgo], mine.Select(m => m.EventId));
    }

    [Fact]
    public async Task TheParticipantPageOfAnOnlineEventGivesTheLinkAndNoPlace()
    {
        var ev = (await _h.Events.AddAsync(location: EventLocationKind.Online)).Id;
        var r = await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed);
        var view = await _h.WithAsync((RegistrationQueries q) => q.FindByTokenAsync(r.ManageToken));
        Assert.Equal(("", "https://example.org/mote"), (view!.LocationText, view.OnlineUrl));
    }

    [Fact]
    public async Task TheDoorFindsNothingForAnUnknownSignUpOrOneOfAnotherEvent()
    {
        // Both start within the check-in window.
        var ev = (await _h.Events.AddAsync(startsAt: _h.Now.AddHours(1))).Id;
        var other = (await _h.Events.AddAsync(title: "Et annet møte", startsAt: _h.Now.AddHours(1))).Id;
        var staff = (await _h.Users.CreateAsync("staff")).Id;
        var r = await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, name: "Kari");
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, name: "Ola");
        Assert.Equal(CheckInOutcome.NotFound, (await _h.WithAsync((CheckInService c) => c.CheckInByIdAsync(ev, r.Id + 1000, staff))).Outcome);
        Assert.Equal(CheckInOutcome.CheckedIn, (await _h.WithAsync((CheckInService c) => c.CheckInByIdAsync(ev, r.Id, staff))).Outcome);

        // Undo from another event's list does not touch this one's check-in.
        Assert.Equal(CheckInOutcome.NotFound, (await _h.WithAsync((CheckInService c) => c.UndoCheckInAsync(other, r.Id, staff))).Outcome);
        Assert.NotNull((await _h.Events.RegistrationsOfAsync(ev)).Single(x => x.Id == r.Id).CheckedInAt);
        var undone = await _h.WithAsync((CheckInService c) => c.UndoCheckInAsync(ev, r.Id, staff));
        Assert.Equal((r.Id, "Kari", null), (undone.RegistrationId, undone.Name, undone.CheckedInAt));
    }

    [Fact]
    public async Task TheAuditLogSaysWhichSignUpTheOrganiserRemoved()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var r = await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed);
        Assert.Equal(CancelOutcome.Cancelled, await _h.WithAsync((CancellationService c) => c.RemoveAsync(ev, r.Id, new Actor("staff", "Sindre"))));
        var entry = await _h.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == EventAuditActions.RegistrationRemoved));
        Assert.Equal(("event", ev.ToString(), $"registration {r.Id}"), (entry.TargetType, entry.TargetId, entry.Details));
    }

    [Fact]
    public async Task LinksAndCodesThatCannotBeRealAreNeverLookedUp()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var hook = new CommandHook(_ => true, _ => Task.CompletedTask);
        await using var db = hook.NewContext(_h.ConnectionString);
        var mail = new EventNotificationQueue(db);
        var places = new EventPlaces(db, mail);

        Assert.Equal(CancelOutcome.NotFound, (await new CancellationService(db, _h.Clock, new AuditLog(db, _h.Clock), places, mail).CancelAsync("gjettet")).Outcome);
        Assert.Equal(ConfirmEmailOutcome.NotFound, (await new SignUpService(db, _h.Clock, places, mail).ConfirmEmailAsync("gjettet")).Outcome);
        Assert.Null(await new RegistrationQueries(db, _h.Clock, places).FindByTokenAsync("gjettet"));
        var door = new CheckInService(db, _h.Clock, _h.Services.GetRequiredService<IOptions<EventOptions>>());
        Assert.Equal(CheckInOutcome.NotFound, (await door.CheckInAsync(ev, "0'; drop", "staff")).Outcome);
        Assert.Null(await door.FindByCodeAsync("0'; drop"));
        Assert.Equal(0, hook.Matched);

        // The hook does see this context's queries.
        Assert.Null(await new RegistrationQueries(db, _h.Clock, places).FindByTokenAsync(Registration.NewManageToken()));
        Assert.True(hook.Fired);
    }
}
