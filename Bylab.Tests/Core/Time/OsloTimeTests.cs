using Bylab.Core.Time;

namespace Bylab.Tests.Core.Time;

public sealed class OsloTimeTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);
    private static DateTime Local(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Unspecified);

    [Fact]
    public void WinterIsOneHourAheadOfUtc() =>
        Assert.Equal(Local(2026, 1, 15, 13, 0), OsloTime.ToOslo(Utc(2026, 1, 15, 12, 0)));

    [Fact]
    public void SummerIsTwoHoursAheadOfUtc() =>
        Assert.Equal(Local(2026, 7, 1, 14, 0), OsloTime.ToOslo(Utc(2026, 7, 1, 12, 0)));

    [Fact]
    public void LocalTimesBecomeUtcWithTheRightOffset()
    {
        Assert.Equal(Utc(2026, 1, 15, 12, 0), OsloTime.ToUtc(Local(2026, 1, 15, 13, 0)));
        Assert.Equal(Utc(2026, 7, 1, 12, 0), OsloTime.ToUtc(Local(2026, 7, 1, 14, 0)));
        Assert.Equal(DateTimeKind.Utc, OsloTime.ToUtc(Local(2026, 7, 1, 14, 0))!.Value.Kind);
    }

    [Fact]
    public void TimeSkippedWhenSummerTimeBeginsDoesNotExist() =>
        Assert.Null(OsloTime.ToUtc(Local(2026, 3, 29, 2, 30)));

    [Fact]
    public void RepeatedHourInOctoberIsTakenAsSummerTime() =>
        Assert.Equal(Utc(2026, 10, 25, 0, 30), OsloTime.ToUtc(Local(2026, 10, 25, 2, 30)));

    [Theory]
    [InlineData("2026-01-01T00:00:00")]
    [InlineData("2026-03-29T00:59:00")]
    [InlineData("2026-03-29T01:00:00")]
    [InlineData("2026-06-30T21:45:00")]
    [InlineData("2026-10-25T00:30:00")]
    [InlineData("2026-10-25T01:30:00")]
    [InlineData("2026-12-31T23:59:00")]
    public void UtcSurvivesTheRoundTripThroughOslo(string utc)
    {
        var instant = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var oslo = OsloTime.ToOslo(instant);
        var back = OsloTime.ToUtc(oslo);
        // The second 02:30 on 25 October (01:30 UTC) reads back as the first: the one loss the rule accepts.
        var expected = instant == Utc(2026, 10, 25, 1, 30) ? Utc(2026, 10, 25, 0, 30) : instant;
        Assert.Equal(expected, back);
    }
}
