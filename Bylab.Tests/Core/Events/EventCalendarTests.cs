using CultureInfo = System.Globalization.CultureInfo;
using System.Text;
using Bylab.Core.Events;
using Calendar = Ical.Net.Calendar;
using EventStatus = Bylab.Core.Events.EventStatus;
using Bylab.Tests.Infrastructure;

namespace Bylab.Tests.Core.Events;

/// <summary>The .ics files and the feed are checked by parsing them back with Ical.Net, as a calendar app would read them.</summary>
public sealed class EventCalendarTests
{
    private static readonly DateTime Stamp = new(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Event NewEvent(DateTime startsUtc, DateTime endsUtc, int id = 42) => new()
    {
        Id = id,
        Slug = "apent-mote-om-hamar-mot-2030",
        Title = "Åpent møte om «Hamar mot 2030» – ærlig talt, hva vil vi med byen vår, på Stortorget og langs Mjøsa?",
        Summary = "Kom og si hva du mener om byrommene; vi serverer kaffe, vafler og brunost.",
        StartsAt = startsUtc,
        EndsAt = endsUtc,
        LocationKind = EventLocationKind.Venue,
        Venue = new Bylab.Core.Venue.Venue { Name = "Bylab Hamar", StreetAddress = "Torggata 1", PostalCode = "2317", City = "Hamar" },
        OrganiserName = "Hamar kommune",
        Status = EventStatus.Published,
        Sequence = 3,
    };

    private static CalendarEntry Entry(Event ev, string? online = null) =>
        new(ev, "http://localhost/arrangementer/" + ev.Slug, EventCalendar.LocationText(ev, "Digitalt"), online);

    private static Ical.Net.CalendarComponents.CalendarEvent Single(string ics) => Assert.Single(Calendar.Load(ics)!.Events);

    [Fact]
    public void OneEventRoundTripsWithItsFields()
    {
        var ev = NewEvent(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 19, 30, 0, DateTimeKind.Utc));
        var ics = EventCalendar.Single(Entry(ev), Stamp, "bylab@hamar.kommune.no");

        var calendar = Calendar.Load(ics)!;
        Assert.Equal("PUBLISH", calendar.Method);
        var item = Assert.Single(calendar.Events);
        Assert.Equal("event-42@bylab.hamar.kommune.no", item.Uid);
        Assert.Equal(3, item.Sequence);
        Assert.Equal(ev.Title, item.Summary);
        Assert.Equal("Bylab Hamar, Torggata 1, 2317 Hamar", item.Location);
        Assert.Equal(new Uri("http://localhost/arrangementer/apent-mote-om-hamar-mot-2030"), item.Url);
        Assert.Contains(ev.Summary, item.Description);
        Assert.Contains("http://localhost/arrangementer/apent-mote-om-hamar-mot-2030", item.Description);
        Assert.Equal(Stamp, item.DtStamp!.AsUtc);
        Assert.Equal("CONFIRMED", item.Status);
        Assert.Equal("Europe/Oslo", item.DtStart!.TzId);
        Assert.Equal(ev.StartsAt, item.DtStart.AsUtc);
        Assert.Equal(ev.EndsAt, item.DtEnd!.AsUtc);
        Assert.Equal(18, item.DtStart.Hour);
        Assert.Equal("mailto:bylab@hamar.kommune.no", item.Organizer!.Value!.ToString());
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20261130T180000\r\n", ics);
    }

    [Fact]
    public void ThereIsAVTimezoneForOslo()
    {
        var ev = NewEvent(new DateTime(2026, 6, 10, 16, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 10, 18, 0, 0, DateTimeKind.Utc));
        var calendar = Calendar.Load(EventCalendar.Single(Entry(ev), Stamp))!;
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Oslo", zone.TzId);
        Assert.Equal(18, Single(EventCalendar.Single(Entry(ev), Stamp)).DtStart!.Hour);
    }

    [Fact]
    public void AnEventOverTheNightSummerTimeEndsKeepsItsInstants()
    {
        // Sunday 25 October 2026: at 03:00 summer time the clocks go back to 02:00. 23:00 Saturday to 05:00 Sunday, Oslo.
        var starts = new DateTime(2026, 10, 24, 21, 0, 0, DateTimeKind.Utc);
        var ends = new DateTime(2026, 10, 25, 4, 0, 0, DateTimeKind.Utc);
        var item = Single(EventCalendar.Single(Entry(NewEvent(starts, ends)), Stamp));
        Assert.Equal(starts, item.DtStart!.AsUtc);
        Assert.Equal(ends, item.DtEnd!.AsUtc);
        Assert.Equal((23, 5), (item.DtStart.Hour, item.DtEnd.Hour));
        Assert.Equal(TimeSpan.FromHours(7), item.DtEnd.AsUtc - item.DtStart.AsUtc);
    }

    [Fact]
    public void AnEventOverTheNightSummerTimeBeginsKeepsItsInstants()
    {
        // Sunday 29 March 2026: at 02:00 the clocks jump to 03:00. 23:00 Saturday to 05:00 Sunday, Oslo.
        var starts = new DateTime(2026, 3, 28, 22, 0, 0, DateTimeKind.Utc);
        var ends = new DateTime(2026, 3, 29, 3, 0, 0, DateTimeKind.Utc);
        var item = Single(EventCalendar.Single(Entry(NewEvent(starts, ends)), Stamp));
        Assert.Equal(starts, item.DtStart!.AsUtc);
        Assert.Equal(ends, item.DtEnd!.AsUtc);
        Assert.Equal((23, 5), (item.DtStart.Hour, item.DtEnd.Hour));
        Assert.Equal(TimeSpan.FromHours(5), item.DtEnd.AsUtc - item.DtStart.AsUtc);
    }

