using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

/// <summary>Capacity and promotion rules that must hold when many people press the button at once.</summary>
public sealed class RegistrationConcurrencyTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task HundredConcurrentSignUpsTakeExactlyTwentyPlacesAndWaitlistTheRest()
    {
        var ev = (await _h.Events.AddAsync(capacity: 20)).Id;
        var people = await _h.Users.CreateManyAsync(100);

        var results = await Task.WhenAll(people.Select(p => Task.Run(() => _h.Events.SignUpAsync(ev, p))));

        Assert.Equal(20, results.Count(r => r.Outcome == SignUpOutcome.Confirmed));
        Assert.Equal(80, results.Count(r => r.Outcome == SignUpOutcome.Waitlisted));
        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal(100, rows.Count);
        Assert.Equal(20, await _h.Events.PlacesTakenAsync(ev));
        Assert.Equal(80, rows.Count(r => r.Status == RegistrationStatus.Waitlisted));
        // Every waitlisted person has a distinct position 1..80.
        var positions = results.Where(r => r.Outcome == SignUpOutcome.Waitlisted).Select(r => r.WaitlistPosition!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 80), positions);
        // Everyone got exactly one e-mail saying what they got.
        Assert.Equal(20, (await _h.Events.NotificationsAsync(EventNotificationKind.Confirmed)).Count);
        Assert.Equal(80, (await _h.Events.NotificationsAsync(EventNotificationKind.Waitlisted)).Count);
    }

    [Fact]
    public async Task CompanionsCountAgainstCapacityUnderConcurrency()
    {
        var ev = (await _h.Events.AddAsync(capacity: 20, maxCompanions: 2)).Id;
        var people = await _h.Users.CreateManyAsync(100);

        var results = await Task.WhenAll(people.Select((p, i) => Task.Run(() => _h.Events.SignUpAsync(ev, p, companions: i % 3))));

        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { SignUpOutcome.Confirmed, SignUpOutcome.Waitlisted }));
        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal(100, rows.Count);
        var taken = await _h.Events.PlacesTakenAsync(ev);
        Assert.InRange(taken, 18, 20);
        // First come, first served: nobody got a place after the first person was waitlisted.
        var firstWaitlisted = rows.Where(r => r.Status == RegistrationStatus.Waitlisted).Min(r => r.WaitlistedAt);
        Assert.All(rows.Where(r => r.Status == RegistrationStatus.Confirmed), r => Assert.True(r.ConfirmedAt <= firstWaitlisted));
    }

    [Fact]
    public async Task TwoRacingCancellationsPromoteExactlyTwoInQueueOrder()
    {
        var ev = (await _h.Events.AddAsync(capacity: 2)).Id;
        var people = await _h.Users.CreateManyAsync(5);
        var signedUp = new List<SignUpResult>();
        foreach (var p in people)
        {
            signedUp.Add(await _h.Events.SignUpAsync(ev, p));
            _h.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal([SignUpOutcome.Confirmed, SignUpOutcome.Confirmed, SignUpOutcome.Waitlisted, SignUpOutcome.Waitlisted, SignUpOutcome.Waitlisted],
            signedUp.Select(s => s.Outcome));

        var cancels = (await Task.WhenAll(signedUp.Take(2).Select(s => Task.Run(() => _h.WithAsync((CancellationService r) => r.CancelAsync(s.ManageToken!))))))
            .Select(r => r.Outcome);

        Assert.All(cancels, c => Assert.Equal(CancelOutcome.Cancelled, c));
        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal(RegistrationStatus.Confirmed, rows[2].Status);
        Assert.Equal(RegistrationStatus.Confirmed, rows[3].Status);
        Assert.Equal(RegistrationStatus.Waitlisted, rows[4].Status);
        Assert.Equal(2, await _h.Events.PlacesTakenAsync(ev));
        var promoted = await _h.Events.NotificationsAsync(EventNotificationKind.Promoted);
        Assert.Equal([rows[2].Id, rows[3].Id], promoted.Select(n => n.RegistrationId).Order());
    }

    [Fact]
    public async Task TheSameLinkPressedTwiceAtOnceFreesOnePlaceOnce()
    {
        var ev = (await _h.Events.AddAsync(capacity: 1)).Id;
        var people = await _h.Users.CreateManyAsync(3);
        var first = await _h.Events.SignUpAsync(ev, people[0]);
        await _h.Events.SignUpAsync(ev, people[1]);
        await _h.Events.SignUpAsync(ev, people[2]);

        var cancels = (await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _h.WithAsync((CancellationService r) => r.CancelAsync(first.ManageToken!))))))
            .Select(r => r.Outcome).ToList();

        Assert.Equal(1, cancels.Count(c => c == CancelOutcome.Cancelled));
        Assert.Equal(9, cancels.Count(c => c == CancelOutcome.AlreadyCancelled));
        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], rows.Select(r => r.Status));
        Assert.Single(await _h.Events.NotificationsAsync(EventNotificationKind.Promoted));
    }

    [Fact]
    public async Task TheSameGuestSigningUpManyTimesAtOnceGetsOneRegistration()
    {
        var ev = (await _h.Events.AddAsync(capacity: 20)).Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            _h.WithAsync((SignUpService r) => r.SignUpAsync(ev, null, TestEvents.SignUpInput("Åse Ørnebakk", i % 2 == 0 ? "ase@eksempel.no" : " ASE@Eksempel.no "))))));

        Assert.All(results, r => Assert.Equal(SignUpOutcome.CheckEmail, r.Outcome));
        Assert.Single(await _h.Events.RegistrationsOfAsync(ev));
    }

    [Fact]
    public async Task TwoStaffScanningTheSameCodeCheckInOnce()
    {
        // An hour before the start: the check-in window is open.
        var ev = (await _h.Events.AddAsync(startsAt: CoreHarness.Start.AddHours(1))).Id;
        var person = (await _h.Users.CreateManyAsync(1))[0];
        var staff = (await _h.Users.CreateManyAsync(1, "staff"))[0];
        await _h.Events.SignUpAsync(ev, person);
        var code = (await _h.Events.RegistrationsOfAsync(ev)).Single().CheckInCode;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _h.WithAsync((CheckInService r) => r.CheckInAsync(ev, code, staff.Id)))));

        Assert.Equal(1, results.Count(r => r.Outcome == CheckInOutcome.CheckedIn));
        Assert.Equal(9, results.Count(r => r.Outcome == CheckInOutcome.AlreadyCheckedIn));
    }
}
