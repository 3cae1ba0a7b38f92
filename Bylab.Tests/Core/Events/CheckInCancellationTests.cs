using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// A cancellation and a check-in of the same person never both win. Whichever commits first decides: a cancelled
/// registration is never checked in (check-in's UPDATE re-checks the status), and someone checked in is never
/// cancelled (the cancellation reads the check-in under the write lock) – so the place of a person sitting in the
/// room is never handed to the waitlist. (Checked against CancellationService without its CheckedIn guard: the
/// tests of someone checked in and of the race fail.)
/// </summary>
public sealed class CheckInCancellationTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static readonly Actor Organiser = new("arrangor", "Arrangøren");

    private async Task<CancelOutcome> CancelAsync(string token) => (await _h.WithAsync((CancellationService c) => c.CancelAsync(token))).Outcome;

    private Task<CancelOutcome> RemoveAsync(int ev, int registrationId) =>
        _h.WithAsync((CancellationService c) => c.RemoveAsync(ev, registrationId, Organiser));

    private Task<CheckInResult> CheckInAsync(int ev, int registrationId, string staff) =>
        _h.WithAsync((CheckInService c) => c.CheckInByIdAsync(ev, registrationId, staff));

    private async Task<bool> CanCancelAsync(string token) => (await _h.WithAsync((RegistrationQueries q) => q.FindByTokenAsync(token)))!.CanCancel;

    /// <summary>
    /// An event of <paramref name="places"/> places, full, and <paramref name="waiting"/> people on its waitlist, starting
    /// in an hour: inside the check-in window, and people may still cancel.
    /// </summary>
    private async Task<(int Event, List<SignUpResult> Confirmed, List<SignUpResult> Waitlisted, string StaffId)> FullEventAsync(int places, int waiting)
    {
        var ev = (await _h.Events.AddAsync(capacity: places, startsAt: _h.Now.AddHours(1))).Id;
        var people = await _h.Users.CreateManyAsync(places + waiting);
        var results = new List<SignUpResult>();
        foreach (var person in people)
        {
            results.Add(await _h.Events.SignUpAsync(ev, person));
            _h.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.All(results.Take(places), r => Assert.Equal(SignUpOutcome.Confirmed, r.Outcome));
        Assert.All(results.Skip(places), r => Assert.Equal(SignUpOutcome.Waitlisted, r.Outcome));
        var staff = (await _h.Users.CreateAsync("staff")).Id;
        return (ev, results.Take(places).ToList(), results.Skip(places).ToList(), staff);
    }

    [Fact]
    public async Task ACancellationThatCommitsBetweenCheckInsReadAndWriteWins()
    {
        var (ev, confirmed, waitlisted, staff) = await FullEventAsync(1, 1);
        var kari = confirmed[0];

        // Staff's check-in reads Kari as confirmed; just before its UPDATE, Kari's cancellation commits.
        var hook = new CommandHook(
            c => c.CommandText.StartsWith("UPDATE \"Registrations\"", StringComparison.Ordinal) && c.CommandText.Contains("\"CheckedInAt\""),
            async _ => Assert.Equal(CancelOutcome.Cancelled, await CancelAsync(kari.ManageToken!)));
        await using var db = hook.NewContext(_h.ConnectionString);
        var checkIn = await new CheckInService(db, _h.Clock, _h.Services.GetRequiredService<IOptions<EventOptions>>()).CheckInByIdAsync(ev, kari.RegistrationId!.Value, staff);

        Assert.True(hook.Fired);
        Assert.Equal(CheckInOutcome.NotConfirmed, checkIn.Outcome);
        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal((RegistrationStatus.Cancelled, null), (rows[0].Status, rows[0].CheckedInAt));
        Assert.Equal(RegistrationStatus.Confirmed, rows[1].Status);
        Assert.Equal(waitlisted[0].RegistrationId, Assert.Single(await _h.Events.NotificationsAsync(EventNotificationKind.Promoted)).RegistrationId);
    }

    [Fact]
    public async Task SomeoneCheckedInCannotBeCancelledAndKeepsThePlace()
    {
        var (ev, confirmed, _, staff) = await FullEventAsync(1, 1);
        var kari = confirmed[0];
        Assert.Equal(CheckInOutcome.CheckedIn, (await CheckInAsync(ev, kari.RegistrationId!.Value, staff)).Outcome);

        Assert.Equal(CancelOutcome.CheckedIn, await CancelAsync(kari.ManageToken!));
        Assert.Equal(CancelOutcome.CheckedIn, await RemoveAsync(ev, kari.RegistrationId!.Value));
        Assert.False(await CanCancelAsync(kari.ManageToken!));

        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal(RegistrationStatus.Confirmed, rows[0].Status);
        Assert.NotNull(rows[0].CheckedInAt);
        Assert.Equal(RegistrationStatus.Waitlisted, rows[1].Status);
        Assert.Empty(await _h.Events.NotificationsAsync(EventNotificationKind.Cancelled));
        Assert.Empty(await _h.Events.NotificationsAsync(EventNotificationKind.Promoted));
        Assert.Equal(0, await _h.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == EventAuditActions.RegistrationRemoved)));

        // A check-in pressed by mistake is undone first; then the place can go on.
        await _h.WithAsync((CheckInService c) => c.UndoCheckInAsync(ev, kari.RegistrationId!.Value, staff));
        Assert.True(await CanCancelAsync(kari.ManageToken!));
        Assert.Equal(CancelOutcome.Cancelled, await RemoveAsync(ev, kari.RegistrationId!.Value));
        Assert.Equal(RegistrationStatus.Confirmed, (await _h.Events.RegistrationsOfAsync(ev))[1].Status);
    }

    [Fact]
    public async Task DeletingTheAccountOfSomeoneCheckedInErasesTheNameButKeepsThePlace()
    {
        var (ev, confirmed, _, staff) = await FullEventAsync(1, 1);
        var kari = confirmed[0];
        await CheckInAsync(ev, kari.RegistrationId!.Value, staff);
        var userId = (await _h.Events.RegistrationsOfAsync(ev))[0].UserId!;

        Assert.True(await _h.WithAsync((AccountService a) => a.DeleteAsync(userId)));

        var rows = await _h.Events.RegistrationsOfAsync(ev);
        Assert.Equal((RegistrationStatus.Confirmed, "", ""), (rows[0].Status, rows[0].Name, rows[0].Email));
        Assert.NotNull(rows[0].CheckedInAt);
        Assert.Equal(RegistrationStatus.Waitlisted, rows[1].Status);
    }

    [Fact]
    public async Task RacingCancellationsAndCheckInsNeverBothWin()
    {
        const int places = 20;
        var (ev, confirmed, _, staff) = await FullEventAsync(places, 10);

        // Every confirmed person cancels at the very moment staff check them in.
        var races = confirmed.Select(c => (
            Cancel: Task.Run(() => CancelAsync(c.ManageToken!)),
            CheckIn: Task.Run(() => CheckInAsync(ev, c.RegistrationId!.Value, staff)))).ToList();
        await Task.WhenAll(races.SelectMany(r => new Task[] { r.Cancel, r.CheckIn }));

        var rows = (await _h.Events.RegistrationsOfAsync(ev)).ToDictionary(r => r.Id);
        var cancelled = 0;
        foreach (var (race, person) in races.Zip(confirmed))
        {
            var row = rows[person.RegistrationId!.Value];
            var outcome = (await race.Cancel, (await race.CheckIn).Outcome); // both finished above
            if (outcome == (CancelOutcome.Cancelled, CheckInOutcome.NotConfirmed))
            {
                Assert.Equal((RegistrationStatus.Cancelled, null), (row.Status, row.CheckedInAt));
                cancelled++;
            }
            else
            {
                Assert.Equal((CancelOutcome.CheckedIn, CheckInOutcome.CheckedIn), outcome);
                Assert.Equal(RegistrationStatus.Confirmed, row.Status);
                Assert.NotNull(row.CheckedInAt);
            }
        }
        Assert.DoesNotContain(rows.Values, r => r.Status == RegistrationStatus.Cancelled && r.CheckedInAt is not null);
        // Each cancellation that won handed on exactly one place; nobody checked in lost theirs.
        Assert.Equal(Math.Min(cancelled, 10), (await _h.Events.NotificationsAsync(EventNotificationKind.Promoted)).Count);
        Assert.Equal(places - Math.Max(0, cancelled - 10), await _h.Events.PlacesTakenAsync(ev));
        Assert.Equal(cancelled, (await _h.Events.NotificationsAsync(EventNotificationKind.Cancelled)).Count);
    }
}
