using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Bylab.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// The one event builder, for Core and HTTP tests alike. Events and registrations go straight into their tables in
/// the state a test needs (so a test of a page is about the page); sign-ups that should take the real path go
/// through <see cref="SignUpService"/>. Times are relative to the services' clock: the fake one in Core, the real
/// one in a test host.
/// </summary>
public sealed class TestEvents(IServiceProvider services)
{
    private int? _venueId;
    private int? _municipalityId;

    private DateTime Now => services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>Oslo wall-clock time as UTC.</summary>
    public static DateTime Oslo(int year, int month, int day, int hour, int minute = 0) =>
        OsloTime.ToUtc(new DateTime(year, month, day, hour, minute, 0)) ?? throw new ArgumentException("No such time in Oslo.");

    /// <summary>The Bylab itself, which every initialised database has (and Hamar kommune, which events are run for by default).</summary>
    public async Task<int> BylabVenueIdAsync()
    {
        _municipalityId ??= await MunicipalityIdAsync();
        return _venueId ??= await WithDbAsync(db => db.Venues.Where(v => v.Slug == Bylab.Core.Venue.Venue.BylabSlug).Select(v => v.Id).SingleAsync());
    }

    /// <summary>Hamar kommune, the organisation every installation has.</summary>
    public Task<int> MunicipalityIdAsync() =>
        WithDbAsync(db => db.Organisations.Where(o => o.IsMunicipality).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    /// <summary>
    /// A published event a week from now, two hours long, online, 20 places, for Hamar kommune, unless told otherwise;
    /// straight into the table. An event at the venue is in the Bylab, in a test room of its own that no other test's
    /// event touches, held through an approved booking there (a draft holds none) – the database refuses two
    /// approved bookings on top of each other, and tests that share a host put events at the same times.
    /// </summary>
    public async Task<Event> AddAsync(string title = "Åpent møte om Hamar mot 2030", DateTime? startsAt = null, TimeSpan? length = null,
        int capacity = 20, int maxCompanions = 0, EventStatus status = EventStatus.Published,
        EventLocationKind location = EventLocationKind.Online, string? ownerId = null, bool askNeeds = false, string? question = null,
        DateTime? registrationClosesAt = null, int? reminderHours = 24, Action<Event>? shape = null)
    {
        var now = Now;
        var start = startsAt ?? now.AddDays(7);
        var ev = new Event
        {
            Slug = Slug(title),
            Title = title,
            Summary = "Kom og si hva du mener om byen.",
            DescriptionMarkdown = "Vi møtes i **Bylab** og snakker om [strategien](https://www.hamar.kommune.no).",
            StartsAt = start,
            EndsAt = start + (length ?? TimeSpan.FromHours(2)),
            LocationKind = location,
            VenueId = location == EventLocationKind.Venue ? await BylabVenueIdAsync() : null,
            PlaceName = location == EventLocationKind.Elsewhere ? "Hamar bibliotek" : null,
            PlaceAddress = location == EventLocationKind.Elsewhere ? "Strandgata 45" : null,
            OnlineUrl = location == EventLocationKind.Online ? "https://example.org/mote" : null,
            OrganiserName = "Hamar kommune",
            OrganisationId = _municipalityId ??= await MunicipalityIdAsync(),
            OwnerId = ownerId,
            Capacity = capacity,
            MaxCompanions = maxCompanions,
            AskNeeds = askNeeds,
            Question = question,
            RegistrationClosesAt = registrationClosesAt,
            ReminderHoursBefore = reminderHours,
            Status = status,
            PublishedAt = status == EventStatus.Draft ? null : now.AddDays(-1),
            CancelledAt = status == EventStatus.Cancelled ? now : null,
            CreatedAt = now.AddDays(-1),
        };
        shape?.Invoke(ev);
        return await WithDbAsync(async db =>
        {
            if (ev.LocationKind == EventLocationKind.Venue)
            {
                await TestRoomAsync(db, ev);
            }
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            return ev;
        });
    }

    /// <summary>A space of the Bylab for this event alone, and the approved booking a published (or cancelled) event held it through.</summary>
    private static async Task TestRoomAsync(BylabDbContext db, Event ev)
    {
        var space = new Bylab.Core.Venue.Space
        {
            VenueId = ev.VenueId!.Value, Name = $"Testrom {Guid.NewGuid():N}", Capacity = Math.Max(ev.Capacity, 60), MaxMinutes = 24 * 60,
            MinNoticeHours = 0, MaxDaysAhead = 730,
        };
        db.Spaces.Add(space);
        await db.SaveChangesAsync();
        db.SpaceRelations.Add(new Bylab.Core.Venue.SpaceRelation { SpaceId = space.Id, RelatedId = space.Id });
        ev.SpaceId = space.Id;
        if (ev.Status == EventStatus.Draft)
        {
            return;
        }
        var booking = new Bylab.Core.Bookings.Booking
        {
            Kind = Bylab.Core.Bookings.BookingKind.Event, OrganisationId = ev.OrganisationId!.Value, RequestedById = ev.OwnerId, Purpose = ev.Title[..Math.Min(ev.Title.Length, 150)],
            ExpectedPeople = Math.Max(1, ev.Capacity), CreatedAt = ev.CreatedAt,
            Status = ev.IsCancelled ? Bylab.Core.Bookings.BookingStatus.Cancelled : Bylab.Core.Bookings.BookingStatus.Approved,
        };
        booking.Place(space, ev.StartsAt, ev.EndsAt);
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        ev.BookingId = ev.IsCancelled ? null : booking.Id;
    }

    /// <summary>The public pages' test event: at the Bylab a week from now at 17:00 UTC (the same Oslo day), 20 places.</summary>
    public Task<Event> AtBylabAsync(string title, Action<Event>? shape = null) =>
        AddAsync(title, Now.Date.AddDays(7).AddHours(17), location: EventLocationKind.Venue, shape: shape);

    /// <summary>
    /// The organisers' test event: online in two weeks at 16:00 UTC, asking for needs and a question, with a title of
    /// its own (the /arrangor pages list every event of the host).
    /// </summary>
    public Task<Event> ForOrganiserAsync(string? ownerId, int capacity = 20, string? title = null, EventStatus status = EventStatus.Published,
        int maxCompanions = 2, DateTime? startsAt = null) =>
        AddAsync(title ?? $"Åpent møte om Hamar mot 2030 {Guid.NewGuid():N}"[..40], startsAt ?? Now.Date.AddDays(14).AddHours(16),
            capacity: capacity, maxCompanions: maxCompanions, status: status, ownerId: ownerId, askNeeds: true, question: "Hva vil du snakke om?");

    /// <summary>
    /// The mail and calendar tests' event: Dark Arkitekter's workshop at the Bylab in ten days at 16:00 UTC, 30 places,
    /// two companions each, with a title that needs quoting and escaping.
    /// </summary>
    public Task<Event> WorkshopAsync(Action<Event>? shape = null) =>
        AddAsync("Verksted om bykjernen – «Hamar mot 2030» på Bylab", Now.Date.AddDays(10).AddHours(16), capacity: 30, maxCompanions: 2,
            location: EventLocationKind.Venue, shape: e =>
            {
                e.Summary = "Dark Arkitekter viser skisser; vi tegner sammen på kartet over Stortorget.";
                e.DescriptionMarkdown = "Ta med **ideer**.";
                e.OrganiserName = "Dark Arkitekter";
                shape?.Invoke(e);
            });

    /// <summary>
    /// A valid event form for the event services: two hours at the Bylab, 18:00 Oslo time a week from today. The
    /// venue's id is known once <see cref="BylabVenueIdAsync"/> ran (<see cref="CoreHarness"/> does it at start).
    /// </summary>
    public EventInput Input(string title = "Åpent møte om Hamar mot 2030", DateTime? startsAt = null, TimeSpan? duration = null,
        int capacity = 40, EventLocationKind location = EventLocationKind.Venue)
    {
        var venueId = _venueId ?? throw new InvalidOperationException("Await BylabVenueIdAsync() once before Input().");
        var today = OsloTime.ToOslo(Now).Date.AddDays(7);
        var start = startsAt ?? Oslo(today.Year, today.Month, today.Day, 18);
        return new(
            Title: title,
            Summary: "Vi snakker om byen vår.",
            DescriptionMarkdown: "Velkommen til **åpent møte** i Bylab.",
            ThemeId: null,
            Audience: EventAudience.Everyone,
            StartsAt: start,
            EndsAt: start + (duration ?? TimeSpan.FromHours(2)),
            LocationKind: location,
            VenueId: location == EventLocationKind.Venue ? venueId : null,
            SpaceId: null,
            PlaceName: location == EventLocationKind.Elsewhere ? "Hamar bibliotek" : null,
            PlaceAddress: location == EventLocationKind.Elsewhere ? "Strandgata 45" : null,
            OnlineUrl: location == EventLocationKind.Online ? "https://video.example.org/mote" : null,
            OrganisationId: _municipalityId,
            Capacity: capacity,
            RegistrationOpensAt: null,
            RegistrationClosesAt: null,
            MaxCompanions: 2,
            AskNeeds: false,
            Question: null,
            ReminderHoursBefore: 24);
    }

    /// <summary>
    /// An event made the real way, through <see cref="EventService"/> (a draft owned by <paramref name="actorId"/>); its id.
    /// By default as staff: an event in the venue gets its own booking, approved at once.
    /// </summary>
    public async Task<int> CreateAsync(EventInput input, string actorId, EventRoom? room = null, bool asStaff = true)
    {
        var result = await WithAsync((EventService s) => s.CreateAsync(input, new EventActor(actorId, asStaff), room));
        Assert.True(result.Outcome == EventSaveOutcome.Saved,
            $"{result.Outcome}: {string.Join(", ", result.Errors?.Select(e => $"{e.Field} {e.Code}") ?? [])}");
        return result.EventId!.Value;
    }

    /// <summary>As <see cref="CreateAsync(EventInput, string, EventRoom?, bool)"/> (as staff), then published through <see cref="EventStatusService"/>.</summary>
    public async Task<int> CreatePublishedAsync(EventInput input, string actorId)
    {
        var id = await CreateAsync(input, actorId);
        Assert.Equal(EventStateOutcome.Done, await WithAsync((EventStatusService s) => s.PublishAsync(id, EventActor.Staff(actorId))));
        return id;
    }

    /// <summary>A registration written straight into the table, as the services would leave it in that status.</summary>
    public Task<Registration> RegistrationAsync(int eventId, RegistrationStatus status, int companions = 0, string name = "Gjest",
        string? email = null, string? userId = null, string culture = "nb", DateTime? createdAt = null, DateTime? confirmedAt = null,
        DateTime? waitlistedAt = null, bool checkedIn = false) =>
        WithDbAsync(async db =>
        {
            var at = createdAt ?? Now;
            var address = email ?? TestData.UniqueEmail("deltaker");
            var registration = new Registration
            {
                EventId = eventId,
                UserId = userId,
                Name = name,
                Email = address,
                NormalizedEmail = Registration.NormalizeEmail(address),
                Companions = companions,
                Culture = culture,
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
            return registration;
        });

    public static SignUpInput SignUpInput(string name, string email, int companions = 0, bool consent = true, string culture = "nb",
        string? needs = null, string? answer = null) =>
        new(name, email, companions, needs, answer, consent, culture);

    /// <summary>An account signs up through <see cref="SignUpService"/>.</summary>
    public Task<SignUpResult> SignUpAsync(int eventId, BylabUser user, int companions = 0) =>
        WithAsync((SignUpService s) => s.SignUpAsync(eventId, user.Id, SignUpInput(user.DisplayName, user.Email!, companions)));

    /// <summary>A guest signs up and confirms their e-mail through <see cref="SignUpService"/>; the registration as stored.</summary>
    public async Task<Registration> SignUpGuestAsync(int eventId, string name, string? email = null, int companions = 0,
        string? needs = null, string? answer = null)
    {
        email ??= TestData.UniqueEmail("deltaker");
        var result = await WithAsync((SignUpService s) => s.SignUpAsync(eventId, null, SignUpInput(name, email, companions, needs: needs, answer: answer)));
        Assert.Equal(SignUpOutcome.CheckEmail, result.Outcome);
        var token = await WithDbAsync(db => db.Registrations.Where(r => r.Id == result.RegistrationId).Select(r => r.ManageToken).SingleAsync());
        await WithAsync((SignUpService s) => s.ConfirmEmailAsync(token));
        return await WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == result.RegistrationId));
    }

