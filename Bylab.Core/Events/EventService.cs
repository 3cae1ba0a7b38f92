using System.Globalization;
using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>What staff or an organiser type into the event form; times are already UTC (the web layer converts from Oslo time and refuses times that do not exist).</summary>
public sealed record EventInput(
    string Title,
    string Summary,
    string DescriptionMarkdown,
    int? ThemeId,
    EventAudience Audience,
    DateTime StartsAt,
    DateTime EndsAt,
    EventLocationKind LocationKind,
    int? VenueId,
    string? PlaceName,
    string? PlaceAddress,
    string? OnlineUrl,
    string OrganiserName,
    int Capacity,
    DateTime? RegistrationOpensAt,
    DateTime? RegistrationClosesAt,
    int MaxCompanions,
    bool AskNeeds,
    string? Question,
    int? ReminderHoursBefore);

/// <summary>A rule the input broke: <paramref name="Field"/> is an <see cref="EventInput"/> property, <paramref name="Code"/> one of <see cref="EventInputErrors"/>.</summary>
public sealed record EventInputError(string Field, string Code);

public static class EventInputErrors
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string EndBeforeStart = "end-before-start";
    public const string OutOfRange = "out-of-range";
    public const string CapacityOverVenue = "capacity-over-venue";
    public const string CapacityBelowTaken = "capacity-below-taken";
    public const string UnknownTheme = "unknown-theme";
    public const string UnknownVenue = "unknown-venue";
    public const string InvalidUrl = "invalid-url";
    public const string RegistrationWindow = "registration-window";
    public const string InThePast = "in-the-past";
    /// <summary>A line break or another control character where the text must stay on one line (<see cref="Common.SingleLineText"/>).</summary>
    public const string ControlCharacters = "control-characters";
}

public enum EventSaveOutcome { Saved, InvalidInput, VenueTaken, NotFound, NotEditable }

/// <summary>Another use of the venue that overlaps the requested time.</summary>
/// <param name="Kind">"event" now; "booking" once venue booking exists.</param>
public sealed record VenueConflict(string Kind, int Id, string Title, DateTime StartsAt, DateTime EndsAt);

public sealed record EventSaveResult(
    EventSaveOutcome Outcome,
    int? EventId = null,
    IReadOnlyList<EventInputError>? Errors = null,
    IReadOnlyList<VenueConflict>? Conflicts = null);

public enum EventStateOutcome { Done, NotFound, AlreadyInState, NotAllowed, VenueTaken }

