using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// The details of a sign-up that the journeys in <see cref="RegistrationTests"/> pass over: what is kept of the form,
/// the language of the e-mails, when a confirmation link still works, the unique index as the last guard, and the
/// shape of links and codes. (Written from the survivors of a mutation run: each test failed on the mutant it names.)
/// </summary>
public sealed class SignUpDetailsTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<SignUpResult> GuestAsync(int ev, string email, string? needs = null, string? answer = null, string culture = "nb") =>
        _h.WithAsync((SignUpService s) => s.SignUpAsync(ev, null, TestEvents.SignUpInput("Kari Nordmann", email, needs: needs, answer: answer, culture: culture)));

    private Task<Registration> StoredAsync(int registrationId) =>
        _h.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == registrationId));

    private async Task<ConfirmEmailOutcome> ConfirmAsync(int registrationId)
    {
        var token = (await StoredAsync(registrationId)).ManageToken;
        return (await _h.WithAsync((SignUpService s) => s.ConfirmEmailAsync(token))).Outcome;
    }

    [Fact]
    public async Task NeedsAndTheAnswerAreKeptTrimmedAndOnlyWhenTheEventAsksForThem()
    {
        var asks = (await _h.Events.AddAsync(askNeeds: true, question: "Hva vil du snakke om?")).Id;
        var asksNothing = (await _h.Events.AddAsync(title: "Uten spørsmål")).Id;

        var typed = await StoredAsync((await GuestAsync(asks, "kari@eksempel.no", "  Rullestol  ", "  Parkering ved torget  ")).RegistrationId!.Value);
        Assert.Equal(("Rullestol", "Parkering ved torget"), (typed.Needs, typed.Answer));

        var blank = await StoredAsync((await GuestAsync(asks, "ola@eksempel.no", "   ", "\n\t ")).RegistrationId!.Value);
        Assert.Equal((null, null), (blank.Needs, blank.Answer));

        // Fields the event does not ask for are not stored, whatever a form posted.
        var notAsked = await StoredAsync((await GuestAsync(asksNothing, "kari@eksempel.no", "Rullestol", "Parkering")).RegistrationId!.Value);
        Assert.Equal((null, null), (notAsked.Needs, notAsked.Answer));
    }

    [Fact]
    public async Task TooLongNeedsAndAnswersAreRefusedOnlyWhenTheEventAsksForThem()
    {
        var asks = (await _h.Events.AddAsync(askNeeds: true, question: "Hva vil du snakke om?")).Id;
        var asksNothing = (await _h.Events.AddAsync(title: "Uten spørsmål")).Id;
        var needs = new string('n', Registration.NeedsMaxLength + 1);
        var answer = new string('a', Registration.AnswerMaxLength + 1);

        var refused = await GuestAsync(asks, "kari@eksempel.no", needs, answer);
        Assert.Equal(SignUpOutcome.InvalidInput, refused.Outcome);
        Assert.Equal([nameof(SignUpInput.Needs), nameof(SignUpInput.Answer)], refused.InvalidFields);
        Assert.Empty(await _h.Events.RegistrationsOfAsync(asks));

        // Not asked: nothing to refuse, and nothing is kept.
        var ignored = await GuestAsync(asksNothing, "kari@eksempel.no", needs, answer);
        Assert.Equal(SignUpOutcome.CheckEmail, ignored.Outcome);
        Assert.Null((await StoredAsync(ignored.RegistrationId!.Value)).Needs);
    }

    [Fact]
    public async Task AnEmptyAddressIsRefused()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var result = await GuestAsync(ev, "");
        Assert.Equal(SignUpOutcome.InvalidInput, result.Outcome);
        Assert.Equal([nameof(SignUpInput.Email)], result.InvalidFields);
        Assert.Empty(await _h.Events.RegistrationsOfAsync(ev));
    }

    [Theory]
    [InlineData("nb", "nb")]
    [InlineData("nn", "nn")]
    [InlineData("en", "en")]
    [InlineData("de", "nb")]
    [InlineData("", "nb")]
    public async Task TheEmailsAreWrittenInBokmalNynorskOrEnglishAndBokmalOtherwise(string culture, string kept)
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var result = await GuestAsync(ev, "kari@eksempel.no", culture: culture);
        Assert.Equal(kept, (await StoredAsync(result.RegistrationId!.Value)).Culture);
    }

    [Fact]
    public async Task TheTimeTheAddressWasConfirmedIsRecorded()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var person = (await _h.Users.CreateManyAsync(1))[0];
        var account = await _h.Events.SignUpAsync(ev, person);
        Assert.Equal(_h.Now, (await StoredAsync(account.RegistrationId!.Value)).EmailConfirmedAt); // an account's address is confirmed

        var guest = await GuestAsync(ev, "gjest@eksempel.no");
        Assert.Null((await StoredAsync(guest.RegistrationId!.Value)).EmailConfirmedAt);
        _h.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(ConfirmEmailOutcome.Confirmed, await ConfirmAsync(guest.RegistrationId!.Value));
        Assert.Equal(_h.Now, (await StoredAsync(guest.RegistrationId!.Value)).EmailConfirmedAt);
    }

    [Fact]
    public async Task AConfirmationLinkWorksUntilTheStartButNotForACancelledSignUpOrEvent()
    {
        var ev = (await _h.Events.AddAsync(startsAt: CoreHarness.Start.AddHours(2), registrationClosesAt: CoreHarness.Start.AddHours(1))).Id;
        var called = (await _h.Events.AddAsync(title: "Avlyst møte")).Id;
        var withdrawn = (await GuestAsync(ev, "angret@eksempel.no")).RegistrationId!.Value;
        var afterClosing = (await GuestAsync(ev, "sen@eksempel.no")).RegistrationId!.Value;
        var atStart = (await GuestAsync(ev, "for-sen@eksempel.no")).RegistrationId!.Value;
        var ofCancelledEvent = (await GuestAsync(called, "kari@eksempel.no")).RegistrationId!.Value;

        // The guest withdraws before confirming (the e-mail's link also cancels): the link cannot bring it back.
        var token = (await StoredAsync(withdrawn)).ManageToken;
        Assert.Equal(CancelOutcome.Cancelled, (await _h.WithAsync((CancellationService c) => c.CancelAsync(token))).Outcome);
        Assert.Equal(RegistrationStatus.Cancelled, (await StoredAsync(withdrawn)).Status);
        Assert.Equal(ConfirmEmailOutcome.NotOpen, await ConfirmAsync(withdrawn));

        await _h.Events.ChangeAsync(called, e => e.Status = EventStatus.Cancelled);
        Assert.Equal(ConfirmEmailOutcome.NotOpen, await ConfirmAsync(ofCancelledEvent));

        // Registration closed, but the guest asked in time.
        _h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ConfirmEmailOutcome.Confirmed, await ConfirmAsync(afterClosing));

        _h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ConfirmEmailOutcome.NotOpen, await ConfirmAsync(atStart));

        var statuses = new List<RegistrationStatus>();
        foreach (var id in new[] { withdrawn, afterClosing, atStart, ofCancelledEvent })
        {
            statuses.Add((await StoredAsync(id)).Status);
        }
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Unconfirmed, RegistrationStatus.Unconfirmed], statuses);
        Assert.Equal(ConfirmEmailOutcome.NotFound, (await _h.WithAsync((SignUpService s) => s.ConfirmEmailAsync("ikke-en-lenke"))).Outcome);
    }

    [Fact]
    public async Task AnAccountWhoseAddressAlsoHoldsAGuestSignUpIsShownItsFirstSignUp()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var person = (await _h.Users.CreateManyAsync(1))[0];
        var own = await _h.Events.SignUpAsync(ev, person);
        // Someone signed up as a guest with the address the account later changed to.
        const string newAddress = "ny-adresse@eksempel.no";
        Assert.Equal(SignUpOutcome.CheckEmail, (await GuestAsync(ev, newAddress)).Outcome);

        var again = await _h.WithAsync((SignUpService s) =>
            s.SignUpAsync(ev, person.Id, TestEvents.SignUpInput(person.DisplayName, newAddress)));

        Assert.Equal((SignUpOutcome.AlreadyRegistered, own.RegistrationId, own.ManageToken), (again.Outcome, again.RegistrationId, again.ManageToken));
        Assert.Equal(2, (await _h.Events.RegistrationsOfAsync(ev)).Count);
    }

    [Fact]
    public async Task ASecondSignUpThatSlipsPastTheCheckIsStoppedByTheUniqueIndex()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var person = (await _h.Users.CreateManyAsync(1))[0];
        Assert.Equal(SignUpOutcome.Confirmed, (await _h.Events.SignUpAsync(ev, person)).Outcome);
        Assert.Equal(SignUpOutcome.CheckEmail, (await GuestAsync(ev, "kari@eksempel.no")).Outcome);

        // The service's own look-up for an existing registration is made to find nothing, as a bug in it would:
        // the insert must then hit the unique indexes and give the same answers the look-up would have.
        var hook = new CommandHook(
            c => c.CommandText.Contains("\"NormalizedEmail\" =", StringComparison.Ordinal) && c.CommandText.Contains("ORDER BY", StringComparison.Ordinal),
            c =>
            {
                c.CommandText = $"SELECT * FROM ({c.CommandText.TrimEnd(';', ' ', '\n', '\r')}) WHERE 0";
                return Task.CompletedTask;
            },
            everyTime: true);

        async Task<SignUpResult> SignUpAsync(string? userId, string name, string email)
        {
            await using var db = hook.NewContext(_h.ConnectionString);
            var mail = new EventNotificationQueue(db);
            return await new SignUpService(db, _h.Clock, new EventPlaces(db, mail), mail)
                .SignUpAsync(ev, userId, TestEvents.SignUpInput(name, email));
        }

        Assert.Equal(SignUpOutcome.AlreadyRegistered, (await SignUpAsync(person.Id, person.DisplayName, person.Email!)).Outcome);
        Assert.Equal(SignUpOutcome.CheckEmail, (await SignUpAsync(null, "Kari Nordmann", "KARI@eksempel.no")).Outcome);
        Assert.Equal(2, hook.Matched);
        Assert.Equal(2, (await _h.Events.RegistrationsOfAsync(ev)).Count);
    }

    [Fact]
    public void LinksAndCodesThatCannotBeRealAreRecognisedAsSuch()
    {
        Assert.True(Registration.LooksLikeManageToken(Registration.NewManageToken()));
        Assert.True(Registration.LooksLikeManageToken(new string('a', 21) + "-_" + new string('Z', 20)));
        Assert.False(Registration.LooksLikeManageToken(null));
        Assert.False(Registration.LooksLikeManageToken("abc"));
        Assert.False(Registration.LooksLikeManageToken(new string('a', 42) + "!"));
        Assert.False(Registration.LooksLikeManageToken(new string('a', 42) + " "));
        Assert.False(Registration.LooksLikeManageToken(new string('a', 44)));

        Assert.Equal("ABCDEFGH", Registration.NormalizeCheckInCode(" abcd-efgh "));
        Assert.Null(Registration.NormalizeCheckInCode(null));
        Assert.Null(Registration.NormalizeCheckInCode("   "));
        Assert.Null(Registration.NormalizeCheckInCode("ABCD"));       // too short
        Assert.Null(Registration.NormalizeCheckInCode("ABCDEFGHJ"));  // too long
        Assert.Null(Registration.NormalizeCheckInCode("ABCDEFG0"));   // 0 is not in the alphabet (it looks like O)
    }

    [Fact]
    public async Task TwoPeopleCheckedInAtTheSameEventCanBothDeleteTheirAccounts()
    {
        // Someone checked in keeps the place (the sign-up stays live) when their data goes: the erased sign-ups must
        // still differ for the one-registration-per-address index. The event starts within the check-in window.
        var ev = (await _h.Events.AddAsync(startsAt: _h.Now.AddHours(1))).Id;
        var people = await _h.Users.CreateManyAsync(2);
        var staff = (await _h.Users.CreateAsync("staff")).Id;
        foreach (var person in people)
        {
            var signUp = await _h.Events.SignUpAsync(ev, person);
            Assert.Equal(CheckInOutcome.CheckedIn, (await _h.WithAsync((CheckInService c) => c.CheckInByIdAsync(ev, signUp.RegistrationId!.Value, staff))).Outcome);
        }

        foreach (var person in people)
        {
            Assert.True(await _h.WithAsync((AccountService a) => a.DeleteAsync(person.Id)));
        }

        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.All(rows, r => Assert.Equal((RegistrationStatus.Confirmed, null, ""), (r.Status, r.UserId, r.Email)));
        Assert.Equal(2, rows.Select(r => r.NormalizedEmail).Distinct().Count());
    }
}
