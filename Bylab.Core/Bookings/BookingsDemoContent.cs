using Bylab.Core.Data;
using Bylab.Core.Organisations;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Bookings;

/// <summary>
/// The actors that borrow the Bylab, and a month of bookings around the work on «Hamar mot 2030», for a new Development
/// database: Ungdomsrådet's monthly meeting as a series, Bane NOR's open information evening (its event), Dark Arkitekter
/// preparing their workshop, a KS network day on the whole venue, the municipality's own blocks, a summer closing, and
/// requests waiting for staff (one with another time suggested). Times are Oslo wall-clock times relative to today.
/// </summary>
internal static class BookingsDemoContent
{
    private const string Staff = "ansatt@demo.bylab.no";
    private const string Organiser = "arrangor@demo.bylab.no";
    private const string Youth = "ungdom@demo.bylab.no";

    /// <summary>Name, contact, e-mail, quota (hours a month) and the demo members.</summary>
    private static readonly (string Name, string Contact, string Email, int? Quota, string[] Members)[] Actors =
    [
        ("arealplan og kultur", "Ingvild Arealsen", "arealplan@example.com", null, []),
        ("Ungdomsrådet", "Sara Ungdom", "ungdomsradet@example.com", 12, [Youth]),
        ("Trepartssamarbeidet", "Trond Trepart", "trepart@example.com", 8, []),
        ("KS", "Kari Kommunesektor", "ks@example.com", 16, []),
        ("Bane NOR", "Bjørn Bane", "banenor@example.com", 10, []),
        ("Nordic Towns", "Nora Towns", "nordictowns@example.com", 6, []),
        ("Dark Arkitekter", "Ola Arkitekt", "dark@example.com", 20, [Organiser]),
        ("Co Urban", "Cora Urban", "courban@example.com", 6, []),
        ("Sykkelnettverket", "Sigurd Sykkel", "sykkel@example.com", 6, []),
    ];

