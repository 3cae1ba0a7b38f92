using System.Data.Common;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Time;

namespace Bylab.Benchmarks;

/// <summary>What the events seeder put in, as far as the scenarios and the report need to know it.</summary>
/// <param name="Slugs">Published (not cancelled) events: the event-page scenario picks one at random.</param>
/// <param name="SignUpSlugs">The big events (10,000 places) that the sign-up people have not signed up for.</param>
/// <param name="BusyYear">The Oslo month with the most public events: the month-calendar scenario shows it.</param>
public sealed record SeededEvents(
    IReadOnlyList<string> Slugs,
    IReadOnlyList<string> SignUpSlugs,
    int Published,
    int Cancelled,
    int Drafts,
    int Registrations,
    int Confirmed,
    int Waitlisted,
    int BusyYear,
    int BusyMonth,
    int BusyMonthEvents);

public static partial class Seeder
{
    /// <summary>Published events over the next six months, the big sign-up events included.</summary>
    public const int PublishedEventCount = 300;
    public const int CancelledEventCount = 8;
    public const int DraftEventCount = 20;
    /// <summary>Seeded sign-ups over all events (live, cancelled and unconfirmed alike).</summary>
    public const int RegistrationTarget = 15_000;
    /// <summary>
    /// The last users: logged in for the sign-up scenario (the last <see cref="VoterCount"/> of them also vote).
    /// They hold no seeded registration, so every (person, big event) pair is a fresh sign-up.
    /// </summary>
    public const int SignUpPeople = 200;
    public const int BigEventCapacity = Event.MaxCapacity;

    /// <summary>How many big events give <paramref name="signUpsNeeded"/> distinct (person, event) pairs.</summary>
    public static int BigEventsFor(int signUpsNeeded) => Math.Clamp((signUpsNeeded + SignUpPeople - 1) / SignUpPeople, 1, PublishedEventCount / 2);

    private sealed record SeedEvent(int Id, string Slug, DateTime StartsAt, DateTime PublishedAt, int Capacity, int MaxCompanions,
        bool AskNeeds, string? Question, bool RegistrationOpen, string Status, bool Big, DateTime? CancelledAt);

