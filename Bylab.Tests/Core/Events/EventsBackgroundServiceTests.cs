using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

public sealed class EventsBackgroundServiceTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ARestartNeitherResendsNorSkipsReminders()
    {
        var ev = (await _h.Events.AddAsync(startsAt: CoreHarness.Start.AddHours(20), reminderHours: 24)).Id;
        var first = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, createdAt: CoreHarness.Start.AddDays(-2))).Id;
        var second = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed, createdAt: CoreHarness.Start.AddDays(-2))).Id;

        // The process dies after the mail server took the first reminder, before it was marked sent.
        _h.Mail.FailAfter = 1;
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal(2, _h.Mail.Sent.Count);
        var rows = await _h.Events.NotificationsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, n => n.SentAt is null);

        // A new process: the reminders are not queued again, and nothing already marked goes out again.
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal(2, (await _h.Events.NotificationsAsync()).Count);
        Assert.Equal(2, _h.Mail.Sent.Count);

        // Once the unmarked one may be retried, it goes out exactly once more and is marked.
        _h.Clock.Advance(EventNotificationDispatcher.ClaimDuration);
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal(3, _h.Mail.Sent.Count);
        Assert.All(await _h.Events.NotificationsAsync(), n => Assert.NotNull(n.SentAt));
        Assert.Equal([$"Reminder {first}", $"Reminder {first}", $"Reminder {second}"], _h.Mail.Subjects.Order());

        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal(0, await _h.Events.DeliverAsync());
        Assert.Equal(3, _h.Mail.Sent.Count);
        Assert.Equal(2, (await _h.Events.NotificationsAsync()).Count);
    }

    [Fact]
    public async Task AProcessThatDiedMidSendLeavesTheMailForTheNextAfterItsClaim()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var reg = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        var id = await _h.Events.QueueAsync(reg, EventNotificationKind.Confirmed);
        // What a crash leaves: the row claimed and counted, the mail perhaps sent, no mark.
        await _h.WithDbAsync(db => db.EventNotifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.ClaimedUntil, _h.Now + EventNotificationDispatcher.ClaimDuration)
            .SetProperty(n => n.Attempts, 1)));

        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Empty(_h.Mail.Sent);

        _h.Clock.Advance(EventNotificationDispatcher.ClaimDuration + TimeSpan.FromSeconds(1));
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Equal([$"Confirmed {reg}"], _h.Mail.Subjects);
        await _h.NewBackgroundService().RunOnceAsync();
        Assert.Single(_h.Mail.Sent);
    }

    [Fact]
    public async Task TheServiceRunsARoundEveryInterval()
    {
        _h.Options<EventOptions>().BackgroundIntervalSeconds = 60;
        var ev = (await _h.Events.AddAsync()).Id;
        var reg = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        await _h.Events.QueueAsync(reg, EventNotificationKind.Confirmed);
        using var service = _h.NewBackgroundService();
        await service.StartAsync(CancellationToken.None);
        try
        {
            // The first round waits one interval; the service starts its loop on a thread of its own, so keep the clock moving.
            await Task.Delay(200);
            Assert.Empty(_h.Mail.Sent);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (_h.Mail.Sent.IsEmpty && DateTime.UtcNow < deadline)
            {
                _h.Clock.Advance(TimeSpan.FromSeconds(60));
                await Task.Delay(50);
            }
            Assert.Single(_h.Mail.Sent);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
