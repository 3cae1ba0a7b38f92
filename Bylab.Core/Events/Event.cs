using Bylab.Core.Moderation;
using Bylab.Core.Ideas;

namespace Bylab.Core.Events;

public enum EventStatus
{
    /// <summary>Being prepared: only its managers see it.</summary>
    Draft,
    /// <summary>In the programme; takes sign-ups between <see cref="Event.RegistrationOpensAt"/> and <see cref="Event.RegistrationClosesAt"/>.</summary>
    Published,
    /// <summary>Called off: stays visible with a notice, takes no sign-ups, and every participant was told.</summary>
    Cancelled,
}

/// <summary>Who the event is for; the programme is filtered by it.</summary>
public enum EventAudience
{
    Everyone,
    Youth,
    Families,
    Seniors,
    Business,
    Professionals,
}

public enum EventLocationKind
{
    /// <summary>In a venue of ours (the Bylab): takes the venue's slot, capped by its capacity.</summary>
    Venue,
    /// <summary>Somewhere else in Hamar, described by <see cref="Event.PlaceName"/> and <see cref="Event.PlaceAddress"/>.</summary>
    Elsewhere,
    /// <summary>Online: the link is shown only to participants with a place.</summary>
    Online,
}

/// <summary>
/// Something that happens at (or from) the Bylab: an open meeting on «Hamar mot 2030», a workshop, a talk.
/// Times are UTC; the programme shows Europe/Oslo.
/// </summary>
public class Event : IModerated
{
    public const int TitleMaxLength = 140;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 20_000;
    public const int PlaceMaxLength = 200;
    public const int OnlineUrlMaxLength = 500;
    public const int OrganiserNameMaxLength = 150;
    public const int QuestionMaxLength = 300;
    public const int CancellationMessageMaxLength = 2_000;
    public const int MaxCapacity = 10_000;
    public const int MaxCompanionsLimit = 10;
    public const int MaxReminderHours = 24 * 14;

    /// <summary>No event time (start, end, registration window) before this: nothing in Bylab happened earlier.</summary>
    public static readonly DateTime EarliestTime = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far ahead an event may be planned. Beyond it a date is a typing mistake (and year 9999 breaks calendars and mails).</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>The one place that says which event times are sensible: the form validator and the service both ask it.</summary>
    public static bool IsSensibleTime(DateTime utc, DateTime utcNow) => utc >= EarliestTime && utc <= utcNow.AddYears(MaxYearsAhead);

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>One or two plain sentences for lists and the calendar feed.</summary>
    public string Summary { get; set; } = "";
    public string DescriptionMarkdown { get; set; } = "";

    public int? ThemeId { get; set; }
    public Theme? Theme { get; set; }
    public EventAudience Audience { get; set; } = EventAudience.Everyone;

    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    /// <summary>UTC, after <see cref="StartsAt"/> (a check constraint holds it).</summary>
    public DateTime EndsAt { get; set; }

    public EventLocationKind LocationKind { get; set; } = EventLocationKind.Venue;
    /// <summary>Set when <see cref="LocationKind"/> is <see cref="EventLocationKind.Venue"/>.</summary>
    public int? VenueId { get; set; }
    public Venue.Venue? Venue { get; set; }
    /// <summary>The space of the venue it is in (the whole venue, the meeting room …); set with <see cref="VenueId"/>.</summary>
    public int? SpaceId { get; set; }
    /// <summary>
    /// The booking the event holds its slot through. An event in the venue is published only when this booking is
    /// approved and covers it; a draft without one holds nothing.
    /// </summary>
    public int? BookingId { get; set; }
    /// <summary>For <see cref="EventLocationKind.Elsewhere"/>: «Hamar bibliotek», and an address.</summary>
    public string? PlaceName { get; set; }
    public string? PlaceAddress { get; set; }
    /// <summary>For <see cref="EventLocationKind.Online"/>; shown only to participants who hold a place.</summary>
    public string? OnlineUrl { get; set; }

    /// <summary>The organisation the event is run for; only its members (and staff) may choose it.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>Shown as the organiser: the organisation's name, «Hamar kommune», «Dark Arkitekter», «Ungdomsrådet».</summary>
    public string OrganiserName { get; set; } = "";

    /// <summary>The account that created the event; an organiser manages only their own events, staff manage all.</summary>
    public string? OwnerId { get; set; }

    /// <summary>Places, counting companions. Never exceeded: sign-ups are serialised by the database.</summary>
    public int Capacity { get; set; }

    /// <summary>UTC. Null = as soon as the event is published.</summary>
    public DateTime? RegistrationOpensAt { get; set; }
    /// <summary>UTC. Null = when the event starts.</summary>
    public DateTime? RegistrationClosesAt { get; set; }

    /// <summary>How many companions one sign-up may bring (0 = the question is not asked).</summary>
    public int MaxCompanions { get; set; }
    /// <summary>Ask for dietary or accessibility needs.</summary>
    public bool AskNeeds { get; set; }
    /// <summary>An optional free-text question the organiser asks everyone who signs up.</summary>
    public string? Question { get; set; }