    /// <summary>
    /// A programme as the Bylab would run it: mostly in the Bylab's own room (one event per slot, at most its 60 places),
    /// some elsewhere in Hamar or online; a few cancelled, some drafts that the public must not see; sign-ups confirmed
    /// up to capacity and then waitlisted in order. <paramref name="bigEvents"/> of the published events are online streams
    /// and outdoor events with 10,000 places, for the sign-up scenario.
    /// </summary>
    private static async Task<SeededEvents> InsertEventsAsync(DbTransaction c, Random random, List<SeedUser> users, int[] themeIds,
        int bigEvents, DateTime now, CancellationToken ct)
    {
        var venueId = Convert.ToInt32(await Scalar(c, "SELECT Id FROM Venues WHERE Slug = 'bylab'"));
        var venueCapacity = Convert.ToInt32(await Scalar(c, $"SELECT Capacity FROM Venues WHERE Id = {venueId}"));
        // An event in the Bylab takes its slot through an approved booking of the whole venue, its buffers held (issue 12).
        var wholeVenue = Convert.ToInt32(await Scalar(c, $"SELECT Id FROM Spaces WHERE VenueId = {venueId} AND ParentId IS NULL"));
        var (setup, cleanup) = (Convert.ToInt32(await Scalar(c, $"SELECT SetupMinutes FROM Spaces WHERE Id = {wholeVenue}")),
            Convert.ToInt32(await Scalar(c, $"SELECT CleanupMinutes FROM Spaces WHERE Id = {wholeVenue}")));
        var municipality = Convert.ToInt32(await Scalar(c, "SELECT Id FROM Organisations WHERE IsMunicipality = 1 ORDER BY Id LIMIT 1"));
        await using var booking = Command(c, """
            INSERT INTO Bookings (SpaceId, OrganisationId, Kind, Status, StartsAt, EndsAt, BlockStartsAt, BlockEndsAt, Purpose, ExpectedPeople,
                Equipment, IsPublic, DecidedAt, IsLateCancellation, ChangedByStaff, Sequence, CreatedAt)
            VALUES ($space, $org, 'Event', 'Approved', $starts, $ends, $from, $until, $purpose, $people, 0, 0, $created, 0, 0, 0, $created)
            """, "$space", "$org", "$starts", "$ends", "$from", "$until", "$purpose", "$people", "$created");
        await using var insert = Command(c, """
            INSERT INTO Events (Id, Slug, Title, Summary, DescriptionMarkdown, ThemeId, Audience, StartsAt, EndsAt, LocationKind, VenueId, SpaceId,
                BookingId, PlaceName, PlaceAddress, OnlineUrl, OrganisationId, OrganiserName, OwnerId, Capacity, RegistrationOpensAt, RegistrationClosesAt,
                MaxCompanions, AskNeeds, Question, ReminderHoursBefore, Status, PublishedAt, CancelledAt, CancellationMessage, Sequence, CreatedAt, UpdatedAt)
            VALUES ($id, $slug, $title, $summary, $description, $theme, $audience, $starts, $ends, $kind, $venue, $space,
                $booking, $placeName, $placeAddress, $online, $org, $organiser, NULL, $capacity, $opens, $closes,
                $companions, $needs, $question, $reminder, $status, $published, $cancelled, $message, 0, $created, NULL)
            """, "$id", "$slug", "$title", "$summary", "$description", "$theme", "$audience", "$starts", "$ends", "$kind", "$venue", "$space",
            "$booking", "$placeName", "$placeAddress", "$online", "$org", "$organiser", "$capacity", "$opens", "$closes",
            "$companions", "$needs", "$question", "$reminder", "$status", "$published", "$cancelled", "$message", "$created");

        var total = PublishedEventCount + CancelledEventCount + DraftEventCount;
        // Which events are cancelled, drafts or big: spread over the list, so over the six months.
        var statuses = Enumerable.Repeat("Published", PublishedEventCount).Concat(Enumerable.Repeat("Cancelled", CancelledEventCount))
            .Concat(Enumerable.Repeat("Draft", DraftEventCount)).OrderBy(_ => random.Next()).ToArray();
        var publishedIndexes = Enumerable.Range(0, total).Where(i => statuses[i] == "Published").ToArray();
        var big = new HashSet<int>(Enumerable.Range(0, bigEvents).Select(k => publishedIndexes[k * publishedIndexes.Length / bigEvents]));
        var takenSlots = new HashSet<(int Day, int Slot)>();
        var slugs = new HashSet<string>(EventSlugs.Reserved, StringComparer.Ordinal);
        var events = new List<SeedEvent>(total);
        var audiences = Enum.GetNames<EventAudience>();
        for (var i = 0; i < total; i++)
        {
            var id = i + 1;
            var status = statuses[i];
            var isBig = big.Contains(i);
            // From two days ahead (no reminders fall due while the benchmark runs) to six months ahead.
            var day = 2 + i * 180 / total + random.Next(0, 3);
            var kind = isBig ? (i % 2 == 0 ? "Online" : "Elsewhere") : random.Next(100) switch { < 72 => "Venue", < 88 => "Elsewhere", _ => "Online" };
            TimeOnly startTime;
            int minutes;
            if (kind == "Venue")
            {
                // The Bylab's room holds one event at a time: morning, afternoon or evening slot, each taken once.
                var slot = random.Next(3);
                while (!takenSlots.Add((day, slot)))
                {
                    (day, slot) = slot == 2 ? (day + 1, 0) : (day, slot + 1);
                }
                startTime = slot switch { 0 => new TimeOnly(10, 0), 1 => new TimeOnly(13, 0), _ => new TimeOnly(18, 0) };
                minutes = random.Next(4, 9) * 15;
            }
            else
            {
                startTime = new TimeOnly(random.Next(9, 20), random.Next(2) * 30);
                minutes = random.Next(4, 13) * 15;
            }
            var localStart = DateOnly.FromDateTime(OsloTime.ToOslo(now)).AddDays(day).ToDateTime(startTime);
            // 09:00–19:30 always exists in Oslo (the clocks change at night).
            var starts = OsloTime.ToUtc(localStart)!.Value;
            var ends = starts.AddMinutes(minutes);

            var title = isBig ? BigTitle(random, kind, i) : EventTitle(random);
            var baseSlug = Slugs.From(title, 90);
            var slug = baseSlug;
            for (var n = 2; !slugs.Add(slug); n++)
            {
                slug = $"{baseSlug}-{n}";
            }
            var capacity = isBig ? BigEventCapacity : kind == "Venue" ? random.Next(20, venueCapacity + 1) : random.Next(20, 81);
            var created = now.AddDays(-random.Next(10, 90)).AddMinutes(-random.Next(0, 600));
            DateTime? published = status == "Draft" ? null : created.AddDays(random.Next(0, 8));
            // A few events far ahead open for sign-up later; some close the day before.
            var opensLater = !isBig && status == "Published" && day > 120 && random.Next(4) == 0;
            DateTime? opens = opensLater ? now.AddDays(random.Next(7, 30)) : null;
            DateTime? closes = !isBig && random.Next(5) == 0 ? starts.AddDays(-1) : null;
            var companions = isBig ? 2 : random.Next(3) == 0 ? 0 : random.Next(1, 4);
            var needs = !isBig && random.Next(5) < 2;
            var question = !isBig && random.Next(5) == 0 ? "Hva håper du å få ut av dagen?" : null;
            // Called off some time after publication, a day ago at the latest.
            var cancelledAt = status == "Cancelled" ? published + (now.AddDays(-1) - published) * (0.6 + 0.35 * random.NextDouble()) : (DateTime?)null;
            string? placeName = null, placeAddress = null, online = null;
            if (kind == "Elsewhere")
            {
                (placeName, placeAddress) = isBig ? ("Stortorget", "Stortorget, 2317 Hamar") : Text.EventPlaces[random.Next(Text.EventPlaces.Length)];
            }
            else if (kind == "Online")
            {
                online = $"https://meet.example.no/bylab/{slug}";
            }
            long? bookingId = null;
            if (kind == "Venue" && status == "Published")
            {
                await Run(booking, ct, wholeVenue, municipality, starts, ends, starts.AddMinutes(-setup), ends.AddMinutes(cleanup), title, capacity, created);
                bookingId = Convert.ToInt64(await Scalar(c, "SELECT last_insert_rowid()"));
            }
            await Run(insert, ct, id, slug, title, Text.EventSummary(random, title), Text.Body(random),
                random.Next(6) == 0 ? null : themeIds[random.Next(themeIds.Length)],
                isBig || random.Next(2) == 0 ? "Everyone" : audiences[random.Next(audiences.Length)],
                starts, ends, kind, kind == "Venue" ? venueId : null, kind == "Venue" ? wholeVenue : null, bookingId, placeName, placeAddress, online,
                municipality, Text.Organisers[random.Next(Text.Organisers.Length)], capacity, opens, closes, companions, needs, question,
                random.Next(6) == 0 ? null : 24, status, published, cancelledAt,
                cancelledAt is null ? null : "Vi må dessverre avlyse. Vi setter opp en ny dato så snart vi kan.", created);
            events.Add(new SeedEvent(id, slug, starts, published ?? created, capacity, companions, needs, question,
                !opensLater, status, isBig, cancelledAt));
        }

        var (registrations, confirmed, waitlisted) = await InsertRegistrationsAsync(c, random, users, events, now, ct);

        var busiest = events.Where(e => e.Status != "Draft")
            .GroupBy(e => (OsloTime.ToOslo(e.StartsAt).Year, OsloTime.ToOslo(e.StartsAt).Month))
            .OrderByDescending(g => g.Count()).First();
        return new SeededEvents(
            events.Where(e => e.Status == "Published").Select(e => e.Slug).ToList(),
            events.Where(e => e.Big).Select(e => e.Slug).ToList(),
            PublishedEventCount, CancelledEventCount, DraftEventCount, registrations, confirmed, waitlisted,
            busiest.Key.Year, busiest.Key.Month, busiest.Count());
    }