/// <summary>
/// Staff and organisers create, edit, publish, cancel and copy events. An event in a venue takes the venue's
/// slot (<see cref="Venue.VenueCalendar"/>) and cannot overlap another use of it.
/// </summary>
/// <remarks>
/// Every write that checks the venue calendar or counts places runs in one transaction that takes SQLite's
/// write lock before it reads (Microsoft.Data.Sqlite starts BeginTransaction as BEGIN IMMEDIATE): two
/// overlapping events cannot both be saved, and a capacity change cannot cross a sign-up. Access (who may
/// manage which event) is the web layer's job; these methods assume the caller may act.
/// </remarks>
public sealed class EventService(BylabDbContext db, TimeProvider time, AuditLog audit, VenueCalendar venues)
{
    /// <summary>How far <see cref="CopyAsync"/> looks for a free week at the venue.</summary>
    private const int CopyWeeksToTry = 104;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The stored event (not tracked), for the edit form and access checks.</summary>
    public Task<Event?> FindAsync(int id, CancellationToken ct = default) =>
        db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>A draft owned by <paramref name="actorId"/>, with a slug made from the title.</summary>
    public async Task<EventSaveResult> CreateAsync(EventInput input, string actorId, CancellationToken ct = default)
    {
        var now = Now;
        var clean = Clean(input);
        var errors = await ValidateAsync(clean, now, existing: null, placesTaken: 0, ct);
        if (errors.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.InvalidInput, Errors: errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var conflicts = await ConflictsAsync(clean, ignoreEventId: null, ct);
        if (conflicts.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.VenueTaken, Conflicts: conflicts);
        }
        var ev = new Event
        {
            Slug = await EventSlugs.UniqueAsync(db, clean.Title, ct),
            OwnerId = actorId,
            Status = EventStatus.Draft,
            CreatedAt = now,
        };
        Apply(ev, clean);
        db.Events.Add(ev);
        await db.SaveChangesAsync(ct);
        audit.Add(await ActorAsync(actorId, ct), EventAuditActions.EventCreated, "event", Id(ev), $"{ev.Title}; {ev.StartsAt:O}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new EventSaveResult(EventSaveOutcome.Saved, ev.Id);
    }

    /// <summary>
    /// Saves the form over the event. Not for a cancelled or ended event. When a published event changes time
    /// or place, calendars are told (<see cref="Event.Sequence"/> + 1) and so is everyone confirmed or waitlisted
    /// (<see cref="EventNotificationKind.EventChanged"/>). Raised capacity moves the waitlist up at once; capacity
    /// below the places already taken is refused (<see cref="EventInputErrors.CapacityBelowTaken"/>).
    /// The slug stays, so links already sent keep working.
    /// </summary>
    public async Task<EventSaveResult> UpdateAsync(int id, EventInput input, string actorId, CancellationToken ct = default)
    {
        var now = Now;
        var clean = Clean(input);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null)
        {
            return new EventSaveResult(EventSaveOutcome.NotFound);
        }
        if (ev.IsCancelled || ev.EndsAt <= now)
        {
            return new EventSaveResult(EventSaveOutcome.NotEditable, ev.Id);
        }
        var taken = await RegistrationService.PlacesTakenAsync(db, ev.Id, ct);
        var errors = await ValidateAsync(clean, now, ev, taken, ct);
        if (errors.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.InvalidInput, ev.Id, errors);
        }
        var conflicts = await ConflictsAsync(clean, ev.Id, ct);
        if (conflicts.Count > 0)
        {
            return new EventSaveResult(EventSaveOutcome.VenueTaken, ev.Id, Conflicts: conflicts);
        }

        var changed = ChangedFields(ev, clean);
        var timeOrPlaceChanged = changed.Intersect(TimeAndPlaceFields).Any();
        var capacityRaised = clean.Capacity > ev.Capacity;
        Apply(ev, clean);
        ev.UpdatedAt = now;
        if (ev.IsPublished && timeOrPlaceChanged)
        {
            ev.Sequence++;
            await NotifyAsync(ev.Id, EventNotificationKind.EventChanged, now, ct);
        }
        audit.Add(await ActorAsync(actorId, ct), EventAuditActions.EventUpdated, "event", Id(ev),
            changed.Count == 0 ? ev.Title : $"{ev.Title}; {string.Join(", ", changed)}");
        await db.SaveChangesAsync(ct);
        if (ev.IsPublished && capacityRaised)
        {
            await RegistrationService.PromoteWaitingAsync(db, ev, now, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new EventSaveResult(EventSaveOutcome.Saved, ev.Id);
    }

    /// <summary>Puts a draft in the programme. Not once it has started, nor when its venue slot was taken meanwhile.</summary>
    public async Task<EventStateOutcome> PublishAsync(int id, string actorId, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null)
        {
            return EventStateOutcome.NotFound;
        }
        if (ev.IsPublished)
        {
            return EventStateOutcome.AlreadyInState;
        }
        if (ev.IsCancelled || ev.StartsAt <= now)
        {
            return EventStateOutcome.NotAllowed;
        }
        // Drafts hold their slot already, so this only finds something a future booking put there.
        if (ev.VenueId is { } venueId && (await venues.ConflictsAsync(venueId, ev.StartsAt, ev.EndsAt, ev.Id, ct)).Count > 0)
        {
            return EventStateOutcome.VenueTaken;
        }
        ev.Status = EventStatus.Published;
        ev.PublishedAt = now;
        audit.Add(await ActorAsync(actorId, ct), EventAuditActions.EventPublished, "event", Id(ev), ev.Title);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EventStateOutcome.Done;
    }

