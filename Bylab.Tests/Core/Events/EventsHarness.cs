using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Core.Events;

/// <summary>
/// EventService, EventQueries and the venue calendar on a real SQLite file, with the Bylab venue (60 places),
/// a staff member and helpers that create events through the service.
/// </summary>
public sealed class EventsHarness : EventsHarnessBase
{
    public int VenueId { get; private set; }
    public string StaffId { get; private set; } = "";

    private EventsHarness() : base("events") { }

    protected override void AddServices(IServiceCollection services)
    {
        services.AddOptions<EventOptions>();
        services.AddScoped<AuditLog>();
        services.AddScoped<VenueCalendar>();
        services.AddScoped<EventService>();
        services.AddScoped<EventQueries>();
    }

    public static async Task<EventsHarness> CreateAsync()
    {
        var harness = await MigrateAsync(new EventsHarness());
        await harness.WithDbAsync(db => VenueSeed.EnsureBylabAsync(db, CancellationToken.None));
        harness.VenueId = await harness.WithDbAsync(db => db.Venues.Select(v => v.Id).SingleAsync());
        harness.StaffId = await harness.CreateUserAsync("Sindre Bylab-ansatt");
        return harness;
    }

    /// <summary>One call in a scope (and a connection) of its own, as one request would make it.</summary>
    public Task<T> Events<T>(Func<EventService, Task<T>> work) => InScopeAsync(work);

    public Task<T> Queries<T>(Func<EventQueries, Task<T>> work) => InScopeAsync(work);

    public Task<string> CreateUserAsync(string displayName) => WithDbAsync(async db =>
    {
        var user = NewUser($"user-{Guid.NewGuid():N}@test.bylab.no", displayName, Start);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    });

    public Task<int> CreateThemeAsync(string slug) => WithDbAsync(async db =>
    {
        var theme = new Theme { Slug = slug, Title = slug, Description = "Et tema." };
        db.Themes.Add(theme);
        await db.SaveChangesAsync();
        return theme.Id;
    });

    /// <summary>Oslo wall-clock time as UTC.</summary>
    public static DateTime Oslo(int year, int month, int day, int hour, int minute = 0) =>
        OsloTime.ToUtc(new DateTime(year, month, day, hour, minute, 0)) ?? throw new ArgumentException("No such time in Oslo.");

    /// <summary>A valid form: two hours at the Bylab a week from <see cref="EventsHarnessBase.Start"/>, 18:00 Oslo time.</summary>
    public EventInput Input(string title = "Åpent møte om Hamar mot 2030", DateTime? startsAt = null, TimeSpan? duration = null,
        int capacity = 40, EventLocationKind location = EventLocationKind.Venue) =>
        new(
            Title: title,
            Summary: "Vi snakker om byen vår.",
            DescriptionMarkdown: "Velkommen til **åpent møte** i Bylab.",
            ThemeId: null,
            Audience: EventAudience.Everyone,
            StartsAt: startsAt ?? Oslo(2026, 11, 30, 18),
            EndsAt: (startsAt ?? Oslo(2026, 11, 30, 18)) + (duration ?? TimeSpan.FromHours(2)),
            LocationKind: location,
            VenueId: location == EventLocationKind.Venue ? VenueId : null,
            PlaceName: location == EventLocationKind.Elsewhere ? "Hamar bibliotek" : null,
            PlaceAddress: location == EventLocationKind.Elsewhere ? "Strandgata 45" : null,
            OnlineUrl: location == EventLocationKind.Online ? "https://video.example.org/mote" : null,
            OrganiserName: "Hamar kommune",
            Capacity: capacity,
            RegistrationOpensAt: null,
            RegistrationClosesAt: null,
            MaxCompanions: 2,
            AskNeeds: false,
            Question: null,
            ReminderHoursBefore: 24);

    public async Task<int> CreateAsync(EventInput input, string? ownerId = null)
    {
        var result = await Events(s => s.CreateAsync(input, ownerId ?? StaffId));
        Assert.True(result.Outcome == EventSaveOutcome.Saved,
            $"{result.Outcome}: {string.Join(", ", result.Errors?.Select(e => $"{e.Field} {e.Code}") ?? [])}");
        return result.EventId!.Value;
    }

    public async Task<int> CreatePublishedAsync(EventInput input, string? ownerId = null)
    {
        var id = await CreateAsync(input, ownerId);
        Assert.Equal(EventStateOutcome.Done, await Events(s => s.PublishAsync(id, StaffId)));
        return id;
    }

    public Task<List<EventNotification>> NotificationsAsync(EventNotificationKind kind) =>
        WithDbAsync(db => db.EventNotifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.RegistrationId).ToListAsync());

    public Task<List<AuditEntry>> AuditAsync() =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
}