    /// <summary>
    /// About <see cref="RegistrationTarget"/> sign-ups. Each event is filled in time order as SignUpService and EventPlaces would:
    /// confirmed while the places (1 + companions) fit and nobody waits, then waitlisted with WaitlistedAt increasing.
    /// Some are cancelled by the participant, a few guests have not yet confirmed their e-mail; a cancelled event's
    /// sign-ups are all cancelled with it. Accounts are the first users only (never the sign-up people); guests have
    /// their own addresses; one person at most once per event, so both partial unique indexes hold.
    /// </summary>
    private static async Task<(int Rows, int Confirmed, int Waitlisted)> InsertRegistrationsAsync(DbTransaction c, Random random,
        List<SeedUser> users, List<SeedEvent> events, DateTime now, CancellationToken ct)
    {
        await using var insert = Command(c, """
            INSERT INTO Registrations (Id, EventId, UserId, Name, Email, NormalizedEmail, Companions, Needs, Answer, Culture, Status,
                ManageToken, CheckInCode, CreatedAt, EmailConfirmedAt, ConsentedAt, ConfirmedAt, WaitlistedAt, PromotedAt, CancelledAt,
                CancelledBy, CheckedInAt, CheckedInById)
            VALUES ($id, $event, $user, $name, $email, $normalized, $companions, $needs, $answer, $culture, $status,
                $token, $code, $created, $emailConfirmed, $created, $confirmed, $waitlisted, NULL, $cancelled,
                $cancelledBy, NULL, NULL)
            """, "$id", "$event", "$user", "$name", "$email", "$normalized", "$companions", "$needs", "$answer", "$culture", "$status",
            "$token", "$code", "$created", "$emailConfirmed", "$confirmed", "$waitlisted", "$cancelled", "$cancelledBy");

        var accounts = UserCount - SignUpPeople;
        const int guests = 40_000;
        var open = events.Where(e => e.Status != "Draft" && e.RegistrationOpen).ToList();
        var normal = open.Where(e => !e.Big).ToList();
        // Demand per ordinary event as a share of its capacity: many half full, a good number oversubscribed.
        var demand = normal.ToDictionary(e => e.Id, e => (int)Math.Round(e.Capacity * (0.35 + 1.25 * Math.Pow(random.NextDouble(), 0.8))));
        var scale = Math.Min(1.0, RegistrationTarget * 0.85 / Math.Max(1, demand.Values.Sum()));
        foreach (var e in normal)
        {
            demand[e.Id] = Math.Max(1, (int)(demand[e.Id] * scale));
        }
        var bigEvents = open.Where(e => e.Big).ToList();
        var rest = RegistrationTarget - demand.Values.Sum();
        foreach (var e in bigEvents)
        {
            demand[e.Id] = Math.Max(20, rest / bigEvents.Count);
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var id = 0;
        int confirmedRows = 0, waitlistedRows = 0;
        var people = new HashSet<int>();
        foreach (var e in open)
        {
            people.Clear();
            var count = demand[e.Id];
            // Sign-up times between publication and now (or the cancellation), in order: the order decides who got a place.
            var until = e.CancelledAt ?? now;
            var times = Enumerable.Range(0, count).Select(_ => e.PublishedAt + (until - e.PublishedAt) * random.NextDouble()).Order().ToList();
            var places = 0;
            var waiting = false;
            foreach (var at in times)
            {
                id++;
                int person;
                do
                {
                    person = random.Next(5) < 2 ? random.Next(accounts) : accounts + random.Next(guests);
                }
                while (!people.Add(person));
                var isAccount = person < accounts;
                var name = isAccount ? users[person].Name
                    : $"{Text.FirstNames[person % Text.FirstNames.Length]} {Text.LastNames[person / 7 % Text.LastNames.Length]}";
                var email = isAccount ? users[person].Email : $"gjest{person - accounts:00000}@example.no";
                var companions = e.MaxCompanions == 0 ? 0 : random.Next(10) switch { < 7 => 0, < 9 => 1, _ => Math.Min(2, e.MaxCompanions) };
                string? code;
                do
                {
                    code = Registration.NewCheckInCode();
                }
                while (!codes.Add(code));

                // Guests confirm their address a few minutes after the form; accounts at once.
                var createdAt = isAccount ? at : at.AddMinutes(-random.Next(1, 30));
                var status = "Confirmed";
                DateTime? emailConfirmed = at, confirmedAt = null, waitlistedAt = null, cancelledAt = null;
                string? cancelledBy = null;
                if (!isAccount && at > now.AddHours(-20) && random.Next(3) == 0)
                {
                    // Has not followed the link yet (expires after 48 h): holds nothing.
                    status = "Unconfirmed";
                    emailConfirmed = null;
                }
                else if (random.Next(25) == 0)
                {
                    status = "Cancelled";
                    cancelledBy = "Participant";
                    cancelledAt = at + (until - at) * random.NextDouble();
                }
                else if (!waiting && places + 1 + companions <= e.Capacity)
                {
                    places += 1 + companions;
                    confirmedAt = at;
                }
                else
                {
                    waiting = true;
                    status = "Waitlisted";
                    waitlistedAt = at;
                }
                if (e.Status == "Cancelled" && status != "Cancelled")
                {
                    status = "Cancelled";
                    cancelledBy = "EventCancelled";
                    cancelledAt = e.CancelledAt;
                }
                confirmedRows += status == "Confirmed" ? 1 : 0;
                waitlistedRows += status == "Waitlisted" ? 1 : 0;
                await Run(insert, ct, id, e.Id, isAccount ? users[person].Id : null, name, email, email.ToUpperInvariant(), companions,
                    e.AskNeeds && random.Next(8) == 0 ? "Rullestol, trenger plass ved bordet." : null,
                    e.Question is not null && random.Next(2) == 0 ? "Å møte andre som vil gjøre noe for byen." : null,
                    isAccount ? (person % 7 == 0 ? "nn" : "nb") : random.Next(12) switch { 0 => "en", 1 => "nn", _ => "nb" },
                    status, Registration.NewManageToken(), code, createdAt, emailConfirmed, confirmedAt, waitlistedAt, cancelledAt, cancelledBy);
            }
        }
        return (id, confirmedRows, waitlistedRows);
    }

    private static string EventTitle(Random random) =>
        $"{Text.EventFormats[random.Next(Text.EventFormats.Length)]}: {Text.EventTopics[random.Next(Text.EventTopics.Length)]}";

    private static string BigTitle(Random random, string kind, int i) => kind == "Online"
        ? $"Digitalt folkemøte: {Text.EventTopics[random.Next(Text.EventTopics.Length)].ToLowerInvariant()} (strømmet)"
        : $"Bylabdagen på Stortorget: {Text.EventTopics[random.Next(Text.EventTopics.Length)].ToLowerInvariant()}";
}
