using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

/// <summary>Check-in opens a configurable time before the start (two hours by default) and closes at the end of the day after the event.</summary>
public sealed class CheckInWindowTests : IAsyncLifetime
{
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task CheckInIsRefusedBeforeTwoHoursAheadAndAfterTheDayAfterTheEvent()
    {
        // Tuesday 24 November 2026, 18:00–20:00 in Oslo (17:00–19:00 UTC).
        var start = new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc);
        var ev = (await _h.Events.AddAsync(startsAt: start)).Id;
        var person = await _h.Users.CreateAsync("Kari Nordmann");
        var staff = await _h.Users.CreateAsync("Ansatt");
        await _h.Events.SignUpAsync(ev, person);
        var registration = (await _h.Events.RegistrationsOfAsync(ev)).Single();

        _h.Clock.SetUtcNow(start.AddHours(-2).AddMinutes(-1));
        var early = await _h.WithAsync((CheckInService r) => r.CheckInAsync(ev, registration.CheckInCode, staff.Id));
        Assert.Equal(CheckInOutcome.TooEarly, early.Outcome);
        Assert.Equal(start.AddHours(-2), early.OpensAt);
        Assert.Null((await _h.Events.RegistrationsOfAsync(ev)).Single().CheckedInAt);

        _h.Clock.SetUtcNow(start.AddHours(-2));
        Assert.Equal(CheckInOutcome.CheckedIn, (await _h.WithAsync((CheckInService r) => r.CheckInAsync(ev, registration.CheckInCode, staff.Id))).Outcome);

        // The day after is Wednesday 25 November; it ends at midnight Oslo time, 23:00 UTC.
        await _h.WithAsync((CheckInService r) => r.UndoCheckInAsync(ev, registration.Id, staff.Id));
        _h.Clock.SetUtcNow(new DateTime(2026, 11, 25, 22, 59, 0, DateTimeKind.Utc));
        Assert.Equal(CheckInOutcome.CheckedIn, (await _h.WithAsync((CheckInService r) => r.CheckInByIdAsync(ev, registration.Id, staff.Id))).Outcome);
        await _h.WithAsync((CheckInService r) => r.UndoCheckInAsync(ev, registration.Id, staff.Id));
        _h.Clock.SetUtcNow(new DateTime(2026, 11, 25, 23, 0, 0, DateTimeKind.Utc));
        Assert.Equal(CheckInOutcome.TooLate, (await _h.WithAsync((CheckInService r) => r.CheckInByIdAsync(ev, registration.Id, staff.Id))).Outcome);
        Assert.Null((await _h.Events.RegistrationsOfAsync(ev)).Single().CheckedInAt);
    }

    [Theory]
    [InlineData(2, 1, "2026-06-10T14:59:00Z", CheckInTiming.TooEarly)]
    [InlineData(2, 1, "2026-06-10T15:00:00Z", CheckInTiming.Open)]
    [InlineData(6, 1, "2026-06-10T11:00:00Z", CheckInTiming.Open)]
    [InlineData(6, 1, "2026-06-10T10:59:00Z", CheckInTiming.TooEarly)]
    // Summer time: the day after (11 June) ends at 22:00 UTC.
    [InlineData(2, 1, "2026-06-11T21:59:00Z", CheckInTiming.Open)]
    [InlineData(2, 1, "2026-06-11T22:00:00Z", CheckInTiming.TooLate)]
    [InlineData(2, 0, "2026-06-10T22:00:00Z", CheckInTiming.TooLate)]
    [InlineData(2, 3, "2026-06-13T21:00:00Z", CheckInTiming.Open)]
    public void TheWindowFollowsTheSettingsInOsloDays(int opensHoursBefore, int closesDaysAfter, string now, CheckInTiming expected)
    {
        // Wednesday 10 June 2026, 19:00–21:00 in Oslo (17:00–19:00 UTC).
        var window = CheckInWindow.From(new EventOptions { CheckInOpensHoursBefore = opensHoursBefore, CheckInClosesDaysAfter = closesDaysAfter });
        var ev = new Event { StartsAt = new DateTime(2026, 6, 10, 17, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 6, 10, 19, 0, 0, DateTimeKind.Utc) };

        Assert.Equal(expected, ev.CheckInTimingAt(DateTimeOffset.Parse(now).UtcDateTime, window));
    }

    [Fact]
    public void BadCheckInSettingsAreNamed()
    {
        var failures = new EventOptionsValidator().Validate(null, new EventOptions { CheckInOpensHoursBefore = -1, CheckInClosesDaysAfter = 31 }).Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Bylab:Events:CheckInOpensHoursBefore") && f.Contains("-1"));
        Assert.Contains(failures, f => f.StartsWith("Bylab:Events:CheckInClosesDaysAfter") && f.Contains("31"));
        Assert.True(new EventOptionsValidator().Validate(null, new EventOptions()).Succeeded);
    }
}
