using System.Data.Common;
using Bylab.Core.Ideas;
using Bylab.Core.Time;
using Bylab.Core.Venue;

namespace Bylab.Benchmarks;

/// <summary>What the bookings seeder put in, for the venue scenarios and the report.</summary>
/// <param name="OrganisationId">The organisation the sign-up people act for (they also hold the Organiser role).</param>
/// <param name="MeetingRoomId">The space the request scenario asks for.</param>
/// <param name="RequestDates">Monday–Thursday dates the meeting room is free at 21:00–21:45 (no approved use reaches it): each request is a fresh pending one.</param>
/// <param name="BusyWeek">A date in the coming week with the most approved uses: the week scenario shows it.</param>
public sealed record SeededBookings(int Total, int Approved, int Pending, int Cancelled, int Organisations, int OrganisationId, int MeetingRoomId,
    IReadOnlyList<DateOnly> RequestDates, DateOnly BusyWeek, int BusyWeekUses, int BusyYear, int BusyMonth);

public static partial class Seeder
{
    /// <summary>The actors that borrow the Bylab (issue 12), and the one the sign-up people act for.</summary>
    private static readonly string[] Actors =
    [
        "arealplan og kultur", "Ungdomsrådet", "Trepartssamarbeidet", "KS", "Bane NOR", "Nordic Towns", "Dark Arkitekter", "Co Urban", "Sykkelnettverket",
    ];

    private static readonly string[] Purposes =
    [
        "Arbeidsmøte om «Hamar mot 2030»", "Styremøte", "Workshop om Stortorget", "Nettverksmøte", "Informasjonsmøte om dobbeltsporet",
        "Forberedelse til medvirkningsverksted", "Ungdomsrådets månedsmøte", "Gjennomgang av kommuneplanens arealdel", "Sykkelverksted",
        "Digitalt møte med nordiske småbyer", "Trepartsmøte om tiltaksplanen", "Intervjuer med innbyggere",
    ];

    /// <summary>
    /// A year of bookings around today (half past, half ahead) in the Bylab's three spaces, as the actors would
    /// use it: morning, midday and afternoon meetings in the meeting room, workshops in the workshop area, a few days on
    /// the whole venue; never two approved uses of related spaces at once, the events' bookings included (the
    /// database's trigger would refuse it). Past bookings are approved (some cancelled, a few late), coming ones mostly
    /// approved and some still waiting. The sign-up people get the Organiser role and act for Sykkelnettverket.
    /// </summary>
    private static async Task<SeededBookings> InsertBookingsAsync(DbTransaction c, Random random, List<SeedUser> users, DateTime now, CancellationToken ct)
    {
        var venueId = Convert.ToInt32(await Scalar(c, "SELECT Id FROM Venues WHERE Slug = 'bylab'"));
        var spaces = new Dictionary<string, (int Id, int? Parent, int Setup, int Cleanup)>();
        await using (var read = c.Connection!.CreateCommand())
        {
            read.Transaction = c;
            read.CommandText = $"SELECT Id, ParentId, Name, SetupMinutes, CleanupMinutes FROM Spaces WHERE VenueId = {venueId}";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                spaces[reader.GetString(2)] = (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetInt32(3), reader.GetInt32(4));
            }
        }
        var whole = spaces.Values.Single(s => s.Parent is null);
        var (meeting, workshop) = (spaces["Møterommet"], spaces["Verkstedområdet"]);

        await using var organisation = Command(c, """
            INSERT INTO Organisations (Name, ContactName, ContactEmail, MonthlyQuotaHours, IsMunicipality, IsActive, CreatedAt)
            VALUES ($name, $contact, $email, NULL, 0, 1, $created)
            """, "$name", "$contact", "$email", "$created");
        var organisations = new List<int>();
        foreach (var name in Actors)
        {
            await Run(organisation, ct, name, $"Kontakt i {name}", $"{Slugs.From(name, 40)}@example.no", now.AddDays(-400));
            organisations.Add(Convert.ToInt32(await Scalar(c, "SELECT last_insert_rowid()")));
        }
        var borrower = organisations[^1];
        var organiserRole = (string)(await Scalar(c, "SELECT Id FROM AspNetRoles WHERE NormalizedName = 'ORGANISER'"))!;
        await using var role = Command(c, "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, $role)", "$user", "$role");
        await using var member = Command(c, "INSERT INTO OrganisationMembers (OrganisationId, UserId, AddedAt) VALUES ($org, $user, $added)",
            "$org", "$user", "$added");
        foreach (var person in users.Skip(UserCount - SignUpPeople))
        {
            await Run(role, ct, person.Id, organiserRole);
            await Run(member, ct, borrower, person.Id, now.AddDays(-30));
        }

