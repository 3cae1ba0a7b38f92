namespace Bylab.Core.Events;

/// <summary>What the programme is cut by; <paramref name="PageSize"/> null = <see cref="EventOptions.PageSize"/>.</summary>
public sealed record EventFilter(int? ThemeId = null, EventAudience? Audience = null, int Page = 1, int? PageSize = null);

/// <param name="LocationText">«Bylab Hamar, Torggata 1», «Hamar bibliotek, Strandgata 1», or empty for online (the view says «Digitalt»).</param>
/// <param name="PlacesTaken">Places held by confirmed registrations, companions counted.</param>
public sealed record EventListItem(
    int Id,
    string Slug,
    string Title,
    string Summary,
    DateTime StartsAt,
    DateTime EndsAt,
    EventStatus Status,
    EventLocationKind LocationKind,
    string LocationText,
    string OrganiserName,
    int? ThemeId,
    string? ThemeTitle,
    EventAudience Audience,
    int Capacity,
    int PlacesTaken,
    int WaitlistCount,
    RegistrationWindow Window)
{
    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);
}

public sealed record VenueInfo(int Id, string Name, string StreetAddress, string PostalCode, string City, int Capacity,
    bool StepFreeAccess, bool HearingLoop, bool AccessibleToilet);

/// <summary>The viewer's own live registration for the event, if they are signed in and hold one.</summary>
public sealed record ViewerRegistration(int Id, string ManageToken, RegistrationStatus Status, int? WaitlistPosition);

/// <param name="OnlineUrl">Only filled when the viewer holds a place (or <c>forManager</c> was asked).</param>
public sealed record EventDetails(
    int Id,
    string Slug,
    string Title,
    string Summary,
    string DescriptionMarkdown,
    int? ThemeId,
    string? ThemeSlug,
    string? ThemeTitle,
    EventAudience Audience,
    DateTime StartsAt,
    DateTime EndsAt,
    EventLocationKind LocationKind,
    VenueInfo? Venue,
    string? PlaceName,
    string? PlaceAddress,
    string? OnlineUrl,
    string OrganiserName,
    string? OwnerId,
    int Capacity,
    int PlacesTaken,
    int WaitlistCount,
    DateTime? RegistrationOpensAt,
    DateTime? RegistrationClosesAt,
    int MaxCompanions,
    bool AskNeeds,
    string? Question,
    int? ReminderHoursBefore,
    EventStatus Status,
    string? CancellationMessage,
    DateTime? PersonalDataDeletedAt,
    RegistrationWindow Window,
    ViewerRegistration? Viewer)
{
    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);
}

/// <summary>A row in the organiser's list of events.</summary>
public sealed record ManagedEventItem(int Id, string Slug, string Title, DateTime StartsAt, DateTime EndsAt, EventStatus Status,
    int Capacity, int PlacesTaken, int WaitlistCount, string OrganiserName);

/// <param name="WaitlistPosition">1-based, for waitlisted rows.</param>
/// <param name="IsGuest">Signed up without an account.</param>
public sealed record ParticipantRow(
    int RegistrationId,
    RegistrationStatus Status,
    string Name,
    string Email,
    int Companions,
    string? Needs,
    string? Answer,
    string CheckInCode,
    DateTime CreatedAt,
    DateTime? CheckedInAt,
    int? WaitlistPosition,
    bool IsGuest);

/// <summary>Attendance, in people (a sign-up with two companions counts three; a checked-in sign-up counts its companions as come).</summary>
/// <param name="Registered">People holding a place.</param>
/// <param name="Attended">People checked in.</param>
/// <param name="NoShows">People holding a place who were not checked in (meaningful once the event has ended).</param>
/// <param name="Waitlisted">People still on the waitlist.</param>
/// <param name="Cancelled">Sign-ups cancelled (by the participant or the organiser).</param>
/// <param name="PersonalDataDeleted">Only the stored counts remain.</param>
public sealed record AttendanceFigures(int Registered, int Attended, int NoShows, int Waitlisted, int Cancelled, bool PersonalDataDeleted);
