using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// A cancellation and a check-in of the same person never both win. Whichever commits first decides: a cancelled
/// registration is never checked in (check-in's UPDATE re-checks the status), and someone checked in is never
/// cancelled (the cancellation reads the check-in under the write lock) – so the place of a person sitting in the
/// room is never handed to the waitlist.
/// </summary>
public sealed class CheckInCancellationTests : IAsyncLifetime
{
    private RegistrationHarness _h = null!;

    public async Task InitializeAsync() => _h = await RegistrationHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static readonly Actor Organiser = new("arrangor", "Arrangøren");

    /// <summary>An event of <paramref name="places"/> places, full, and <paramref name="waiting"/> people on its waitlist.</summary>
    private async Task<(int Event, List<SignUpResult> Confirmed, List<SignUpResult> Waitlisted, string StaffId)> FullEventAsync(int places, int waiting)
    {
        var ev = await _h.CreateEventAsync(capacity: places);
        var people = await _h.CreateUsersAsync(places + waiting);
        var results = new List<SignUpResult>();
        foreach (var person in people)
        {
            results.Add(await _h.SignUpAccountAsync(ev, person));
            _h.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.All(results.Take(places), r => Assert.Equal(SignUpOutcome.Confirmed, r.Outcome));
        Assert.All(results.Skip(places), r => Assert.Equal(SignUpOutcome.Waitlisted, r.Outcome));
        var staff = (await _h.CreateUsersAsync(1, "staff"))[0].Id;
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
            async _ => Assert.Equal(CancelOutcome.Cancelled, await _h.Registrations(r => r.CancelAsync(kari.ManageToken!))));
        await using var db = hook.NewContext(_h.ConnectionString);
        var checkIn = await new RegistrationService(db, _h.Clock, new AuditLog(db, _h.Clock)).CheckInByIdAsync(ev, kari.RegistrationId!.Value, staff);

        Assert.True(hook.Fired);
        Assert.Equal(CheckInOutcome.NotConfirmed, checkIn.Outcome);
        var rows = await _h.RegistrationsOfAsync(ev);
        Assert.Equal((RegistrationStatus.Cancelled, null), (rows[0].Status, rows[0].CheckedInAt));
        Assert.Equal(RegistrationStatus.Confirmed, rows[1].Status);
        Assert.Equal(waitlisted[0].RegistrationId, Assert.Single(await _h.NotificationsAsync(EventNotificationKind.Promoted)).RegistrationId);
    }

    [Fact]
    public async Task SomeoneCheckedInCannotBeCancelledAndKeepsThePlace()
    {
        var (ev, confirmed, _, staff) = await FullEventAsync(1, 1);
        var kari = confirmed[0];
        Assert.Equal(CheckInOutcome.CheckedIn, (await _h.Registrations(r => r.CheckInByIdAsync(ev, kari.RegistrationId!.Value, staff))).Outcome);

        Assert.Equal(CancelOutcome.CheckedIn, await _h.Registrations(r => r.CancelAsync(kari.ManageToken!)));
        Assert.Equal(CancelOutcome.CheckedIn, await _h.Registrations(r => r.RemoveAsync(ev, kari.RegistrationId!.Value, Organiser)));
        Assert.False((await _h.Registrations(r => r.FindByTokenAsync(kari.ManageToken!)))!.CanCancel);

        var rows = await _h.RegistrationsOfAsync(ev);
        Assert.Equal(RegistrationStatus.Confirmed, rows[0].Status);
        Assert.NotNull(rows[0].CheckedInAt);
        Assert.Equal(RegistrationStatus.Waitlisted, rows[1].Status);
        Assert.Empty(await _h.NotificationsAsync(EventNotificationKind.Cancelled));
        Assert.Empty(await _h.NotificationsAsync(EventNotificationKind.Promoted));
        Assert.Equal(0, await _h.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == RegistrationService.RemovedAuditAction)));

        // A check-in pressed by mistake is undone first; then the place can go on.
        await _h.Registrations(r => r.UndoCheckInAsync(ev, kari.RegistrationId!.Value, staff));
        Assert.True((await _h.Registrations(r => r.FindByTokenAsync(kari.ManageToken!)))!.CanCancel);
        Assert.Equal(CancelOutcome.Cancelled, await _h.Registrations(r => r.RemoveAsync(ev, kari.RegistrationId!.Value, Organiser)));
        Assert.Equal(RegistrationStatus.Confirmed, (await _h.RegistrationsOfAsync(ev))[1].Status);
    }

    [Fact]
    public async Task DeletingTheAccountOfSomeoneCheckedInErasesTheNameButKeepsThePlace()
    {
        var (ev, confirmed, _, staff) = await FullEventAsync(1, 1);
        var kari = confirmed[0];
        await _h.Registrations(r => r.CheckInByIdAsync(ev, kari.RegistrationId!.Value, staff));
        var userId = (await _h.RegistrationsOfAsync(ev))[0].UserId!;

        Assert.True(await _h.InScopeAsync<AccountService, bool>(a => a.DeleteAsync(userId)));

        var rows = await _h.RegistrationsOfAsync(ev);
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
            Cancel: Task.Run(() => _h.Registrations(r => r.CancelAsync(c.ManageToken!))),
            CheckIn: Task.Run(() => _h.Registrations(r => r.CheckInByIdAsync(ev, c.RegistrationId!.Value, staff))))).ToList();
        await Task.WhenAll(races.SelectMany(r => new Task[] { r.Cancel, r.CheckIn }));

        var rows = (await _h.RegistrationsOfAsync(ev)).ToDictionary(r => r.Id);
        var cancelled = 0;
        foreach (var (race, person) in races.Zip(confirmed))
        {
            var row = rows[person.RegistrationId!.Value];
            var outcome = (race.Cancel.Result, race.CheckIn.Result.Outcome);
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
        Assert.Equal(Math.Min(cancelled, 10), (await _h.NotificationsAsync(EventNotificationKind.Promoted)).Count);
        Assert.Equal(places - Math.Max(0, cancelled - 10), await _h.PlacesTakenAsync(ev));
        Assert.Equal(cancelled, (await _h.NotificationsAsync(EventNotificationKind.Cancelled)).Count);
    }
}
