using Bylab.Core.Auditing;
using Bylab.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

public sealed class RegistrationTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<SignUpResult> GuestAsync(int ev, string email = "kari@eksempel.no", int companions = 0) =>
        _h.WithAsync((SignUpService r) => r.SignUpAsync(ev, null, TestEvents.SignUpInput("Kari Nordmann", email, companions)));

    private async Task<string> TokenOfAsync(int registrationId) =>
        (await _h.WithDbAsync(db => db.Registrations.FindAsync(registrationId).AsTask()))!.ManageToken;

    [Fact]
    public async Task GuestHoldsNoPlaceUntilTheyConfirmTheirEmail()
    {
        var ev = (await _h.Events.AddAsync(capacity: 1)).Id;
        var guest = await GuestAsync(ev);
        Assert.Equal(SignUpOutcome.CheckEmail, guest.Outcome);
        Assert.Null(guest.ManageToken); // the page must not show the link: only the mailbox's owner gets it
        Assert.Equal(0, await _h.Events.PlacesTakenAsync(ev));
        Assert.Single(await _h.Events.NotificationsAsync(EventNotificationKind.ConfirmEmail));

        var token = await TokenOfAsync(guest.RegistrationId!.Value);
        Assert.Equal(ConfirmEmailOutcome.Confirmed, (await _h.WithAsync((SignUpService r) => r.ConfirmEmailAsync(token))).Outcome);
        Assert.Equal(ConfirmEmailOutcome.AlreadyConfirmed, (await _h.WithAsync((SignUpService r) => r.ConfirmEmailAsync(token))).Outcome);
        Assert.Equal(1, await _h.Events.PlacesTakenAsync(ev));
        Assert.Single(await _h.Events.NotificationsAsync(EventNotificationKind.Confirmed));

        // The next guest to confirm finds it full and goes on the waitlist.
        var second = await GuestAsync(ev, "ola@eksempel.no");
        var secondToken = await TokenOfAsync(second.RegistrationId!.Value);
        Assert.Equal(ConfirmEmailOutcome.Waitlisted, (await _h.WithAsync((SignUpService r) => r.ConfirmEmailAsync(secondToken))).Outcome);
    }

    [Fact]
    public async Task TheSamePersonCannotHoldTwoRegistrations()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var person = (await _h.Users.CreateManyAsync(1))[0];
        var first = await _h.Events.SignUpAsync(ev, person);
        Assert.Equal(SignUpOutcome.Confirmed, first.Outcome);

        var again = await _h.Events.SignUpAsync(ev, person);
        Assert.Equal(SignUpOutcome.AlreadyRegistered, again.Outcome);
        Assert.Equal(first.ManageToken, again.ManageToken);

        // As a guest with the account's address in other letters: no second registration, the owner gets their link again.
        var asGuest = await GuestAsync(ev, person.Email!.ToUpperInvariant());
        Assert.Equal(SignUpOutcome.CheckEmail, asGuest.Outcome);
        Assert.Single(await _h.Events.RegistrationsOfAsync(ev));
        Assert.Equal(2, (await _h.Events.NotificationsAsync(EventNotificationKind.Confirmed)).Count);
    }

    [Fact]
    public async Task SomeoneWhoCancelledCanSignUpAgain()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var person = (await _h.Users.CreateManyAsync(1))[0];
        var first = await _h.Events.SignUpAsync(ev, person);
        Assert.Equal(CancelOutcome.Cancelled, (await _h.WithAsync((CancellationService r) => r.CancelAsync(first.ManageToken!))).Outcome);

        var again = await _h.Events.SignUpAsync(ev, person);
        Assert.Equal(SignUpOutcome.Confirmed, again.Outcome);
        Assert.NotEqual(first.ManageToken, again.ManageToken);
    }

    [Fact]
    public async Task SignUpsOutsideTheWindowAreRefused()
    {
        var closed = (await _h.Events.AddAsync(registrationClosesAt: CoreHarness.Start.AddHours(1))).Id;
        var draft = (await _h.Events.AddAsync(status: EventStatus.Draft)).Id;
        var cancelled = (await _h.Events.AddAsync(status: EventStatus.Cancelled)).Id;
        var person = (await _h.Users.CreateManyAsync(1))[0];

        Assert.Equal(SignUpOutcome.NotFound, (await _h.Events.SignUpAsync(draft, person)).Outcome);
        Assert.Equal(SignUpOutcome.NotFound, (await _h.Events.SignUpAsync(4242, person)).Outcome);
        var whenCancelled = await _h.Events.SignUpAsync(cancelled, person);
        Assert.Equal((SignUpOutcome.NotOpen, RegistrationWindow.NotAvailable), (whenCancelled.Outcome, whenCancelled.Window));

        Assert.Equal(SignUpOutcome.CheckEmail, (await GuestAsync(closed)).Outcome);
        _h.Clock.Advance(TimeSpan.FromHours(1));
        var late = await _h.Events.SignUpAsync(closed, person);
        Assert.Equal((SignUpOutcome.NotOpen, RegistrationWindow.Closed), (late.Outcome, late.Window));
        Assert.DoesNotContain(await _h.Events.RegistrationsOfAsync(closed), r => r.UserId == person.Id);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public async Task CompanionCountsOutsideTheLimitAreRefused(int companions)
    {
        var ev = (await _h.Events.AddAsync(maxCompanions: 2)).Id;
        var result = await GuestAsync(ev, companions: companions);
        Assert.Equal(SignUpOutcome.InvalidInput, result.Outcome);
        Assert.Contains(nameof(SignUpInput.Companions), result.InvalidFields!);
        Assert.Empty(await _h.Events.RegistrationsOfAsync(ev));
    }

    [Fact]
    public async Task AGroupLargerThanTheEventIsRefusedRatherThanQueuedForever()
    {
        var ev = (await _h.Events.AddAsync(capacity: 2, maxCompanions: 5)).Id;
        var result = await GuestAsync(ev, companions: 2);
        Assert.Equal(SignUpOutcome.InvalidInput, result.Outcome);
    }

    [Fact]
    public async Task ConsentNameAndEmailAreRequired()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var result = await _h.WithAsync((SignUpService r) => r.SignUpAsync(ev, null, TestEvents.SignUpInput(" ", "ikke-en-adresse", consent: false)));
        Assert.Equal(SignUpOutcome.InvalidInput, result.Outcome);
        Assert.Equal([nameof(SignUpInput.Name), nameof(SignUpInput.Email), nameof(SignUpInput.Consent)], result.InvalidFields);
    }

    [Theory]
    [InlineData("kari@hamar")]
    [InlineData("kari@hamar.")]
    public async Task TheServiceRefusesTheAddressesTheFormRefuses(string email)
    {
        // The web form and the service check e-mail with the same rule (SignUpRules): a caller that skips the form gets no further.
        var ev = (await _h.Events.AddAsync()).Id;
        var result = await GuestAsync(ev, email);
        Assert.Equal(SignUpOutcome.InvalidInput, result.Outcome);
        Assert.Equal([nameof(SignUpInput.Email)], result.InvalidFields);
        Assert.Empty(await _h.Events.RegistrationsOfAsync(ev));
    }

    [Fact]
    public async Task TheWaitlistIsFirstComeFirstServedAndABigGroupIsNotSkipped()
    {
        var ev = (await _h.Events.AddAsync(capacity: 3, maxCompanions: 2)).Id;
        var people = await _h.Users.CreateManyAsync(4);
        var a = await _h.Events.SignUpAsync(ev, people[0]);            // 1 place
        var b = await _h.Events.SignUpAsync(ev, people[1], companions: 1); // 2 places: full
        var c = await _h.Events.SignUpAsync(ev, people[2], companions: 1); // waits, needs 2
        var d = await _h.Events.SignUpAsync(ev, people[3]);            // waits behind c, needs 1
        Assert.Equal([SignUpOutcome.Confirmed, SignUpOutcome.Confirmed, SignUpOutcome.Waitlisted, SignUpOutcome.Waitlisted],
            new[] { a, b, c, d }.Select(x => x.Outcome));
        Assert.Equal(2, d.WaitlistPosition);

        // One place frees: c needs two, so nobody moves (d does not jump the queue).
        await _h.WithAsync((CancellationService r) => r.CancelAsync(a.ManageToken!));
        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal(RegistrationStatus.Waitlisted, rows[2].Status);
        Assert.Equal(RegistrationStatus.Waitlisted, rows[3].Status);

        // Two more free: c and then d fit.
        await _h.WithAsync((CancellationService r) => r.CancelAsync(b.ManageToken!));
        rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal(RegistrationStatus.Confirmed, rows[2].Status);
        Assert.Equal(RegistrationStatus.Confirmed, rows[3].Status);
        Assert.Equal(3, await _h.Events.PlacesTakenAsync(ev));
    }

    [Fact]
    public async Task CancelLinksThatAreGuessedReusedOrLateChangeNothing()
    {
        var ev = (await _h.Events.AddAsync(startsAt: CoreHarness.Start.AddHours(2))).Id;
        var person = (await _h.Users.CreateManyAsync(1))[0];
        var signUp = await _h.Events.SignUpAsync(ev, person);

        Assert.Equal(CancelOutcome.NotFound, (await _h.WithAsync((CancellationService r) => r.CancelAsync("guess"))).Outcome);
        Assert.Equal(CancelOutcome.NotFound, (await _h.WithAsync((CancellationService r) => r.CancelAsync(Registration.NewManageToken()))).Outcome);
        Assert.Null(await _h.WithAsync((RegistrationQueries r) => r.FindByTokenAsync(Registration.NewManageToken())));

        _h.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(CancelOutcome.EventStarted, (await _h.WithAsync((CancellationService r) => r.CancelAsync(signUp.ManageToken!))).Outcome);
        Assert.Equal(RegistrationStatus.Confirmed, (await _h.Events.RegistrationsOfAsync(ev)).Single().Status);
    }

    [Fact]
    public async Task AReusedCancelLinkSaysItIsAlreadyCancelled()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var signUp = await _h.Events.SignUpAsync(ev, (await _h.Users.CreateManyAsync(1))[0]);
        Assert.Equal(CancelOutcome.Cancelled, (await _h.WithAsync((CancellationService r) => r.CancelAsync(signUp.ManageToken!))).Outcome);
        Assert.Equal(CancelOutcome.AlreadyCancelled, (await _h.WithAsync((CancellationService r) => r.CancelAsync(signUp.ManageToken!))).Outcome);
        var view = await _h.WithAsync((RegistrationQueries r) => r.FindByTokenAsync(signUp.ManageToken!));
        Assert.Equal(RegistrationStatus.Cancelled, view!.Status);
        Assert.False(view.CanCancel);
        Assert.Single(await _h.Events.NotificationsAsync(EventNotificationKind.Cancelled));
    }

    [Fact]
    public async Task TheOnlineLinkIsShownOnlyToThoseWithAPlace()
    {
        var ev = (await _h.Events.AddAsync(capacity: 1)).Id;
        var people = await _h.Users.CreateManyAsync(2);
        var inside = await _h.Events.SignUpAsync(ev, people[0]);
        var waiting = await _h.Events.SignUpAsync(ev, people[1]);

        Assert.Equal("https://example.org/mote", (await _h.WithAsync((RegistrationQueries r) => r.FindByTokenAsync(inside.ManageToken!)))!.OnlineUrl);
        var waitingView = await _h.WithAsync((RegistrationQueries r) => r.FindByTokenAsync(waiting.ManageToken!));
        Assert.Null(waitingView!.OnlineUrl);
        Assert.Equal(1, waitingView.WaitlistPosition);
    }

    [Fact]
    public async Task StaffCheckInByTypedCodeAndUndo()
    {
        // An hour before the start: the check-in window is open.
        var ev = (await _h.Events.AddAsync(capacity: 1, startsAt: CoreHarness.Start.AddHours(1))).Id;
        var other = (await _h.Events.AddAsync()).Id;
        var people = new[] { await _h.Users.CreateAsync("Person"), await _h.Users.CreateAsync("Person") };
        var staff = (await _h.Users.CreateManyAsync(1, "staff"))[0];
        await _h.Events.SignUpAsync(ev, people[0]);
        await _h.Events.SignUpAsync(ev, people[1]);
        var rows = await _h.Events.RegistrationsOfAsync(ev);
        var code = rows[0].CheckInCode;

        // Read out at the door: lower case, with a space and a dash.
        var typed = $"{code[..4].ToLowerInvariant()} -{code[4..]}";
        var checkedIn = await _h.WithAsync((CheckInService r) => r.CheckInAsync(ev, typed, staff.Id));
        Assert.Equal(CheckInOutcome.CheckedIn, checkedIn.Outcome);
        Assert.Equal("Person", checkedIn.Name);
        Assert.Equal(CheckInOutcome.AlreadyCheckedIn, (await _h.WithAsync((CheckInService r) => r.CheckInAsync(ev, code, staff.Id))).Outcome);
        Assert.Equal(CheckInOutcome.WrongEvent, (await _h.WithAsync((CheckInService r) => r.CheckInAsync(other, code, staff.Id))).Outcome);
        Assert.Equal(CheckInOutcome.NotConfirmed, (await _h.WithAsync((CheckInService r) => r.CheckInAsync(ev, rows[1].CheckInCode, staff.Id))).Outcome);
        Assert.Equal(CheckInOutcome.NotFound, (await _h.WithAsync((CheckInService r) => r.CheckInAsync(ev, "ZZZZZZZZ", staff.Id))).Outcome);
        Assert.Equal(CheckInOutcome.NotFound, (await _h.WithAsync((CheckInService r) => r.CheckInAsync(ev, "0'; drop", staff.Id))).Outcome);

        // From a scanned QR code no event is given.
        var candidate = await _h.WithAsync((CheckInService r) => r.FindByCodeAsync(code));
        Assert.Equal(ev, candidate!.EventId);
        Assert.NotNull(candidate.CheckedInAt);

        await _h.WithAsync((CheckInService r) => r.UndoCheckInAsync(ev, rows[0].Id, staff.Id));
        Assert.Null((await _h.Events.RegistrationsOfAsync(ev))[0].CheckedInAt);
        Assert.Equal(CheckInOutcome.CheckedIn, (await _h.WithAsync((CheckInService r) => r.CheckInAsync(null, code, staff.Id))).Outcome);
    }

    [Fact]
    public async Task OrganiserRemovingSomeonePromotesTheNextAndIsAudited()
    {
        var ev = (await _h.Events.AddAsync(capacity: 1)).Id;
        var people = await _h.Users.CreateManyAsync(2);
        await _h.Events.SignUpAsync(ev, people[0]);
        await _h.Events.SignUpAsync(ev, people[1]);
        var rows = await _h.Events.RegistrationsOfAsync(ev);

        var outcome = await _h.WithAsync((CancellationService r) => r.RemoveAsync(ev, rows[0].Id, new Actor("staff", "Sindre")));

        Assert.Equal(CancelOutcome.Cancelled, outcome);
        rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal(CancelledBy.Organiser, rows[0].CancelledBy);
        Assert.Equal(RegistrationStatus.Confirmed, rows[1].Status);
        Assert.Single(await _h.Events.NotificationsAsync(EventNotificationKind.Promoted));
        // The person taken off the list is told.
        Assert.Equal(rows[0].Id, Assert.Single(await _h.Events.NotificationsAsync(EventNotificationKind.Cancelled)).RegistrationId);
        Assert.Equal(1, await _h.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.Action == EventAuditActions.RegistrationRemoved))));
    }

    [Fact]
    public async Task MyRegistrationsListsUpcomingFirst()
    {
        var later = (await _h.Events.AddAsync(startsAt: CoreHarness.Start.AddDays(20))).Id;
        var sooner = (await _h.Events.AddAsync(startsAt: CoreHarness.Start.AddDays(2))).Id;
        var person = (await _h.Users.CreateManyAsync(1))[0];
        await _h.Events.SignUpAsync(later, person);
        await _h.Events.SignUpAsync(sooner, person);

        var mine = await _h.WithAsync((RegistrationQueries r) => r.ForUserAsync(person.Id));
        Assert.Equal([sooner, later], mine.Select(m => m.EventId));
    }

    [Fact]
    public async Task DeletingAnAccountFreesItsPlacesAndErasesItsSignUps()
    {
        var ev = (await _h.Events.AddAsync(capacity: 1)).Id;
        var people = await _h.Users.CreateManyAsync(2);
        await _h.Events.SignUpAsync(ev, people[0]);
        await _h.Events.SignUpAsync(ev, people[1]);

        var export = await _h.WithDbAsync(async _ =>
        {
            await using var scope = _h.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<Bylab.Core.Accounts.AccountService>();
            var data = await accounts.ExportAsync(people[0].Id);
            Assert.True(await accounts.DeleteAsync(people[0].Id));
            return data;
        });

        var registration = Assert.Single(export!.EventRegistrations);
        Assert.Equal(people[0].Email, registration.Email);
        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal(RegistrationStatus.Cancelled, rows[0].Status);
        Assert.Null(rows[0].UserId);
        Assert.Equal(("", ""), (rows[0].Name, rows[0].Email));
        Assert.Equal(RegistrationStatus.Confirmed, rows[1].Status);
    }
}
