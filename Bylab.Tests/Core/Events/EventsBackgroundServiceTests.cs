using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Events;

public sealed class EventsBackgroundServiceTests : IAsyncLifetime
{
    private EventMailHarness _h = null!;

    public async Task InitializeAsync() => _h = await EventMailHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ARestartNeitherResendsNorSkipsReminders()
    {
        var ev = await _h.CreateEventAsync(startsAt: EventMailHarness.Start.AddHours(20), reminderHours: 24);
        var first = await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed, createdAt: EventMailHarness.Start.AddDays(-2));
        var second = await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed, createdAt: EventMailHarness.Start.AddDays(-2));

        // The process dies after the mail server took the first reminder, before it was marked sent.
        _h.Sender.FailAfter = 1;
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal(2, _h.Sender.Sent.Count);
        var rows = await _h.NotificationsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, n => n.SentAt is null);

        // A new process: the reminders are not queued again, and nothing already marked goes out again.
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal(2, (await _h.NotificationsAsync()).Count);
        Assert.Equal(2, _h.Sender.Sent.Count);

        // Once the unmarked one may be retried, it goes out exactly once more and is marked.
        _h.Clock.Advance(EventNotificationDispatcher.ClaimDuration);
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal(3, _h.Sender.Sent.Count);
        Assert.All(await _h.NotificationsAsync(), n => Assert.NotNull(n.SentAt));
        Assert.Equal([$"Reminder {first}", $"Reminder {first}", $"Reminder {second}"], _h.Sender.Subjects.Order());

        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal(0, await _h.DeliverAsync());
        Assert.Equal(3, _h.Sender.Sent.Count);
        Assert.Equal(2, (await _h.NotificationsAsync()).Count);
    }

    [Fact]
    public async Task AProcessThatDiedMidSendLeavesTheMailForTheNextAfterItsClaim()
    {
        var ev = await _h.CreateEventAsync();
        var reg = await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed);
        var id = await _h.QueueAsync(reg, EventNotificationKind.Confirmed);
        // What a crash leaves: the row claimed and counted, the mail perhaps sent, no mark.
        await _h.WithDbAsync(db => db.EventNotifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.ClaimedUntil, _h.Now + EventNotificationDispatcher.ClaimDuration)
            .SetProperty(n => n.Attempts, 1)));

        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Empty(_h.Sender.Sent);

        _h.Clock.Advance(EventNotificationDispatcher.ClaimDuration + TimeSpan.FromSeconds(1));
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal([$"Confirmed {reg}"], _h.Sender.Subjects);
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Single(_h.Sender.Sent);
    }

    [Fact]
    public async Task TheServiceRunsARoundEveryInterval()
    {
        _h.Options.BackgroundIntervalSeconds = 60;
        var ev = await _h.CreateEventAsync();
        var reg = await _h.AddRegistrationAsync(ev, RegistrationStatus.Confirmed);
        await _h.QueueAsync(reg, EventNotificationKind.Confirmed);
        using var service = _h.NewBackgroundService();
        await service.StartAsync(CancellationToken.None);
        try
        {
            // The first round waits one interval; the service starts its loop on a thread of its own, so keep the clock moving.
            await Task.Delay(200);
            Assert.Empty(_h.Sender.Sent);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (_h.Sender.Sent.IsEmpty && DateTime.UtcNow < deadline)
            {
                _h.Clock.Advance(TimeSpan.FromSeconds(60));
                await Task.Delay(50);
            }
            Assert.Single(_h.Sender.Sent);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
