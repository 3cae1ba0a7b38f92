using Bylab.Core.Bookings;
using Bylab.Core.Data;
using Bylab.Core.Organisations;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// Organisations, spaces and bookings for Core and HTTP tests alike: straight into their tables where a test needs
/// something to be there, through the services where the test is about them. The Bylab's seeded spaces are
/// «Hele lokalet» (60, 30 min setup and cleaning, 72 h notice, 180 days ahead), «Møterommet» (14, 15 min, 24 h, 120
/// days) and «Verkstedområdet» (30, 30 min, 48 h, 120 days), both inside the whole venue; lent Monday–Thursday
/// 08–22, Friday 08–18, Saturday 10–16.
/// </summary>
public sealed class TestBookings(IServiceProvider services)
{
    public const string Whole = "Hele lokalet";
    public const string MeetingRoom = "Møterommet";
    public const string Workshop = "Verkstedområdet";

    private DateTime Now => services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    public async Task<T> WithDbAsync<T>(Func<BylabDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BylabDbContext>());
    }

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<Space> SpaceAsync(string name = MeetingRoom) =>
        WithDbAsync(db => db.Spaces.AsNoTracking().SingleAsync(s => s.Name == name && s.Venue!.Slug == Venue.BylabSlug));

    public Task<int> MunicipalityIdAsync() =>
        WithDbAsync(db => db.Organisations.Where(o => o.IsMunicipality).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    /// <summary>A new organisation (a unique name from <paramref name="name"/>) with these accounts as members; its id.</summary>
    public Task<int> OrganisationAsync(string name = "Sykkelnettverket", int? quotaHours = null, params string[] memberIds) =>
        WithDbAsync(async db =>
        {
            var organisation = new Organisation
            {
                Name = TestData.Unique(name), ContactName = "Kari Kontakt", ContactEmail = TestData.UniqueEmail("kontakt"),
                MonthlyQuotaHours = quotaHours, CreatedAt = Now,
            };
            organisation.Members.AddRange(memberIds.Select(id => new OrganisationMember { UserId = id, AddedAt = Now }));
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    public Task AddMemberAsync(int organisationId, string userId) =>
        WithDbAsync(async db =>
        {
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisationId, UserId = userId, AddedAt = Now });
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// The Oslo date <paramref name="weeks"/> weeks after the coming <paramref name="day"/> (never today), so tests
    /// that share a database can keep to weeks of their own.
    /// </summary>
    public DateOnly Date(DayOfWeek day, int weeks = 2)
    {
        var date = DateOnly.FromDateTime(OsloTime.ToOslo(Now)).AddDays(1);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }
        return date.AddDays(7 * weeks);
    }

    public static DateTime Oslo(DateOnly date, int hour, int minute = 0) =>
        OsloTime.ToUtc(date.ToDateTime(new TimeOnly(hour, minute))) ?? throw new ArgumentException("No such time in Oslo.");

    /// <summary>A request's input: <paramref name="hours"/> hours from <paramref name="hour"/> o'clock Oslo time on the date, 8 people.</summary>
    public static BookingInput Input(int organisationId, int spaceId, DateOnly date, int hour = 18, double hours = 2, string purpose = "Styremøte",
        int people = 8, bool isPublic = false, RepeatInterval repeat = RepeatInterval.None, int occurrences = 1,
        SpaceEquipment equipment = SpaceEquipment.None) =>
        new(organisationId, spaceId, Oslo(date, hour), Oslo(date, hour).AddHours(hours), purpose, null, people, equipment, isPublic, repeat, occurrences);

    /// <summary>A booking straight into the table (no rules checked but the database's own): approved by default.</summary>
    public Task<Booking> AddAsync(int organisationId, Space space, DateTime startsAt, DateTime endsAt, string purpose = "Styremøte",
        BookingStatus status = BookingStatus.Approved, bool isPublic = false, string? requestedById = null, BookingKind kind = BookingKind.Request) =>
        WithDbAsync(async db =>
        {
            var booking = new Booking
            {
                Kind = kind, Status = status, OrganisationId = organisationId, RequestedById = requestedById, Purpose = purpose,
                ExpectedPeople = 4, IsPublic = isPublic, CreatedAt = Now, DecidedAt = status == BookingStatus.Approved ? Now : null,
            };
            booking.Place(space, startsAt, endsAt);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking;
        });

    /// <summary>A request through <see cref="BookingRequestService"/> that must succeed; the ids of its dates.</summary>
    public async Task<IReadOnlyList<int>> RequestAsync(BookingInput input, string userId, bool leaveOutProblemDates = false)
    {
        var result = await WithAsync((BookingRequestService s) => s.RequestAsync(input, userId, leaveOutProblemDates));
        Assert.True(result.Outcome == BookingOutcome.Done,
            $"{result.Outcome}: {string.Join(", ", result.Problems?.Select(p => $"{p.Field} {p.Code}") ?? [])}"
            + $" {string.Join(", ", result.Dates?.Select(d => $"{d.Date}: {string.Join("/", d.Problems.Select(p => p.Code))} {d.Conflicts.Count}") ?? [])}");
        return result.BookingIds!;
    }

    public Task<Booking> StoredAsync(int id) => WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));
}
