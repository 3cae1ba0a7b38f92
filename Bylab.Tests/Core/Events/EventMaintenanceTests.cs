using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Events;

public sealed class EventMaintenanceTests : IAsyncLifetime
{
    private EventMailHarness _h = null!;

    public async Task InitializeAsync() => _h = await EventMailHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static readonly DateTime T0 = EventMailHarness.Start;

    [Fact]
    public async Task RemindersAreQueuedOnceForConfirmedParticipantsWhenTheirTimeComes()
    {
        var ev = await _h.CreateEventAsync(startsAt: T0.AddHours(30), reminderHours: 24);
        var confirmed = await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3));
        var withCompanions = await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed, companions: 2, createdAt: T0.AddDays(-3));
        await _h.AddRegistrationAsync(ev, RegistrationStatus.Waitlisted, createdAt: T0.AddDays(-3));
        await _h.AddRegistrationAsync(ev, RegistrationStatus.Cancelled, createdAt: T0.AddDays(-3));
        await _h.AddRegistrationAsync(ev, RegistrationStatus.Unconfirmed, createdAt: T0.AddDays(-3));
        var noReminders = await _h.CreateEventAsync(startsAt: T0.AddHours(30), reminderHours: null);
        await _h.AddRegistrationAsync(noReminders, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3));

        Assert.Equal(0, await _h.QueueRemindersAsync());

        _h.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(2, await _h.QueueRemindersAsync());
        Assert.Equal(0, await _h.QueueRemindersAsync());
        _h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await _h.QueueRemindersAsync());

        var reminders = await _h.NotificationsAsync();
        Assert.All(reminders, n => Assert.Equal(EventNotificationKind.Reminder, n.Kind));
        Assert.Equal([confirmed, withCompanions], reminders.Select(n => n.RegistrationId).Order());
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondReminder()
    {
        var ev = await _h.CreateEventAsync();
        var reg = await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed);
        await _h.QueueAsync(reg, EventNotificationKind.Reminder);
        await Assert.ThrowsAsync<DbUpdateException>(() => _h.QueueAsync(reg, EventNotificationKind.Reminder));
    }

    [Fact]
    public async Task NoRemindersForDraftsCancelledOrStartedEventsOrPlacesGivenInsideTheWindow()
    {
        var draft = await _h.CreateEventAsync(startsAt: T0.AddHours(2), status: EventStatus.Draft);
        var cancelled = await _h.CreateEventAsync(startsAt: T0.AddHours(2), status: EventStatus.Cancelled);
        var started = await _h.CreateEventAsync(startsAt: T0.AddHours(-1));
        var soon = await _h.CreateEventAsync(startsAt: T0.AddHours(2));
        foreach (var ev in new[] { draft, cancelled, started })
        {
            await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3));
        }
        // Signed up an hour ago, 3 hours before the start: the confirmation was the reminder.
        await _h.AddRegistrationAsync(soon, RegistrationStatus.Confirmed, createdAt: T0.AddHours(-1));
        var early = await _h.AddRegistrationAsync(soon, RegistrationStatus.Confirmed, createdAt: T0.AddDays(-3));

        Assert.Equal(1, await _h.QueueRemindersAsync());
        Assert.Equal(early, Assert.Single(await _h.NotificationsAsync()).RegistrationId);
    }

    [Fact]
    public async Task UnconfirmedGuestSignUpsExpire()
    {
        _h.Options.UnconfirmedExpiryHours = 48;
        var later = await _h.CreateEventAsync(startsAt: T0.AddDays(10));
        var soon = await _h.CreateEventAsync(startsAt: T0.AddMinutes(30));
        var old = await _h.AddRegistrationAsync(later, RegistrationStatus.Unconfirmed, createdAt: T0.AddHours(-49));
        var fresh = await _h.AddRegistrationAsync(later, RegistrationStatus.Unconfirmed, createdAt: T0.AddHours(-47));
        var confirmed = await _h.AddRegistrationAsync(later, RegistrationStatus.Confirmed, createdAt: T0.AddHours(-100));
        var beforeStart = await _h.AddRegistrationAsync(soon, RegistrationStatus.Unconfirmed, createdAt: T0.AddHours(-1));

        Assert.Equal(1, await _h.ExpireAsync());
        Assert.Equal(0, await _h.ExpireAsync());
        _h.Clock.Advance(TimeSpan.FromMinutes(45));
        // The event started: a sign-up that was never confirmed cannot be any more.
        Assert.Equal(1, await _h.ExpireAsync());

        var all = (await _h.RegistrationsOfAsync(later)).Concat(await _h.RegistrationsOfAsync(soon)).ToDictionary(r => r.Id);
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
        _h.Options.DeletePersonalDataAfterDays = 30;
        var ev = await _h.CreateEventAsync(startsAt: T0.AddDays(-31), length: TimeSpan.FromHours(3));
        await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed, companions: 2, checkedIn: true);
        await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed, companions: 1);
        await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed, checkedIn: true);
        await _h.AddRegistrationAsync(ev, RegistrationStatus.Waitlisted, companions: 1);
        await _h.AddRegistrationAsync(ev, RegistrationStatus.Cancelled, companions: 3);
        var reg = await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed);
        await _h.QueueAsync(reg, EventNotificationKind.Reminder);
        var recent = await _h.CreateEventAsync(startsAt: T0.AddDays(-29));
        await _h.AddRegistrationAsync(recent, RegistrationStatus.Confirmed);

        Assert.Equal(1, await _h.DeletePersonalDataAsync());

        var after = await _h.EventAsync(ev);
        Assert.Equal(T0, after.PersonalDataDeletedAt);
        Assert.Equal((3 + 2 + 1 + 1, 3 + 1, 2, 1), (after.FinalRegistered, after.FinalAttended, after.FinalWaitlisted, after.FinalCancelled));
        Assert.Empty(await _h.RegistrationsOfAsync(ev));
        Assert.Empty(await _h.NotificationsAsync());
        Assert.Single(await _h.RegistrationsOfAsync(recent));
        Assert.Null((await _h.EventAsync(recent)).PersonalDataDeletedAt);

        // A rerun (or a second instance) changes nothing: the counts stay those taken before the deletion.
        _h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await _h.DeletePersonalDataAsync());
        var again = await _h.EventAsync(ev);
        Assert.Equal((T0, 7, 4, 2), (again.PersonalDataDeletedAt!.Value, again.FinalRegistered!.Value, again.FinalAttended!.Value, again.FinalWaitlisted!.Value));
    }

    [Fact]
    public async Task CancelledEventsAreClearedTooAndDraftsLeftAlone()
    {
        var cancelled = await _h.CreateEventAsync(startsAt: T0.AddDays(-40), status: EventStatus.Cancelled);
        await _h.AddRegistrationAsync(cancelled, RegistrationStatus.Cancelled);
        var draft = await _h.CreateEventAsync(startsAt: T0.AddDays(-40), status: EventStatus.Draft);

        Assert.Equal(1, await _h.DeletePersonalDataAsync());

        var c = await _h.EventAsync(cancelled);
        Assert.NotNull(c.PersonalDataDeletedAt);
        Assert.Equal((0, 0, 0), (c.FinalRegistered, c.FinalAttended, c.FinalWaitlisted));
        Assert.Empty(await _h.RegistrationsOfAsync(cancelled));
        Assert.Null((await _h.EventAsync(draft)).PersonalDataDeletedAt);
    }
}
