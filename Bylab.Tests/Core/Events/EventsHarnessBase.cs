using Bylab.Core.Events;
using Bylab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// What the events harnesses share on top of <see cref="SqliteHarness"/>: the same start (a Monday, 13:00 in Oslo)
/// and helpers that write events and registrations straight into their tables, in the state a test needs.
/// </summary>
public abstract class EventsHarnessBase(string name, bool validateScopes = false)
    : SqliteHarness(name, Start, validateScopes)
{
    /// <summary>A Monday, 13:00 in Oslo.</summary>
    public static readonly DateTime Start = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>An online event a week from <see cref="Start"/>, two hours long, published the day before.</summary>
    public Task<int> CreateEventAsync(int capacity = 20, int maxCompanions = 0, DateTime? startsAt = null, TimeSpan? length = null,
        DateTime? registrationClosesAt = null, EventStatus status = EventStatus.Published, int? reminderHours = 24,
        bool askNeeds = false, string? question = null) =>
        WithDbAsync(async db =>
        {
            var start = startsAt ?? Start.AddDays(7);
            var ev = new Event
            {
                Slug = $"arrangement-{Guid.NewGuid():N}"[..30],
                Title = "Åpent møte om Hamar mot 2030",
                Summary = "Kom og si hva du mener.",
                DescriptionMarkdown = "Vi møtes i **Bylab**.",
                StartsAt = start,
                EndsAt = start + (length ?? TimeSpan.FromHours(2)),
                LocationKind = EventLocationKind.Online,
                OnlineUrl = "https://example.org/mote",
                OrganiserName = "Hamar kommune",
                Capacity = capacity,
                MaxCompanions = maxCompanions,
                AskNeeds = askNeeds,
                Question = question,
                RegistrationClosesAt = registrationClosesAt,
                ReminderHoursBefore = reminderHours,
                Status = status,
                PublishedAt = status == EventStatus.Draft ? null : Start.AddDays(-1),
                CancelledAt = status == EventStatus.Cancelled ? Start : null,
                CreatedAt = Start.AddDays(-1),
            };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            return ev.Id;
        });

    /// <summary>A registration written directly, as the registration service would leave it.</summary>
    public Task<int> AddRegistrationAsync(int eventId, RegistrationStatus status, int companions = 0, string? name = null,
        string? userId = null, string? email = null, DateTime? createdAt = null, DateTime? confirmedAt = null,
        DateTime? waitlistedAt = null, bool checkedIn = false) =>
        WithDbAsync(async db =>
        {
            var at = createdAt ?? Now;
            var address = email ?? $"deltaker-{Guid.NewGuid():N}@example.org";
            var registration = new Registration
            {
                EventId = eventId,
                UserId = userId,
                Name = name ?? "Gjest",
                Email = address,
                NormalizedEmail = Registration.NormalizeEmail(address),
                Companions = companions,
                Status = status,
                ManageToken = Registration.NewManageToken(),
                CheckInCode = Registration.NewCheckInCode(),
                CreatedAt = at,
                ConsentedAt = at,
                EmailConfirmedAt = status == RegistrationStatus.Unconfirmed ? null : at,
                ConfirmedAt = status == RegistrationStatus.Confirmed ? confirmedAt ?? at : null,
                WaitlistedAt = status == RegistrationStatus.Waitlisted ? waitlistedAt ?? at : null,
                CancelledAt = status == RegistrationStatus.Cancelled ? at : null,
                CancelledBy = status == RegistrationStatus.Cancelled ? CancelledBy.Participant : null,
                CheckedInAt = checkedIn ? at : null,
            };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            return registration.Id;
        });

    public Task<Event> EventAsync(int id) => WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == id));

    public Task<List<Registration>> RegistrationsOfAsync(int eventId) =>
        WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());
}