    /// <summary>The organisations and who acts for them; staff belong to Hamar kommune.</summary>
    public static async Task SeedOrganisationsAsync(BylabDbContext db, IReadOnlyDictionary<string, string> users, DateTime now, CancellationToken ct)
    {
        foreach (var (name, contact, email, quota, members) in Actors)
        {
            var organisation = new Organisation { Name = name, ContactName = contact, ContactEmail = email, MonthlyQuotaHours = quota, CreatedAt = now.AddDays(-60) };
            organisation.Members.AddRange(members.Select(m => new OrganisationMember { UserId = users[m], AddedAt = now.AddDays(-60) }));
            db.Organisations.Add(organisation);
        }
        var municipality = await db.Organisations.SingleAsync(o => o.IsMunicipality, ct);
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = municipality.Id, UserId = users[Staff], AddedAt = now.AddDays(-60) });
        await db.SaveChangesAsync(ct);
    }

    public static async Task SeedBookingsAsync(BylabDbContext db, IReadOnlyDictionary<string, string> users, DateTime now, CancellationToken ct)
    {
        var venue = await db.Venues.SingleAsync(v => v.Slug == Venue.Venue.BylabSlug, ct);
        var spaces = await db.Spaces.Where(s => s.VenueId == venue.Id).ToListAsync(ct);
        var whole = spaces.Single(s => s.ParentId == null);
        var meeting = spaces.FirstOrDefault(s => s.ParentId != null && s.Equipment.HasFlag(SpaceEquipment.VideoMeeting)) ?? whole;
        var workshop = spaces.FirstOrDefault(s => s.ParentId != null && s != meeting) ?? whole;
        var orgs = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        var today = OsloTime.ToOslo(now).Date;
        var d = new DemoBookings(db, now, today);

        var youthSeries = new BookingSeries { Interval = RepeatInterval.EveryFourWeeks, Occurrences = 4, CreatedAt = now.AddDays(-12) };
        for (var n = 0; n < 4; n++)
        {
            await d.AddAsync(meeting, orgs["Ungdomsrådet"], users[Youth], "Ungdomsrådets månedsmøte: innspill til «Hamar mot 2030»", 14,
                d.On(n * 4, DayOfWeek.Monday, 18), TimeSpan.FromHours(2), n < 2 ? BookingStatus.Approved : BookingStatus.Pending,
                series: youthSeries, equipment: SpaceEquipment.Screen | SpaceEquipment.Chairs);
        }
        await d.AddAsync(workshop, orgs["Dark Arkitekter"], users[Organiser], "Forberedelse til verkstedet om sentrum", 4,
            d.On(1, DayOfWeek.Tuesday, 13), TimeSpan.FromHours(3), BookingStatus.Approved, equipment: SpaceEquipment.Whiteboard);
        await d.AddAsync(whole, orgs["KS"], null, "KS nettverkssamling: smarte og bærekraftige byer", 55,
            d.On(2, DayOfWeek.Wednesday, 9), TimeSpan.FromHours(6.5), BookingStatus.Approved, equipment: SpaceEquipment.Screen | SpaceEquipment.Sound | SpaceEquipment.Kitchen);
        await d.AddAsync(meeting, orgs["Trepartssamarbeidet"], null, "Trepartsmøte om tiltaksplanen", 10,
            d.On(1, DayOfWeek.Friday, 9), TimeSpan.FromHours(2), BookingStatus.Approved);
        await d.AddAsync(whole, orgs["Hamar kommune"], users[Staff], "Personalmøte i Hamar kommune", 20,
            d.On(0, DayOfWeek.Friday, 8), TimeSpan.FromHours(1.5), BookingStatus.Approved, kind: BookingKind.Block);

        // Waiting for staff: the queue has something to decide.
        await d.AddAsync(meeting, orgs["Co Urban"], null, "Arbeidsmøte om midlertidige tiltak på Stortorget", 8,
            d.On(2, DayOfWeek.Tuesday, 13), TimeSpan.FromHours(2), BookingStatus.Pending, createdDaysAgo: 3);
        var cycling = new BookingSeries { Interval = RepeatInterval.Fortnightly, Occurrences = 3, CreatedAt = now.AddDays(-2) };
        for (var n = 0; n < 3; n++)
        {
            await d.AddAsync(workshop, orgs["Sykkelnettverket"], null, "Sykkelverksted: kartlegging av sykkelveier", 15,
                d.On(2 + 2 * n, DayOfWeek.Wednesday, 17), TimeSpan.FromHours(2.5), BookingStatus.Pending, series: cycling, createdDaysAgo: 2, isPublic: true);
        }
        var towns = await d.AddAsync(meeting, orgs["Nordic Towns"], null, "Digitalt nettverksmøte med nordiske småbyer", 6,
            d.On(3, DayOfWeek.Monday, 10), TimeSpan.FromHours(2), BookingStatus.Pending, createdDaysAgo: 1, equipment: SpaceEquipment.VideoMeeting);
        towns.Suggest(towns.StartsAt.AddHours(3), towns.EndsAt.AddHours(3), "Møterommet er opptatt om formiddagen; passer ettermiddagen?", users[Staff], now);
        await d.AddAsync(meeting, orgs["arealplan og kultur"], null, "Gjennomgang av kommuneplanens arealdel", 9,
            d.On(1, DayOfWeek.Thursday, 9), TimeSpan.FromHours(2), BookingStatus.Pending, createdDaysAgo: 4);

        var summer = new DateOnly(today.Month > 8 ? today.Year + 1 : today.Year, 7, 1);
        db.VenueClosures.Add(new VenueClosure { VenueId = venue.Id, Kind = ClosureKind.Summer, FirstDate = summer, LastDate = summer.AddDays(30), Reason = "Sommerstengt" });
        var seminar = DateOnly.FromDateTime(d.On(5, DayOfWeek.Friday, 0));
        db.VenueClosures.Add(new VenueClosure { VenueId = venue.Id, Kind = ClosureKind.OneOff, FirstDate = seminar, LastDate = seminar, Reason = "Fagdag for de ansatte" });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds demo bookings, moving one a day later when its slot is taken (the demo must never trip the overlap trigger).</summary>
    private sealed class DemoBookings(BylabDbContext db, DateTime now, DateTime today)
    {
        /// <summary>The weekday in week <paramref name="week"/> from now (0 = the next seven days), at the hour, Oslo time.</summary>
        public DateTime On(int week, DayOfWeek day, double hour)
        {
            var date = today.AddDays(1);
            while (date.DayOfWeek != day)
            {
                date = date.AddDays(1);
            }
            return OsloTime.ToUtc(date.AddDays(7 * week).AddHours(hour))!.Value;
        }

        public async Task<Booking> AddAsync(Space space, int organisationId, string? requester, string purpose, int people, DateTime start, TimeSpan length,
            BookingStatus status, BookingSeries? series = null, BookingKind kind = BookingKind.Request, SpaceEquipment equipment = SpaceEquipment.None,
            int createdDaysAgo = 10, bool isPublic = false)
        {
            var booking = new Booking
            {
                Kind = kind, Status = BookingStatus.Pending, OrganisationId = organisationId, RequestedById = requester, Purpose = purpose,
                ExpectedPeople = Math.Min(people, space.Capacity), Equipment = equipment & space.Equipment, IsPublic = isPublic, Series = series,
                CreatedAt = now.AddDays(-createdDaysAgo),
            };
            booking.Place(space, start, start + length);
            while (status == BookingStatus.Approved && await TakenAsync(booking))
            {
                booking.Place(space, booking.StartsAt.AddDays(1), booking.EndsAt.AddDays(1));
            }
            if (status == BookingStatus.Approved)
            {
                booking.Approve(requester, now.AddDays(-createdDaysAgo + 1));
            }
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            if (status == BookingStatus.Approved)
            {
                db.DoorCodes.Add(new DoorCode
                {
                    BookingId = booking.Id, VenueId = space.VenueId, Code = (100_000 + booking.Id * 7_919 % 900_000).ToString("D6"),
                    ValidFrom = booking.StartsAt.AddMinutes(-space.SetupMinutes), ValidUntil = booking.EndsAt, CreatedAt = now,
                });
                await db.SaveChangesAsync();
            }
            return booking;
        }

        private Task<bool> TakenAsync(Booking b) =>
            db.Bookings.AnyAsync(o => o.Status == BookingStatus.Approved && o.BlockStartsAt < b.BlockEndsAt && o.BlockEndsAt > b.BlockStartsAt
                && db.SpaceRelations.Any(r => r.SpaceId == b.SpaceId && r.RelatedId == o.SpaceId));
    }
}
