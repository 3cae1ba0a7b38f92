using Bylab.Core.Auditing;
using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

public sealed class EventMaintenanceTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static readonly DateTime T0 = CoreHarness.Start;

    [Fact]
    public async Task RemindersAreQueuedOnceForConfirmedParticipantsWhenTheirTimeComes()
    {
        var ev = (await _h.Events.AddAsync(startsAt: T0.AddHours(30), reminderHours: 24)).Id;
        var confirmed = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3))).Id;
        var withCompanions = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, companions: 2, createdAt: T0.AddDays(-3))).Id;
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted, createdAt: T0.AddDays(-3));
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Cancelled, createdAt: T0.AddDays(-3));
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Unconfirmed, createdAt: T0.AddDays(-3));
        var noReminders = (await _h.Events.AddAsync(startsAt: T0.AddHours(30), reminderHours: null)).Id;
        await _h.Events.RegistrationAsync(noReminders, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3));

        Assert.Equal(0, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));

        _h.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(2, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));
        Assert.Equal(0, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));
        _h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));

        var reminders = await _h.Events.NotificationsAsync();
        Assert.All(reminders, n => Assert.Equal(EventNotificationKind.Reminder, n.Kind));
        Assert.Equal([confirmed, withCompanions], reminders.Select(n => n.RegistrationId).Order());
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondReminder()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var reg = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        await _h.Events.QueueAsync(reg, EventNotificationKind.Reminder);
        await Assert.ThrowsAsync<DbUpdateException>(() => _h.Events.QueueAsync(reg, EventNotificationKind.Reminder));
    }

    [Fact]
    public async Task NoRemindersForDraftsCancelledOrStartedEventsOrPlacesGivenInsideTheWindow()
    {
        var draft = (await _h.Events.AddAsync(startsAt: T0.AddHours(2), status: EventStatus.Draft)).Id;
        var cancelled = (await _h.Events.AddAsync(startsAt: T0.AddHours(2), status: EventStatus.Cancelled)).Id;
        var started = (await _h.Events.AddAsync(startsAt: T0.AddHours(-1))).Id;
        var soon = (await _h.Events.AddAsync(startsAt: T0.AddHours(2))).Id;
        foreach (var ev in new[] { draft, cancelled, started })
        {
            await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3));
        }
        // Signed up an hour ago, 3 hours before the start: the confirmation was the reminder.
        await _h.Events.RegistrationAsync(soon, RegistrationStatus.Confirmed, createdAt: T0.AddHours(-1));
        var early = (await _h.Events.RegistrationAsync(soon, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3))).Id;

        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));
        Assert.Equal(early, Assert.Single(await _h.Events.NotificationsAsync()).RegistrationId);
    }

    [Fact]
    public async Task UnconfirmedGuestSignUpsExpire()
    {
        _h.Options<EventOptions>().UnconfirmedExpiryHours = 48;
        var later = (await _h.Events.AddAsync(startsAt: T0.AddDays(10))).Id;
        var soon = (await _h.Events.AddAsync(startsAt: T0.AddMinutes(30))).Id;
        var old = (await _h.Events.RegistrationAsync(later, RegistrationStatus.Unconfirmed, createdAt: T0.AddHours(-49))).Id;
        var fresh = (await _h.Events.RegistrationAsync(later, RegistrationStatus.Unconfirmed, createdAt: T0.AddHours(-47))).Id;
        var confirmed = (await _h.Events.RegistrationAsync(later, RegistrationStatus.Confirmed, createdAt: T0.AddHours(-100))).Id;
        var beforeStart = (await _h.Events.RegistrationAsync(soon, RegistrationStatus.Unconfirmed, createdAt: T0.AddHours(-1))).Id;

        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.ExpireUnconfirmedAsync()));
        Assert.Equal(0, await _h.WithAsync((EventMaintenance m) => m.ExpireUnconfirmedAsync()));
        _h.Clock.Advance(TimeSpan.FromMinutes(45));
        // The event started: a sign-up that was never confirmed cannot be any more.
        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.ExpireUnconfirmedAsync()));

        var all = (await _h.Events.RegistrationsOfAsync(later)).Concat(await _h.Events.RegistrationsOfAsync(soon)).ToDictionary(r => r.Id);
        Assert.Equal((RegistrationStatus.Cancelled, CancelledBy.Expired), (all[old].Status, all[old].CancelledBy));
        Assert.Equal(T0, all[old].CancelledAt);
        Assert.Equal(T0.AddMinutes(45), all[beforeStart].CancelledAt);
        Assert.Equal(RegistrationStatus.Unconfirmed, all[fresh].Status);
        Assert.Equal(RegistrationStatus.Confirmed, all[confirmed].Status);
        Assert.Equal((RegistrationStatus.Cancelled, CancelledBy.Expired), (all[beforeStart].Status, all[beforeStart].CancelledBy));
    }

    [Fact]
    public async Task PersonalDataIsDeletedAfterTheEventKeepingOnlyCounts()
    {
        _h.Options<EventOptions>().DeletePersonalDataAfterDays = 30;
        var ev = (await _h.Events.AddAsync(startsAt: T0.AddDays(-31), length: TimeSpan.FromHours(3))).Id;
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, companions: 2, checkedIn: true);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, companions: 1);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, checkedIn: true);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted, companions: 1);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Cancelled, companions: 3);
        var reg = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        await _h.Events.QueueAsync(reg, EventNotificationKind.Reminder);
        var recent = (await _h.Events.AddAsync(startsAt: T0.AddDays(-29))).Id;
        await _h.Events.RegistrationAsync(recent, RegistrationStatus.Confirmed);

        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.DeletePersonalDataAsync()));

        var after = await _h.Events.StoredAsync(ev);
        Assert.Equal(T0, after.PersonalDataDeletedAt);
        Assert.Equal((3 + 2 + 1 + 1, 3 + 1, 2, 1), (after.FinalRegistered, after.FinalAttended, after.FinalWaitlisted, after.FinalCancelled));
        Assert.Empty(await _h.Events.RegistrationsOfAsync(ev));
        Assert.Empty(await _h.Events.NotificationsAsync());
        Assert.Single(await _h.Events.RegistrationsOfAsync(recent));
        Assert.Null((await _h.Events.StoredAsync(recent)).PersonalDataDeletedAt);

        // A rerun (or a second instance) changes nothing: the counts stay those taken before the deletion.
        _h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await _h.WithAsync((EventMaintenance m) => m.DeletePersonalDataAsync()));
        var again = await _h.Events.StoredAsync(ev);
        Assert.Equal((T0, 7, 4, 2), (again.PersonalDataDeletedAt!.Value, again.FinalRegistered!.Value, again.FinalAttended!.Value, again.FinalWaitlisted!.Value));
    }

    [Fact]
    public async Task CancelledEventsAreClearedTooAndDraftsLeftAlone()
    {
        var cancelled = (await _h.Events.AddAsync(startsAt: T0.AddDays(-40), status: EventStatus.Cancelled)).Id;
        await _h.Events.RegistrationAsync(cancelled, RegistrationStatus.Cancelled);
        var draft = (await _h.Events.AddAsync(startsAt: T0.AddDays(-40), status: EventStatus.Draft)).Id;

        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.DeletePersonalDataAsync()));

        var c = await _h.Events.StoredAsync(cancelled);
        Assert.NotNull(c.PersonalDataDeletedAt);
        Assert.Equal((0, 0, 0), (c.FinalRegistered, c.FinalAttended, c.FinalWaitlisted));
        Assert.Empty(await _h.Events.RegistrationsOfAsync(cancelled));
        Assert.Null((await _h.Events.StoredAsync(draft)).PersonalDataDeletedAt);
    }

    [Fact]
    public async Task TheDeletionOfPersonalDataIsWrittenToTheAuditLog()
    {
        var ev = (await _h.Events.AddAsync(startsAt: T0.AddDays(-31))).Id;
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, companions: 1, checkedIn: true);
        await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted);
        var cancelled = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Cancelled)).Id;
        await _h.Events.QueueAsync(cancelled, EventNotificationKind.Cancelled);

        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.DeletePersonalDataAsync()));

        var entry = Assert.Single(await _h.AuditAsync());
        Assert.Equal((EventAuditActions.PersonalDataDeleted, "event", ev.ToString(), AuditLog.System.UserId, AuditLog.System.Name, T0),
            (entry.Action, entry.TargetType, entry.TargetId, entry.ActorId, entry.ActorName, entry.At));
        Assert.Equal("3 registrations and 1 e-mail records deleted; kept: 2 registered, 2 attended, 1 waitlisted, 1 cancelled", entry.Details);
        // Nothing is left to delete, and nothing more is written.
        Assert.Equal(0, await _h.WithAsync((EventMaintenance m) => m.DeletePersonalDataAsync()));
        Assert.Single(await _h.AuditAsync());
    }

    [Fact]
    public async Task AnEventMovedAfterItsReminderWentOutRemindsItsParticipantsAgainBeforeTheNewTime()
    {
        var staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        var input = _h.Events.Input(startsAt: T0.AddHours(20));
        var id = await _h.Events.CreatePublishedAsync(input, staff);
        var reg = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3))).Id;
        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));
        Assert.Equal(1, await _h.Events.DeliverAsync());

        // Moved three days on: everyone is told at once, and reminded again a day before the new time.
        var moved = input with { StartsAt = input.StartsAt.AddDays(3), EndsAt = input.EndsAt.AddDays(3) };
        Assert.Equal(EventSaveOutcome.Saved, (await _h.WithAsync((EventService s) => s.UpdateAsync(id, moved, EventActor.Staff(staff)))).Outcome);
        Assert.Equal(0, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));
        _h.Clock.SetUtcNow(T0.AddDays(3));
        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));
        Assert.Equal(0, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));
        await _h.Events.DeliverAsync();

        Assert.Equal([$"Reminder {reg}", $"EventChanged {reg}", $"Reminder {reg}"], _h.Mail.Subjects);
    }

    [Fact]
    public async Task AReminderOfTheOldTimeThatWasNotSentBeforeTheMoveIsNeverSent()
    {
        var staff = (await _h.Users.CreateAsync("Sindre Bylab-ansatt")).Id;
        var input = _h.Events.Input(startsAt: T0.AddHours(20));
        var id = await _h.Events.CreatePublishedAsync(input, staff);
        var reg = (await _h.Events.RegistrationAsync(id, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3))).Id;
        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));

        // Moved an hour later before the mail went out: the queued reminder names the old time.
        var moved = input with { StartsAt = input.StartsAt.AddHours(1), EndsAt = input.EndsAt.AddHours(1) };
        Assert.Equal(EventSaveOutcome.Saved, (await _h.WithAsync((EventService s) => s.UpdateAsync(id, moved, EventActor.Staff(staff)))).Outcome);
        Assert.Equal(1, await _h.WithAsync((EventMaintenance m) => m.QueueRemindersAsync()));
        await _h.Events.DeliverAsync();

        Assert.Equal([$"EventChanged {reg}", $"Reminder {reg}"], _h.Mail.Subjects);
        var old = (await _h.Events.NotificationsAsync(EventNotificationKind.Reminder)).First();
        Assert.Equal("Skipped: the event moved", old.LastError);
    }
}