    /// <summary>Hours before the start the reminder goes out; null = no reminder.</summary>
    public int? ReminderHoursBefore { get; set; } = 24;

    public EventStatus Status { get; set; } = EventStatus.Draft;
    public DateTime? PublishedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>What the organiser told participants when cancelling.</summary>
    public string? CancellationMessage { get; set; }

    /// <summary>RFC 5545 SEQUENCE: raised whenever the time or place changes, so calendars update their copy.</summary>
    public int Sequence { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public int? CopiedFromId { get; set; }

    /// <summary>
    /// Set when the participants' personal data was deleted (<see cref="EventOptions.DeletePersonalDataAfterDays"/> after the end).
    /// From then on only the counts below remain.
    /// </summary>
    public DateTime? PersonalDataDeletedAt { get; set; }
    /// <summary>Counts kept after deletion, in people (a sign-up with two companions counts three).</summary>
    public int? FinalRegistered { get; set; }
    public int? FinalAttended { get; set; }
    public int? FinalWaitlisted { get; set; }
    /// <summary>Sign-ups cancelled by the participant or the organiser (not by an event cancellation or expiry).</summary>
    public int? FinalCancelled { get; set; }

    public ModerationState ModerationState { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedById { get; set; }
    public ModerationReason? ModerationReason { get; set; }
    public string? ModerationNote { get; set; }

    public bool IsCancelled => Status == EventStatus.Cancelled;
    public bool IsPublished => Status == EventStatus.Published;

    public DateTime RegistrationOpensAtOrPublished => RegistrationOpensAt ?? PublishedAt ?? DateTime.MinValue;
    public DateTime RegistrationClosesAtOrStart => RegistrationClosesAt ?? StartsAt;

    public RegistrationWindow RegistrationWindowAt(DateTime utcNow) =>
        Status != EventStatus.Published ? RegistrationWindow.NotAvailable
        : utcNow >= StartsAt ? RegistrationWindow.Started
        : RegistrationOpensAt is { } opens && utcNow < opens ? RegistrationWindow.NotYetOpen
        : utcNow >= RegistrationClosesAtOrStart ? RegistrationWindow.Closed
        : RegistrationWindow.Open;

    /// <summary>Whether people can be checked in now: see <see cref="CheckInWindow"/>.</summary>
    public CheckInTiming CheckInTimingAt(DateTime utcNow, CheckInWindow window) => window.At(StartsAt, EndsAt, utcNow);

    /// <summary>Participants may cancel until the event starts.</summary>
    public bool AllowsCancellationAt(DateTime utcNow) => utcNow < StartsAt;

    /// <summary>Its managers may still change it: not called off, not over.</summary>
    public bool IsEditableAt(DateTime utcNow) => !IsCancelled && EndsAt > utcNow;

    /// <summary>A draft goes into the programme only before it starts (the caller checks that it is not published already).</summary>
    public bool CanBePublishedAt(DateTime utcNow) => !IsCancelled && StartsAt > utcNow;

    /// <summary>It can be called off until it has ended.</summary>
    public bool CanBeCancelledAt(DateTime utcNow) => EndsAt > utcNow;

    public void Publish(DateTime utcNow)
    {
        Status = EventStatus.Published;
        PublishedAt = utcNow;
    }

    /// <summary>
    /// Saves the form over the event. A published event whose time or place changed is news: calendars update
    /// their copy only when SEQUENCE goes up (RFC 5545), and participants are to be told.
    /// </summary>
    public EventEdit Edit(EventInput input, DateTime utcNow)
    {
        var changed = input.ChangedFrom(EventInput.From(this));
        input.ApplyTo(this);
        UpdatedAt = utcNow;
        var news = IsPublished && changed.Any(EventInput.TimeAndPlaceFields.Contains);
        if (news)
        {
            Sequence++;
        }
        return new EventEdit(changed, news);
    }

    /// <summary>
    /// Calls the event off with the organiser's message to participants (trimmed; cut at
    /// <see cref="CancellationMessageMaxLength"/>). The caller cancels the sign-ups.
    /// </summary>
    public void Cancel(string? message, DateTime utcNow)
    {
        if (IsPublished)
        {
            // Calendars replace their copy only when SEQUENCE goes up (RFC 5545), so the cancelled .ics must.
            Sequence++;
        }
        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        Status = EventStatus.Cancelled;
        CancelledAt = utcNow;
        CancellationMessage = text is { Length: > CancellationMessageMaxLength } ? text[..CancellationMessageMaxLength] : text;
    }
}

/// <param name="ChangedFields">The <see cref="EventInput"/> properties whose value changed, in form order.</param>
/// <param name="IsNews">A published event moved in time or place: participants are told, calendars update.</param>
public sealed record EventEdit(IReadOnlyList<string> ChangedFields, bool IsNews);

public enum RegistrationWindow { Open, NotYetOpen, Closed, Started, NotAvailable }
