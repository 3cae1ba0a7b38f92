using System.Text;
using Bylab.Core.Events;
using Bylab.Core.Venue;
using Bylab.Tests.Infrastructure;
using Calendar = Ical.Net.Calendar;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// Text that leaves the page – into calendar files, mails, CSV – stays on its line: the service refuses control
/// characters in single-line fields, and the calendar writer escapes whatever is stored all the same.
/// Dates have bounds on both sides, so no event reaches a year the calendar and the mails cannot handle.
/// </summary>
public sealed class EventTextSafetyTests : IAsyncLifetime
{
    private const string Injection = "Ola\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:falsk@example.org\r\nSUMMARY:Gratis konsert\r\nORGANIZER;CN=\"x\":mailto:x@example.org";
    private CoreHarness _core = null!;
    private string _staffId = "";

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        _staffId = (await _core.Users.CreateAsync("Sindre Bylab-ansatt", roles: [Bylab.Core.Accounts.Roles.Staff])).Id;
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<EventSaveResult> CreateAsync(EventInput input) => _core.WithAsync<EventService, EventSaveResult>(s => s.CreateAsync(input, EventActor.Staff(_staffId)));

    public static TheoryData<string> SingleLineFields =>
    [
        nameof(EventInput.Title), nameof(EventInput.PlaceName),
        nameof(EventInput.PlaceAddress), nameof(EventInput.Question), nameof(EventInput.OnlineUrl),
    ];

    [Theory]
    [MemberData(nameof(SingleLineFields))]
    public async Task ServiceRefusesLineBreaksInSingleLineFields(string field)
    {
        var input = field switch
        {
            nameof(EventInput.Title) => _core.Events.Input() with { Title = "Åpent møte\r\nSUMMARY:Falsk" },
            nameof(EventInput.PlaceName) => _core.Events.Input(location: EventLocationKind.Elsewhere) with { PlaceName = "Hamar\nbibliotek" },
            nameof(EventInput.PlaceAddress) => _core.Events.Input(location: EventLocationKind.Elsewhere) with { PlaceAddress = "Strandgata\u2028 45" },
            nameof(EventInput.Question) => _core.Events.Input() with { Question = "Hva heter du?\u0000" },
            _ => _core.Events.Input(location: EventLocationKind.Online) with { OnlineUrl = "https://video.example.org/\u001bmote" },
        };

        var result = await CreateAsync(input);

        Assert.Equal(EventSaveOutcome.InvalidInput, result.Outcome);
        Assert.Contains(new EventInputError(field, EventInputErrors.NotOneLine), result.Errors!);
        Assert.Equal(0, await _core.WithDbAsync(db => Task.FromResult(db.Events.Count())));
    }

    [Fact]
    public async Task SummaryAndDescriptionMayHaveLineBreaksButNoOtherControlCharacters()
    {
        var ok = await CreateAsync(_core.Events.Input() with { Summary = "Første linje\nandre linje", DescriptionMarkdown = "# Tittel\r\n\r\nTekst" });
        Assert.Equal(EventSaveOutcome.Saved, ok.Outcome);

        var bad = await CreateAsync(_core.Events.Input(startsAt: _core.Now.AddDays(20)) with { Summary = "Kort\u0007", DescriptionMarkdown = "Tekst\u001b[2J" });
        Assert.Equal(EventSaveOutcome.InvalidInput, bad.Outcome);
        Assert.Contains(new EventInputError(nameof(EventInput.Summary), EventInputErrors.ControlCharacters), bad.Errors!);
        Assert.Contains(new EventInputError(nameof(EventInput.DescriptionMarkdown), EventInputErrors.ControlCharacters), bad.Errors!);
    }

    public static TheoryData<string, int, int> FarDates => new()
    {
        // field, years from now for the start, years for the registration opening (0 = none)
        { nameof(EventInput.StartsAt), 7973, 0 },
        { nameof(EventInput.StartsAt), 6, 0 },
        { nameof(EventInput.RegistrationOpensAt), 1, -30 },
    };