    /// <summary>An e-mail owed to a participant, queued straight into the table.</summary>
    public Task<int> QueueAsync(int registrationId, EventNotificationKind kind) =>
        WithDbAsync(async db =>
        {
            var n = new EventNotification { RegistrationId = registrationId, Kind = kind, CreatedAt = Now };
            db.EventNotifications.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });

    /// <summary>Sends every unsent e-mail, as the background service does; how many went out.</summary>
    public Task<int> DeliverAsync() => WithAsync((EventNotificationDispatcher d) => d.DeliverPendingAsync());

    /// <summary>Queues an e-mail and sends what is unsent, as a request that changed something does.</summary>
    public async Task<int> NotifyAsync(int registrationId, EventNotificationKind kind)
    {
        await QueueAsync(registrationId, kind);
        return await DeliverAsync();
    }

    /// <summary>Queued e-mails, in the order they were queued.</summary>
    public Task<List<EventNotification>> NotificationsAsync(EventNotificationKind? kind = null) =>
        WithDbAsync(db => db.EventNotifications.AsNoTracking().Where(n => kind == null || n.Kind == kind).OrderBy(n => n.Id).ToListAsync());

    public Task<Event> StoredAsync(int eventId) => WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId));

    public Task<List<Registration>> RegistrationsOfAsync(int eventId) =>
        WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    public Task<Registration> RegistrationOfAsync(int eventId, string email) =>
        WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.EventId == eventId && r.Email == email));

    /// <summary>Places held, counted here in SQL of its own rather than by the code under test.</summary>
    public Task<int> PlacesTakenAsync(int eventId) =>
        WithDbAsync(db => db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed).SumAsync(r => 1 + r.Companions));

    public Task ChangeAsync(int eventId, Action<Event> change) => WithDbAsync(async db =>
    {
        change(await db.Events.SingleAsync(e => e.Id == eventId));
        return await db.SaveChangesAsync();
    });

    /// <summary>A unique slug from the title, so tests can reuse titles.</summary>
    private static string Slug(string title)
    {
        var cleaned = new string(title.ToLowerInvariant()
            .Replace("æ", "ae").Replace("ø", "o").Replace("å", "a")
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return $"{cleaned[..Math.Min(cleaned.Length, 60)]}-{Guid.NewGuid():N}"[..Math.Min(Math.Min(cleaned.Length, 60) + 13, 100)];
    }

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<T> WithDbAsync<T>(Func<BylabDbContext, Task<T>> work) => WithAsync(work);
}

public static class TestEventExtensions
{
    /// <summary><c>var (id, slug) = await factory.Events.ForOrganiserAsync(...)</c>.</summary>
    public static void Deconstruct(this Event e, out int id, out string slug) => (id, slug) = (e.Id, e.Slug);
}
