using System.Reflection;
using Bylab.Core.Common;

namespace Bylab.Core.Events;

/// <summary>
/// What staff or an organiser type into the event form; times are already UTC (the web layer converts from Oslo
/// time and refuses times that do not exist). This file is the one mapping between an event and its input:
/// <see cref="From"/> reads an event, <see cref="ApplyTo"/> writes one, and create, edit, copy and the audit's list
/// of changed fields all go through them. A new field is a parameter here and a line in each of the two.
/// </summary>
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
    int? SpaceId,
    string? PlaceName,
    string? PlaceAddress,
    string? OnlineUrl,
    int? OrganisationId,
    int Capacity,
    DateTime? RegistrationOpensAt,
    DateTime? RegistrationClosesAt,
    int MaxCompanions,
    bool AskNeeds,
    string? Question,
    int? ReminderHoursBefore)
{
    /// <summary>The fields that, when changed on a published event, make calendars and participants hear about it.</summary>
    public static readonly IReadOnlySet<string> TimeAndPlaceFields = new HashSet<string>
    {
        nameof(StartsAt), nameof(EndsAt), nameof(LocationKind), nameof(VenueId), nameof(SpaceId), nameof(PlaceName), nameof(PlaceAddress), nameof(OnlineUrl),
    };

    private static readonly PropertyInfo[] Fields = typeof(EventInput).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static EventInput From(Event e) => new(
        e.Title, e.Summary, e.DescriptionMarkdown, e.ThemeId, e.Audience, e.StartsAt, e.EndsAt, e.LocationKind, e.VenueId, e.SpaceId,
        e.PlaceName, e.PlaceAddress, e.OnlineUrl, e.OrganisationId, e.Capacity, e.RegistrationOpensAt, e.RegistrationClosesAt,
        e.MaxCompanions, e.AskNeeds, e.Question, e.ReminderHoursBefore);

    public void ApplyTo(Event e)
    {
        e.Title = Title;
        e.Summary = Summary;
        e.DescriptionMarkdown = DescriptionMarkdown;
        e.ThemeId = ThemeId;
        e.Audience = Audience;
        e.StartsAt = StartsAt;
        e.EndsAt = EndsAt;
        e.LocationKind = LocationKind;
        e.VenueId = VenueId;
        e.SpaceId = SpaceId;
        e.PlaceName = PlaceName;
        e.PlaceAddress = PlaceAddress;
        e.OnlineUrl = OnlineUrl;
        e.OrganisationId = OrganisationId;
        e.Capacity = Capacity;
        e.RegistrationOpensAt = RegistrationOpensAt;
        e.RegistrationClosesAt = RegistrationClosesAt;
        e.MaxCompanions = MaxCompanions;
        e.AskNeeds = AskNeeds;
        e.Question = Question;
        e.ReminderHoursBefore = ReminderHoursBefore;
    }

    /// <summary>The names of the fields whose value differs from <paramref name="before"/>, in form order (for the audit log).</summary>
    public IReadOnlyList<string> ChangedFrom(EventInput before) =>
        Fields.Where(f => !Equals(f.GetValue(this), f.GetValue(before))).Select(f => f.Name).ToList();

    /// <summary>Trimmed text, empty optional text as null, times as UTC, and only the place fields that belong to the location kind.</summary>
    /// <exception cref="ArgumentException">A time that is not UTC (an Oslo wall-clock time must be converted first).</exception>
    public EventInput Clean() => this with
    {
        Title = Title?.Trim() ?? "",
        Summary = Summary?.Trim() ?? "",
        DescriptionMarkdown = DescriptionMarkdown?.Trim() ?? "",
        StartsAt = AsUtc(StartsAt),
        EndsAt = AsUtc(EndsAt),
        RegistrationOpensAt = RegistrationOpensAt is { } opens ? AsUtc(opens) : null,
        RegistrationClosesAt = RegistrationClosesAt is { } closes ? AsUtc(closes) : null,
        VenueId = LocationKind == EventLocationKind.Venue ? VenueId : null,
        SpaceId = LocationKind == EventLocationKind.Venue ? SpaceId : null,
        PlaceName = LocationKind == EventLocationKind.Elsewhere ? Optional(PlaceName) : null,
        PlaceAddress = LocationKind == EventLocationKind.Elsewhere ? Optional(PlaceAddress) : null,
        OnlineUrl = LocationKind == EventLocationKind.Online ? Optional(OnlineUrl) : null,
        Question = Optional(Question),
    };

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => throw new ArgumentException("Event times must be UTC; convert Oslo wall-clock times with OsloTime.ToUtc first."),
    };
}

/// <summary>A rule the input broke: <paramref name="Field"/> is an <see cref="EventInput"/> property, <paramref name="Code"/> one of <see cref="EventInputErrors"/>.</summary>
public sealed record EventInputError(string Field, string Code);

public static class EventInputErrors
{
    public const string Required = FieldErrors.Required;
    public const string TooLong = FieldErrors.TooLong;
    public const string OutOfRange = FieldErrors.OutOfRange;
    public const string InvalidUrl = FieldErrors.InvalidUrl;
    public const string EndBeforeStart = "end-before-start";
    public const string CapacityOverVenue = "capacity-over-venue";
    public const string CapacityBelowTaken = "capacity-below-taken";
    public const string UnknownTheme = "unknown-theme";
    public const string UnknownVenue = "unknown-venue";
    public const string RegistrationWindow = "registration-window";
    public const string InThePast = "in-the-past";
    public const string UnknownSpace = "unknown-space";
    public const string UnknownOrganisation = "unknown-organisation";
    public const string NotMember = "not-member";
    /// <summary>Before <see cref="Event.EarliestTime"/> or more than <see cref="Event.MaxYearsAhead"/> years ahead.</summary>
    public const string TimeOutOfRange = "time-out-of-range";
    public const string NotOneLine = FieldErrors.NotOneLine;
    public const string ControlCharacters = FieldErrors.ControlCharacters;
}