    /// <summary>
    /// Calls the event off (until it has ended): every live registration is cancelled
    /// (<see cref="CancelledBy.EventCancelled"/>), and the confirmed and waitlisted are told with the organiser's
    /// message (<see cref="EventNotificationKind.EventCancelled"/>). The venue slot is freed. A cancelled draft
    /// never appears in the programme (it was never published). The web layer limits the message to
    /// <see cref="Event.CancellationMessageMaxLength"/>; anything longer is cut here.
    /// </summary>
    public async Task<EventStateOutcome> CancelAsync(int id, string? message, string actorId, CancellationToken ct = default)
    {
        var now = Now;
        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (text is { Length: > Event.CancellationMessageMaxLength })
        {
            text = text[..Event.CancellationMessageMaxLength];
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null)
        {
            return EventStateOutcome.NotFound;
        }
        if (ev.IsCancelled)
        {
            return EventStateOutcome.AlreadyInState;
        }
        if (ev.EndsAt <= now)
        {
            return EventStateOutcome.NotAllowed;
        }
        var live = await db.Registrations
            .Where(r => r.EventId == ev.Id && r.Status != RegistrationStatus.Cancelled)
            .ToListAsync(ct);
        foreach (var registration in live)
        {
            if (registration.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted)
            {
                db.EventNotifications.Add(new EventNotification
                {
                    RegistrationId = registration.Id,
                    Kind = EventNotificationKind.EventCancelled,
                    CreatedAt = now,
                });
            }
            registration.Status = RegistrationStatus.Cancelled;
            registration.CancelledAt = now;
            registration.CancelledBy = CancelledBy.EventCancelled;
        }
        if (ev.IsPublished)
        {
            // Calendars replace their copy only when SEQUENCE goes up (RFC 5545), so the cancelled .ics must.
            ev.Sequence++;
        }
        ev.Status = EventStatus.Cancelled;
        ev.CancelledAt = now;
        ev.CancellationMessage = text;
        audit.Add(await ActorAsync(actorId, ct), EventAuditActions.EventCancelled, "event", Id(ev),
            $"{ev.Title}; {live.Count} registrations cancelled");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EventStateOutcome.Done;
    }

    /// <summary>
    /// A new draft with the same content and a new slug, owned by <paramref name="actorId"/>, with no
    /// registrations. It is placed a whole number of weeks after the original, at the same Oslo wall-clock time
    /// (the registration times move with it): the first such week that is in the future and, for a venue, free.
    /// The organiser then adjusts it in the edit form. Null when the event does not exist.
    /// </summary>
    public async Task<int?> CopyAsync(int id, string actorId, CancellationToken ct = default)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var source = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (source is null)
        {
            return null;
        }
        var weeks = Math.Max(1, (int)Math.Ceiling((now - source.StartsAt).TotalDays / 7));
        for (var tries = 0; tries < CopyWeeksToTry; tries++, weeks++)
        {
            if (ShiftWeeks(source.StartsAt, weeks) is not { } startsAt || ShiftWeeks(source.EndsAt, weeks) is not { } endsAt
                || startsAt <= now || endsAt <= startsAt)
            {
                continue;
            }
            if (source.VenueId is { } venueId && (await venues.ConflictsAsync(venueId, startsAt, endsAt, null, ct)).Count > 0)
            {
                continue;
            }
            var copy = new Event
            {
                Slug = await EventSlugs.UniqueAsync(db, source.Title, ct),
                Title = source.Title,
                Summary = source.Summary,
                DescriptionMarkdown = source.DescriptionMarkdown,
                ThemeId = source.ThemeId,
                Audience = source.Audience,
                StartsAt = startsAt,
                EndsAt = endsAt,
                LocationKind = source.LocationKind,
                VenueId = source.VenueId,
                PlaceName = source.PlaceName,
                PlaceAddress = source.PlaceAddress,
                OnlineUrl = source.OnlineUrl,
                OrganiserName = source.OrganiserName,
                OwnerId = actorId,
                Capacity = source.Capacity,
                RegistrationOpensAt = source.RegistrationOpensAt is { } opens ? ShiftWeeks(opens, weeks) : null,
                RegistrationClosesAt = source.RegistrationClosesAt is { } closes ? ShiftWeeks(closes, weeks) : null,
                MaxCompanions = source.MaxCompanions,
                AskNeeds = source.AskNeeds,
                Question = source.Question,
                ReminderHoursBefore = source.ReminderHoursBefore,
                Status = EventStatus.Draft,
                CreatedAt = now,
                CopiedFromId = source.Id,
            };
            if (copy.RegistrationOpensAt >= copy.RegistrationClosesAtOrStart || copy.RegistrationClosesAt > copy.EndsAt)
            {
                // Only a summer-time change between the two could do this; the organiser sets the window again.
                copy.RegistrationOpensAt = null;
                copy.RegistrationClosesAt = null;
            }
            db.Events.Add(copy);
            await db.SaveChangesAsync(ct);
            audit.Add(await ActorAsync(actorId, ct), EventAuditActions.EventCopied, "event", Id(copy),
                $"{copy.Title}; from {source.Id.ToString(CultureInfo.InvariantCulture)}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return copy.Id;
        }
        throw new InvalidOperationException($"No free week at the venue within {CopyWeeksToTry} weeks to copy event {id} to.");
    }

