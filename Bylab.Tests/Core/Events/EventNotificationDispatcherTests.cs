using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

public sealed class EventNotificationDispatcherTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task PendingNotificationIsSentOnceAndMarked()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var reg = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        await _h.Events.QueueAsync(reg, EventNotificationKind.Confirmed);

        Assert.Equal(1, await _h.Events.DeliverAsync());
        Assert.Equal(0, await _h.Events.DeliverAsync());

        Assert.Equal([$"Confirmed {reg}"], _h.Mail.Subjects);
        var n = Assert.Single(await _h.Events.NotificationsAsync());
        Assert.Equal(_h.Now, n.SentAt);
        Assert.Equal(1, n.Attempts);
        Assert.Null(n.ClaimedUntil);
        Assert.Null(n.LastError);
    }

    [Fact]
    public async Task ARequestSendsOnlyItsOwnEventsMailAndLeavesTheRestToTheBackground()
    {
        var mine = (await _h.Events.AddAsync()).Id;
        var other = (await _h.Events.AddAsync()).Id;
        var myReg = (await _h.Events.RegistrationAsync(mine, RegistrationStatus.Confirmed)).Id;
        var otherReg = (await _h.Events.RegistrationAsync(other, RegistrationStatus.Confirmed)).Id;
        await _h.Events.QueueAsync(otherReg, EventNotificationKind.Confirmed);
        await _h.Events.QueueAsync(myReg, EventNotificationKind.Confirmed);

        Assert.Equal(1, await _h.WithAsync((EventNotificationDispatcher d) => d.DeliverForEventAsync(mine)));
        Assert.Equal([$"Confirmed {myReg}"], _h.Mail.Subjects);

        Assert.Equal(1, await _h.Events.DeliverAsync());
        Assert.Equal([$"Confirmed {myReg}", $"Confirmed {otherReg}"], _h.Mail.Subjects);
    }

    [Fact]
    public async Task WaitlistedMailCarriesThePositionInTheQueue()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var first = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted, waitlistedAt: _h.Now.AddMinutes(-10))).Id;
        var second = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted, waitlistedAt: _h.Now.AddMinutes(-5))).Id;
        var third = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Waitlisted, waitlistedAt: _h.Now.AddMinutes(-5))).Id;
        await _h.Events.QueueAsync(third, EventNotificationKind.Waitlisted);
        await _h.Events.QueueAsync(first, EventNotificationKind.Waitlisted);

        await _h.Events.DeliverAsync();

        Assert.Equal([$"Waitlisted {third} 3", $"Waitlisted {first} 1"], _h.Mail.Subjects);
        Assert.True(second > first);
    }

    [Fact]
    public async Task MailThatNoLongerFitsIsMarkedSkippedNotSent()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var cancelled = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Cancelled)).Id;
        var promotedSinceWaitlisted = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        await _h.Events.QueueAsync(cancelled, EventNotificationKind.Reminder);
        await _h.Events.QueueAsync(promotedSinceWaitlisted, EventNotificationKind.Waitlisted);
        await _h.Events.QueueAsync(promotedSinceWaitlisted, EventNotificationKind.Promoted);

        Assert.Equal(1, await _h.Events.DeliverAsync());

        Assert.Equal([$"Promoted {promotedSinceWaitlisted}"], _h.Mail.Subjects);
        var rows = await _h.Events.NotificationsAsync();
        Assert.All(rows, n => Assert.NotNull(n.SentAt));
        Assert.StartsWith("Skipped", rows[0].LastError);
        Assert.StartsWith("Skipped", rows[1].LastError);
        Assert.Null(rows[2].LastError);
    }

    [Fact]
    public async Task ReminderIsNotSentOnceTheEventHasStarted()
    {
        var ev = (await _h.Events.AddAsync(startsAt: CoreHarness.Start.AddHours(1))).Id;
        var reg = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        await _h.Events.QueueAsync(reg, EventNotificationKind.Reminder);
        _h.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await _h.Events.DeliverAsync());
        Assert.Empty(_h.Mail.Sent);
        Assert.Contains("started", (await _h.Events.NotificationsAsync())[0].LastError);
    }

    [Fact]
    public async Task FailedSendIsRetriedLaterThenGivenUp()
    {
        var ev = (await _h.Events.AddAsync(startsAt: CoreHarness.Start.AddDays(60))).Id;
        var reg = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        await _h.Events.QueueAsync(reg, EventNotificationKind.Confirmed);
        _h.Mail.FailBefore = 1;

        Assert.Equal(0, await _h.Events.DeliverAsync());
        var failed = Assert.Single(await _h.Events.NotificationsAsync());
        Assert.Null(failed.SentAt);
        Assert.Contains("SMTP server not reachable", failed.LastError);
        // Not hammered by every request: the row waits before the next try.
        Assert.Equal(0, await _h.Events.DeliverAsync());

        _h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await _h.Events.DeliverAsync());
        Assert.Single(_h.Mail.Sent);

        // A mail that never goes through is given up after MaxAttempts, keeping its error.
        var other = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        await _h.Events.QueueAsync(other, EventNotificationKind.Confirmed);
        _h.Mail.FailBefore = int.MaxValue;
        for (var i = 0; i < EventNotificationDispatcher.MaxAttempts + 3; i++)
        {
            await _h.Events.DeliverAsync();
            _h.Clock.Advance(TimeSpan.FromHours(1));
        }
        var givenUp = (await _h.Events.NotificationsAsync())[1];
        Assert.Equal(EventNotificationDispatcher.MaxAttempts, givenUp.Attempts);
        Assert.Null(givenUp.SentAt);
        Assert.NotNull(givenUp.LastError);
    }

    [Fact]
    public async Task ClaimedNotificationIsLeftToItsSenderUntilTheClaimRunsOut()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        var reg = (await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id;
        var id = await _h.Events.QueueAsync(reg, EventNotificationKind.Confirmed);
        // Another instance claimed it a moment ago and is sending it now.
        await _h.WithDbAsync(db => db.EventNotifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.ClaimedUntil, _h.Now + EventNotificationDispatcher.ClaimDuration)
            .SetProperty(n => n.Attempts, 1)));

        Assert.Equal(0, await _h.Events.DeliverAsync());
        _h.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await _h.Events.DeliverAsync());
        Assert.Empty(_h.Mail.Sent);

        // That instance died before marking it: after the claim it goes out (at least once, never skipped).
        _h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await _h.Events.DeliverAsync());
        Assert.Single(_h.Mail.Sent);
        Assert.Equal(2, (await _h.Events.NotificationsAsync())[0].Attempts);
    }

    [Fact]
    public async Task ConcurrentSendersSendEachMailOnce()
    {
        var ev = (await _h.Events.AddAsync()).Id;
        for (var i = 0; i < 30; i++)
        {
            await _h.Events.QueueAsync((await _h.Events.RegistrationAsync(ev, RegistrationStatus.Confirmed)).Id, EventNotificationKind.Confirmed);
        }

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _h.Events.DeliverAsync())));

        Assert.Equal(30, counts.Sum());
        Assert.Equal(30, _h.Mail.Sent.Count);
        Assert.Equal(30, _h.Mail.Subjects.Distinct().Count());
        Assert.All(await _h.Events.NotificationsAsync(), n => Assert.Equal(1, n.Attempts));
    }

    [Theory]
    [InlineData(EventNotificationKind.ConfirmEmail, RegistrationStatus.Unconfirmed, EventStatus.Published, true)]
    [InlineData(EventNotificationKind.ConfirmEmail, RegistrationStatus.Cancelled, EventStatus.Published, false)]
    [InlineData(EventNotificationKind.Confirmed, RegistrationStatus.Confirmed, EventStatus.Published, true)]
    [InlineData(EventNotificationKind.Confirmed, RegistrationStatus.Confirmed, EventStatus.Cancelled, false)]
    [InlineData(EventNotificationKind.Waitlisted, RegistrationStatus.Confirmed, EventStatus.Published, false)]
    [InlineData(EventNotificationKind.Cancelled, RegistrationStatus.Cancelled, EventStatus.Published, true)]
    [InlineData(EventNotificationKind.Cancelled, RegistrationStatus.Confirmed, EventStatus.Published, false)]
    [InlineData(EventNotificationKind.EventCancelled, RegistrationStatus.Cancelled, EventStatus.Cancelled, true)]
    [InlineData(EventNotificationKind.EventChanged, RegistrationStatus.Waitlisted, EventStatus.Published, true)]
    [InlineData(EventNotificationKind.EventChanged, RegistrationStatus.Cancelled, EventStatus.Published, false)]
    [InlineData(EventNotificationKind.Reminder, RegistrationStatus.Confirmed, EventStatus.Published, true)]
    [InlineData(EventNotificationKind.Reminder, RegistrationStatus.Waitlisted, EventStatus.Published, false)]
    public void OnlyMailsThatStillFitGoOut(EventNotificationKind kind, RegistrationStatus status, EventStatus eventStatus, bool goes)
    {
        var now = CoreHarness.Start;
        var ev = new Event { Status = eventStatus, StartsAt = now.AddDays(1), EndsAt = now.AddDays(1).AddHours(2) };
        var reason = EventNotificationDispatcher.Obsolete(kind, new Registration { Status = status, Email = "kari@example.org" }, ev, now);
        Assert.Equal(goes, reason is null);
    }

    [Fact]
    public void NoMailGoesToAnErasedAddress()
    {
        var now = CoreHarness.Start;
        var ev = new Event { Status = EventStatus.Published, StartsAt = now.AddDays(1), EndsAt = now.AddDays(1).AddHours(2) };
        var erased = new Registration { Status = RegistrationStatus.Cancelled, Email = "" };
        Assert.NotNull(EventNotificationDispatcher.Obsolete(EventNotificationKind.Cancelled, erased, ev, now));
    }
}