        // What already holds a space: the events' approved bookings.
        var held = new List<(int Space, DateTime From, DateTime Until)>();
        await using (var read = c.Connection!.CreateCommand())
        {
            read.Transaction = c;
            read.CommandText = "SELECT SpaceId, BlockStartsAt, BlockEndsAt FROM Bookings WHERE Status = 'Approved'";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                held.Add((reader.GetInt32(0), reader.GetDateTime(1), reader.GetDateTime(2)));
            }
        }
        bool Related(int a, int b) => a == b || a == whole.Id || b == whole.Id;
        bool Free(int space, DateTime from, DateTime until) => !held.Any(h => Related(h.Space, space) && h.From < until && h.Until > from);

        await using var insert = Command(c, """
            INSERT INTO Bookings (SpaceId, OrganisationId, RequestedById, Kind, Status, StartsAt, EndsAt, BlockStartsAt, BlockEndsAt, Purpose,
                ExpectedPeople, Equipment, IsPublic, DecidedAt, CancelledAt, IsLateCancellation, ChangedByStaff, Sequence, CreatedAt)
            VALUES ($space, $org, NULL, 'Request', $status, $starts, $ends, $from, $until, $purpose,
                $people, 0, $public, $decided, $cancelled, $late, 0, 0, $created)
            """, "$space", "$org", "$status", "$starts", "$ends", "$from", "$until", "$purpose", "$people", "$public", "$decided", "$cancelled",
            "$late", "$created");
        // Each day's candidate uses: (space, start hour, hours, how often).
        (int Space, int Hour, double Hours, double Share, int People)[] weekday =
        [
            (meeting.Id, 9, 2, 0.6, 10), (meeting.Id, 12, 2, 0.4, 8), (meeting.Id, 16, 2, 0.5, 12),
            (workshop.Id, 9, 3, 0.3, 24), (workshop.Id, 14, 2, 0.3, 20), (whole.Id, 9, 6, 0.05, 55),
        ];
        (int Space, int Hour, double Hours, double Share, int People)[] saturday = [(workshop.Id, 10, 3, 0.4, 25)];
        var today = DateOnly.FromDateTime(OsloTime.ToOslo(now));
        int approved = 0, pending = 0, cancelled = 0;
        var perDay = new Dictionary<DateOnly, int>();
        for (var date = today.AddDays(-182); date <= today.AddDays(183); date = date.AddDays(1))
        {
            if (date.DayOfWeek == DayOfWeek.Sunday || NorwegianHolidays.On(date) is not null)
            {
                continue;
            }
            foreach (var (space, hour, hours, share, people) in date.DayOfWeek == DayOfWeek.Saturday ? saturday : weekday)
            {
                if (random.NextDouble() >= share)
                {
                    continue;
                }
                var starts = OsloTime.ToUtc(date.ToDateTime(new TimeOnly(hour, 0)))!.Value;
                var ends = starts.AddHours(hours);
                var buffers = spaces.Values.Single(s => s.Id == space);
                var (from, until) = (starts.AddMinutes(-buffers.Setup), ends.AddMinutes(buffers.Cleanup));
                var past = ends <= now;
                var roll = random.Next(100);
                var status = past ? (roll < 6 ? "Cancelled" : "Approved") : roll < 75 ? "Approved" : roll < 93 ? "Pending" : "Cancelled";
                if (status == "Approved" && !Free(space, from, until))
                {
                    continue;
                }
                var created = starts.AddDays(-random.Next(5, 60));
                if (created > now)
                {
                    created = now.AddDays(-random.Next(1, 5));
                }
                DateTime? cancelledAt = status == "Cancelled" ? created + (Min(starts, now) - created) * random.NextDouble() : null;
                await Run(insert, ct, space, organisations[random.Next(organisations.Count - 1)], status, starts, ends, from, until,
                    Purposes[random.Next(Purposes.Length)], Math.Min(people, space == meeting.Id ? 14 : 60), random.Next(10) == 0,
                    status == "Pending" ? null : created.AddDays(1), cancelledAt, cancelledAt is { } at && starts - at < TimeSpan.FromHours(48), created);
                if (status == "Approved")
                {
                    held.Add((space, from, until));
                    approved++;
                    perDay[date] = perDay.GetValueOrDefault(date) + 1;
                }
                else if (status == "Pending")
                {
                    pending++;
                }
                else
                {
                    cancelled++;
                }
            }
        }

        // The request scenario's evenings: Monday–Thursday, 2 to 110 days ahead (the meeting room's notice and horizon), free at 21:00–21:45.
        var requestDates = Enumerable.Range(2, 109).Select(d => today.AddDays(d))
            .Where(d => d.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday && NorwegianHolidays.On(d) is null)
            .Where(d => Free(meeting.Id, OsloTime.ToUtc(d.ToDateTime(new TimeOnly(20, 45)))!.Value, OsloTime.ToUtc(d.ToDateTime(new TimeOnly(22, 0)))!.Value))
            .ToList();
        var busyWeek = perDay.Where(p => p.Key > today && p.Key <= today.AddDays(56)).OrderByDescending(p => p.Value).First().Key;
        var busyMonth = perDay.Where(p => p.Key > today).GroupBy(p => (p.Key.Year, p.Key.Month)).OrderByDescending(g => g.Sum(p => p.Value)).First().Key;
        var monday = busyWeek.AddDays(-(((int)busyWeek.DayOfWeek + 6) % 7));
        return new SeededBookings(approved + pending + cancelled, approved, pending, cancelled, organisations.Count, borrower, meeting.Id, requestDates,
            busyWeek, Enumerable.Range(0, 7).Sum(d => perDay.GetValueOrDefault(monday.AddDays(d))), busyMonth.Year, busyMonth.Month);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