    private static readonly string[] TimeAndPlaceFields =
    [
        nameof(EventInput.StartsAt), nameof(EventInput.EndsAt), nameof(EventInput.LocationKind), nameof(EventInput.VenueId),
        nameof(EventInput.PlaceName), nameof(EventInput.PlaceAddress), nameof(EventInput.OnlineUrl),
    ];

    private async Task NotifyAsync(int eventId, EventNotificationKind kind, DateTime now, CancellationToken ct)
    {
        var ids = await db.Registrations
            .Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .Select(r => r.Id)
            .ToListAsync(ct);
        db.EventNotifications.AddRange(ids.Select(rid => new EventNotification { RegistrationId = rid, Kind = kind, CreatedAt = now }));
    }

    private async Task<IReadOnlyList<VenueConflict>> ConflictsAsync(EventInput input, int? ignoreEventId, CancellationToken ct) =>
        input is { LocationKind: EventLocationKind.Venue, VenueId: { } venueId }
            ? await venues.ConflictsAsync(venueId, input.StartsAt, input.EndsAt, ignoreEventId, ct)
            : [];

    private async Task<Actor> ActorAsync(string actorId, CancellationToken ct) =>
        new(actorId, await db.Users.Where(u => u.Id == actorId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct));

    private static string Id(Event ev) => ev.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Trimmed text, empty optional text as null, and only the place fields that belong to the location kind.</summary>
    private static EventInput Clean(EventInput i) => i with
    {
        Title = i.Title?.Trim() ?? "",
        Summary = i.Summary?.Trim() ?? "",
        DescriptionMarkdown = i.DescriptionMarkdown?.Trim() ?? "",
        OrganiserName = i.OrganiserName?.Trim() ?? "",
        StartsAt = AsUtc(i.StartsAt),
        EndsAt = AsUtc(i.EndsAt),
        RegistrationOpensAt = i.RegistrationOpensAt is { } opens ? AsUtc(opens) : null,
        RegistrationClosesAt = i.RegistrationClosesAt is { } closes ? AsUtc(closes) : null,
        VenueId = i.LocationKind == EventLocationKind.Venue ? i.VenueId : null,
        PlaceName = i.LocationKind == EventLocationKind.Elsewhere ? Optional(i.PlaceName) : null,
        PlaceAddress = i.LocationKind == EventLocationKind.Elsewhere ? Optional(i.PlaceAddress) : null,
        OnlineUrl = i.LocationKind == EventLocationKind.Online ? Optional(i.OnlineUrl) : null,
        Question = Optional(i.Question),
    };

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => throw new ArgumentException("Event times must be UTC; convert Oslo wall-clock times with OsloTime.ToUtc first."),
    };

    /// <summary>The same Oslo wall-clock time <paramref name="weeks"/> weeks later; null if that hour does not exist.</summary>
    private static DateTime? ShiftWeeks(DateTime utc, int weeks) => OsloTime.ToUtc(OsloTime.ToOslo(utc).AddDays(7 * weeks));

    /// <param name="existing">The stored event when updating (tracked, not yet changed).</param>
    /// <param name="placesTaken">Places held now; capacity may not go below them.</param>
    private async Task<List<EventInputError>> ValidateAsync(EventInput i, DateTime now, Event? existing, int placesTaken, CancellationToken ct)
    {
        var errors = new List<EventInputError>();
        void Add(string field, string code) => errors.Add(new EventInputError(field, code));
        // Single-line text reaches calendar files, mail text and CSV: no control characters (Common.SingleLineText).
        void Text(string? value, string field, int maxLength, bool required, bool singleLine = true)
        {
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    Add(field, EventInputErrors.Required);
                }
            }
            else if (value.Length > maxLength)
            {
                Add(field, EventInputErrors.TooLong);
            }
            else if (singleLine ? !SingleLineText.IsValid(value) : !SingleLineText.IsValidMultiLine(value))
            {
                Add(field, EventInputErrors.ControlCharacters);
            }
        }
        void Time(DateTime? value, string field)
        {
            if (value is { } t && !Event.IsSensibleTime(t, now))
            {
                Add(field, EventInputErrors.OutOfRange);
            }
        }

        Text(i.Title, nameof(EventInput.Title), Event.TitleMaxLength, required: true);
        Text(i.Summary, nameof(EventInput.Summary), Event.SummaryMaxLength, required: true, singleLine: false);
        Text(i.DescriptionMarkdown, nameof(EventInput.DescriptionMarkdown), Event.DescriptionMaxLength, required: true, singleLine: false);
        Text(i.OrganiserName, nameof(EventInput.OrganiserName), Event.OrganiserNameMaxLength, required: true);
        Text(i.Question, nameof(EventInput.Question), Event.QuestionMaxLength, required: false);
        Time(i.StartsAt, nameof(EventInput.StartsAt));
        Time(i.EndsAt, nameof(EventInput.EndsAt));
        Time(i.RegistrationOpensAt, nameof(EventInput.RegistrationOpensAt));
        Time(i.RegistrationClosesAt, nameof(EventInput.RegistrationClosesAt));

        if (!Enum.IsDefined(i.Audience))
        {
            Add(nameof(EventInput.Audience), EventInputErrors.OutOfRange);
        }
        if (i.ThemeId is { } themeId && !await db.Themes.AnyAsync(t => t.Id == themeId, ct))
        {
            Add(nameof(EventInput.ThemeId), EventInputErrors.UnknownTheme);
        }

        if (i.EndsAt <= i.StartsAt)
        {
            Add(nameof(EventInput.EndsAt), EventInputErrors.EndBeforeStart);
        }
        // A new event cannot start in the past; an existing one that already started may still be corrected,
        // but not moved to another past time.
        if (i.StartsAt < now && (existing is null || existing.StartsAt != i.StartsAt))
        {
            Add(nameof(EventInput.StartsAt), EventInputErrors.InThePast);
        }

        Venue.Venue? venue = null;
        switch (i.LocationKind)
        {
            case EventLocationKind.Venue:
                if (i.VenueId is not { } venueId)
                {
                    Add(nameof(EventInput.VenueId), EventInputErrors.Required);
                }
                else if ((venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, ct)) is null)
                {
                    Add(nameof(EventInput.VenueId), EventInputErrors.UnknownVenue);
                }
                break;
            case EventLocationKind.Elsewhere:
                Text(i.PlaceName, nameof(EventInput.PlaceName), Event.PlaceMaxLength, required: true);
                Text(i.PlaceAddress, nameof(EventInput.PlaceAddress), Event.PlaceMaxLength, required: false);
                break;
            case EventLocationKind.Online:
                Text(i.OnlineUrl, nameof(EventInput.OnlineUrl), Event.OnlineUrlMaxLength, required: true);
                if (i.OnlineUrl is { Length: > 0 and <= Event.OnlineUrlMaxLength } url && SingleLineText.IsValid(url) && !IsWebAddress(url))
                {
                    Add(nameof(EventInput.OnlineUrl), EventInputErrors.InvalidUrl);
                }
                break;
            default:
                Add(nameof(EventInput.LocationKind), EventInputErrors.OutOfRange);
                break;
        }

        if (i.Capacity is < 1 or > Event.MaxCapacity)
        {
            Add(nameof(EventInput.Capacity), EventInputErrors.OutOfRange);
        }
        else if (venue is not null && i.Capacity > venue.Capacity)
        {
            Add(nameof(EventInput.Capacity), EventInputErrors.CapacityOverVenue);
        }
        else if (i.Capacity < placesTaken)
        {
            Add(nameof(EventInput.Capacity), EventInputErrors.CapacityBelowTaken);
        }
        if (i.MaxCompanions is < 0 or > Event.MaxCompanionsLimit)
        {
            Add(nameof(EventInput.MaxCompanions), EventInputErrors.OutOfRange);
        }
        if (i.ReminderHoursBefore is < 1 or > Event.MaxReminderHours)
        {
            Add(nameof(EventInput.ReminderHoursBefore), EventInputErrors.OutOfRange);
        }

        // Registration closes at the latest when the event ends (null = when it starts), and opens before it closes.
        if (i.RegistrationClosesAt is { } closes && (closes > i.EndsAt || i.RegistrationOpensAt >= closes))
        {
            Add(nameof(EventInput.RegistrationClosesAt), EventInputErrors.RegistrationWindow);
        }
        else if (i.RegistrationClosesAt is null && i.RegistrationOpensAt >= i.StartsAt)
        {
            Add(nameof(EventInput.RegistrationOpensAt), EventInputErrors.RegistrationWindow);
        }
        return errors;
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && !url.Any(char.IsWhiteSpace);

    private static void Apply(Event ev, EventInput i)
    {
        ev.Title = i.Title;
        ev.Summary = i.Summary;
        ev.DescriptionMarkdown = i.DescriptionMarkdown;
        ev.ThemeId = i.ThemeId;
        ev.Audience = i.Audience;
        ev.StartsAt = i.StartsAt;
        ev.EndsAt = i.EndsAt;
        ev.LocationKind = i.LocationKind;
        ev.VenueId = i.VenueId;
        ev.PlaceName = i.PlaceName;
        ev.PlaceAddress = i.PlaceAddress;
        ev.OnlineUrl = i.OnlineUrl;
        ev.OrganiserName = i.OrganiserName;
        ev.Capacity = i.Capacity;
        ev.RegistrationOpensAt = i.RegistrationOpensAt;
        ev.RegistrationClosesAt = i.RegistrationClosesAt;
        ev.MaxCompanions = i.MaxCompanions;
        ev.AskNeeds = i.AskNeeds;
        ev.Question = i.Question;
        ev.ReminderHoursBefore = i.ReminderHoursBefore;
    }

    /// <summary>The <see cref="EventInput"/> properties whose value differs from the stored event, for the audit log.</summary>
    private static List<string> ChangedFields(Event ev, EventInput i)
    {
        var changed = new List<string>();
        void Check<T>(T stored, T typed, string field)
        {
            if (!EqualityComparer<T>.Default.Equals(stored, typed))
            {
                changed.Add(field);
            }
        }
        Check(ev.Title, i.Title, nameof(EventInput.Title));
        Check(ev.Summary, i.Summary, nameof(EventInput.Summary));
        Check(ev.DescriptionMarkdown, i.DescriptionMarkdown, nameof(EventInput.DescriptionMarkdown));
        Check(ev.ThemeId, i.ThemeId, nameof(EventInput.ThemeId));
        Check(ev.Audience, i.Audience, nameof(EventInput.Audience));
        Check(ev.StartsAt, i.StartsAt, nameof(EventInput.StartsAt));
        Check(ev.EndsAt, i.EndsAt, nameof(EventInput.EndsAt));
        Check(ev.LocationKind, i.LocationKind, nameof(EventInput.LocationKind));
        Check(ev.VenueId, i.VenueId, nameof(EventInput.VenueId));
        Check(ev.PlaceName, i.PlaceName, nameof(EventInput.PlaceName));
        Check(ev.PlaceAddress, i.PlaceAddress, nameof(EventInput.PlaceAddress));
        Check(ev.OnlineUrl, i.OnlineUrl, nameof(EventInput.OnlineUrl));
        Check(ev.OrganiserName, i.OrganiserName, nameof(EventInput.OrganiserName));
        Check(ev.Capacity, i.Capacity, nameof(EventInput.Capacity));
        Check(ev.RegistrationOpensAt, i.RegistrationOpensAt, nameof(EventInput.RegistrationOpensAt));
        Check(ev.RegistrationClosesAt, i.RegistrationClosesAt, nameof(EventInput.RegistrationClosesAt));
        Check(ev.MaxCompanions, i.MaxCompanions, nameof(EventInput.MaxCompanions));
        Check(ev.AskNeeds, i.AskNeeds, nameof(EventInput.AskNeeds));
        Check(ev.Question, i.Question, nameof(EventInput.Question));
        Check(ev.ReminderHoursBefore, i.ReminderHoursBefore, nameof(EventInput.ReminderHoursBefore));
        return changed;
    }
}