    [Theory]
    [MemberData(nameof(FarDates))]
    public async Task DatesOutsideSensibleBoundsAreRefused(string field, int startYears, int opensYears)
    {
        var start = _core.Now.AddYears(startYears);
        var input = _core.Events.Input(startsAt: start) with { RegistrationOpensAt = opensYears == 0 ? null : _core.Now.AddYears(opensYears) };

        var result = await CreateAsync(input);

        Assert.Equal(EventSaveOutcome.InvalidInput, result.Outcome);
        Assert.Contains(new EventInputError(field, EventInputErrors.TimeOutOfRange), result.Errors!);
    }

    [Fact]
    public async Task AnEventFourYearsAheadIsFine()
    {
        var result = await CreateAsync(_core.Events.Input(startsAt: _core.Now.AddYears(4)));
        Assert.Equal(EventSaveOutcome.Saved, result.Outcome);
    }

    [Fact]
    public void CalendarFileWithAnOrganiserNameFullOfLineBreaksHoldsOneEvent()
    {
        var ev = StoredEvent(organiser: Injection, title: "Møte\r\nSUMMARY:Falsk");

        var single = EventCalendar.Single(new CalendarEntry(ev, "https://bylab.example/arrangementer/mote", "Bylab\r\nHamar"), _core.Now, "bylab@hamar.kommune.no");
        var feed = EventCalendar.Feed("Bylab\r\nX-INJECTED:ja", [new CalendarEntry(ev, "https://bylab.example/arrangementer/mote", "Bylab")], _core.Now, "bylab@hamar.kommune.no");

        foreach (var text in new[] { single, feed })
        {
            var lines = Unfold(text);
            Assert.Single(lines, l => l == "BEGIN:VEVENT");
            Assert.DoesNotContain(lines, l => l.StartsWith("SUMMARY:Gratis", StringComparison.Ordinal) || l.StartsWith("UID:falsk", StringComparison.Ordinal)
                || l.StartsWith("SUMMARY:Falsk", StringComparison.Ordinal) || l.StartsWith("X-INJECTED", StringComparison.Ordinal));
            var calendar = Calendar.Load(text)!;
            var item = Assert.Single(calendar.Events);
            Assert.Equal(EventCalendar.Uid(ev.Id), item.Uid);
            var commonName = item.Organizer!.CommonName ?? "";
            Assert.DoesNotContain("\n", commonName);
            Assert.DoesNotContain("\"", commonName);
            Assert.StartsWith("Ola END:VEVENT", commonName);
        }
    }

    /// <summary>RFC 5545 content lines with folding undone: a line that starts with a space continues the one before.</summary>
    private static List<string> Unfold(string ics)
    {
        var lines = new List<string>();
        foreach (var raw in ics.Split("\r\n"))
        {
            if (raw.StartsWith(' ') && lines.Count > 0)
            {
                lines[^1] += raw[1..];
            }
            else
            {
                lines.Add(raw);
            }
        }
        return lines;
    }

    private Event StoredEvent(string organiser, string title) => new()
    {
        Id = 42,
        Slug = "mote",
        Title = title,
        Summary = "Kort.",
        StartsAt = _core.Now.AddDays(3),
        EndsAt = _core.Now.AddDays(3).AddHours(2),
        LocationKind = EventLocationKind.Venue,
        Venue = new Bylab.Core.Venue.Venue { Name = "Bylab Hamar", StreetAddress = "Torggata 1", PostalCode = "2317", City = "Hamar" },
        OrganiserName = organiser,
        Status = EventStatus.Published,
    };

    [Fact]
    public void TheUnfoldHelperSeesFoldedLines() =>
        Assert.Contains("SUMMARY:abc", Unfold(Encoding.ASCII.GetString("SUMMARY:a\r\n bc\r\n"u8.ToArray())));
}