    [Theory]
    [InlineData(0, 30)] // 02:30 summer time, the first of the two
    [InlineData(1, 30)] // 02:30 winter time, the second
    public void AStartInTheRepeatedHourIsNotConfused(int utcHour, int minute)
    {
        var starts = new DateTime(2026, 10, 25, utcHour, minute, 0, DateTimeKind.Utc);
        var item = Single(EventCalendar.Single(Entry(NewEvent(starts, starts.AddHours(2))), Stamp));
        Assert.Equal(starts, item.DtStart!.AsUtc);
        Assert.Equal(starts.AddHours(2), item.DtEnd!.AsUtc);
    }

    [Fact]
    public void LinesAreFoldedAt75OctetsWithCrlfAndNorwegianLettersSurvive()
    {
        var ev = NewEvent(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 19, 0, 0, DateTimeKind.Utc));
        var bytes = EventCalendar.Bytes(EventCalendar.Single(Entry(ev), Stamp));
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
        var text = Encoding.UTF8.GetString(bytes);

        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.DoesNotContain("\r", text.Replace("\r\n", ""));
        var lines = text.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));
        Assert.DoesNotContain('\uFFFD', text);

        var item = Single(text);
        Assert.Equal(ev.Title, item.Summary);
        Assert.Contains("vafler og brunost", item.Description);
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("nn")]
    [InlineData("en")]
    public void TheFileIsTheSameInEveryLanguage(string culture)
    {
        var ev = NewEvent(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 19, 0, 0, DateTimeKind.Utc));
        var invariant = EventCalendar.Single(Entry(ev), Stamp);
        var before = CultureInfo.CurrentCulture;
        try
        {
            // Norwegian writes minus as U+2212: the time zone's "BYDAY=-1SU" must not become "−1SU".
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var ics = EventCalendar.Single(Entry(ev), Stamp);
            Assert.Equal(invariant, ics);
            Assert.Contains("BYDAY=-1SU", ics);
            Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void ACancelledEventCancels()
    {
        var ev = NewEvent(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 19, 0, 0, DateTimeKind.Utc));
        ev.Status = EventStatus.Cancelled;
        var calendar = Calendar.Load(EventCalendar.Single(Entry(ev), Stamp))!;
        Assert.Equal("CANCEL", calendar.Method);
        var item = Assert.Single(calendar.Events);
        Assert.Equal("CANCELLED", item.Status);
        Assert.Equal("event-42@bylab.hamar.kommune.no", item.Uid);

        // A participant's own cancelled place cancels too, though the event goes on.
        ev.Status = EventStatus.Published;
        var own = Calendar.Load(EventCalendar.Single(Entry(ev), Stamp, cancel: true))!;
        Assert.Equal(("CANCEL", "CANCELLED"), (own.Method, Assert.Single(own.Events).Status));
    }

    [Fact]
    public void TheOnlineLinkIsInThePersonalFileOnly()
    {
        var ev = NewEvent(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 19, 0, 0, DateTimeKind.Utc));
        ev.LocationKind = EventLocationKind.Online;
        ev.Venue = null;
        ev.OnlineUrl = "https://meet.example.org/hamar-2030";

        var personal = Single(EventCalendar.Single(Entry(ev, ev.OnlineUrl), Stamp));
        var open = Single(EventCalendar.Single(Entry(ev), Stamp));

        Assert.Equal("Digitalt", personal.Location);
        Assert.Contains("https://meet.example.org/hamar-2030", personal.Description);
        Assert.DoesNotContain("meet.example.org", open.Description);
    }

    [Fact]
    public void TheFeedHasManyEventsANameAndARefreshInterval()
    {
        var a = NewEvent(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 19, 0, 0, DateTimeKind.Utc), id: 1);
        var b = NewEvent(new DateTime(2026, 3, 28, 22, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 29, 3, 0, 0, DateTimeKind.Utc), id: 2);
        b.LocationKind = EventLocationKind.Elsewhere;
        b.Venue = null;
        b.PlaceName = "Hamar bibliotek";
        b.PlaceAddress = "Strandgata 1";
        var c = NewEvent(new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc), id: 3);
        c.Status = EventStatus.Cancelled;

        var ics = EventCalendar.Feed("Bylab Hamar – arrangementer", [Entry(a), Entry(b), Entry(c)], Stamp);
        var calendar = Calendar.Load(ics)!;

        Assert.Equal("Bylab Hamar – arrangementer", calendar.Properties.Get<string>("X-WR-CALNAME"));
        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", ics);
        Assert.Contains("X-PUBLISHED-TTL:PT1H\r\n", ics);
        Assert.Single(calendar.TimeZones);
        Assert.Equal(["event-1@bylab.hamar.kommune.no", "event-2@bylab.hamar.kommune.no", "event-3@bylab.hamar.kommune.no"],
            calendar.Events.Select(e => e.Uid));
        Assert.Equal("Hamar bibliotek, Strandgata 1", calendar.Events[1]!.Location);
        Assert.Equal(b.StartsAt, calendar.Events[1]!.DtStart!.AsUtc);
        Assert.Equal(["CONFIRMED", "CONFIRMED", "CANCELLED"], calendar.Events.Select(e => e.Status));
    }
}
