using Bylab.Core.Organisations;
using Bylab.Core.Venue;

namespace Bylab.Core.Bookings;

public enum BookingStatus
{
    /// <summary>Asked for, waiting for staff; holds nothing (only approved bookings hold the space).</summary>
    Pending,
    /// <summary>Holds the space: the database refuses any other approved booking on top of it.</summary>
    Approved,
    /// <summary>Staff said no, with a reason.</summary>
    Rejected,
    /// <summary>Withdrawn by the organisation or cancelled by staff.</summary>
    Cancelled,
}

public enum BookingKind
{
    /// <summary>An organisation asked for the space (the booking form).</summary>
    Request,
    /// <summary>Staff hold the space for the municipality's own use.</summary>
    Block,
    /// <summary>Made for an event by the event form; it moves with the event.</summary>
    Event,
}

public enum RepeatInterval
{
    None = 0,
    Weekly = 7,
    Fortnightly = 14,
    /// <summary>Every fourth week: a monthly meeting on the same weekday.</summary>
    EveryFourWeeks = 28,
}

/// <summary>
/// One use of one space for one interval. Times are UTC; <see cref="BlockStartsAt"/> and <see cref="BlockEndsAt"/> are
/// the interval with the space's setup and cleaning buffers, stored so the database trigger that refuses overlapping
/// approved bookings compares plain values.
/// </summary>
public class Booking
{
    public const int PurposeMaxLength = 150;
    public const int NotesMaxLength = 2_000;
    public const int ReasonMaxLength = 1_000;
    public const int MaxPeople = Space.MaxCapacity;
    /// <summary>The error a refused overlap raises in the database (the trigger's message).</summary>
    public const string OverlapError = "booking-overlap";

    public int Id { get; set; }
    public int SpaceId { get; set; }
    public Space? Space { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>The account that asked (or the staff member who blocked); null once that account is deleted.</summary>
    public string? RequestedById { get; set; }
    public BookingKind Kind { get; set; }
    public BookingStatus Status { get; set; }

    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public DateTime BlockStartsAt { get; set; }
    public DateTime BlockEndsAt { get; set; }

    public string Purpose { get; set; } = "";
    public string? Notes { get; set; }
    public int ExpectedPeople { get; set; }
    public SpaceEquipment Equipment { get; set; }
    /// <summary>Open to the public: its purpose shows in the calendar and the public feed, and it can become an event.</summary>
    public bool IsPublic { get; set; }

    public int? SeriesId { get; set; }
    public BookingSeries? Series { get; set; }

    public string? RejectionReason { get; set; }
    /// <summary>Another time staff offered instead (UTC); the organisation accepts or withdraws.</summary>
    public DateTime? SuggestedStartsAt { get; set; }
    public DateTime? SuggestedEndsAt { get; set; }
    public string? SuggestionMessage { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedById { get; set; }

    public DateTime? CancelledAt { get; set; }
    public string? CancelledById { get; set; }
    public string? CancellationReason { get; set; }
    /// <summary>Cancelled after approval within <see cref="BookingOptions.LateCancellationHours"/> of the start.</summary>
    public bool IsLateCancellation { get; set; }
    /// <summary>Cancelled (or moved) by staff rather than by the organisation.</summary>
    public bool ChangedByStaff { get; set; }

    /// <summary>RFC 5545 SEQUENCE of the booking's calendar file: raised when staff move it or it is cancelled.</summary>
    public int Sequence { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }

    public TimeSpan Length => EndsAt - StartsAt;
    public bool HasSuggestion => Status == BookingStatus.Pending && SuggestedStartsAt is not null;

    /// <summary>The booking's times, and the held interval from the space's buffers.</summary>
    public void Place(Space space, DateTime startsAt, DateTime endsAt)
    {
        SpaceId = space.Id;
        StartsAt = startsAt;
        EndsAt = endsAt;
        (BlockStartsAt, BlockEndsAt) = space.Blocked(startsAt, endsAt);
    }

    /// <summary>The organisation may still change the request: waiting for staff and not started.</summary>
    public bool IsEditableAt(DateTime utcNow) => Status == BookingStatus.Pending && utcNow < StartsAt;

    /// <summary>The organisation may withdraw a request or cancel an approved booking until it starts.</summary>
    public bool CanBeCancelledAt(DateTime utcNow) => Status is BookingStatus.Pending or BookingStatus.Approved && utcNow < StartsAt;

    /// <summary>Staff decide on a request until it starts.</summary>
    public bool IsDecidableAt(DateTime utcNow) => Status == BookingStatus.Pending && utcNow < StartsAt;

    /// <summary>Cancelling now would be late: it was approved and starts within <paramref name="lateWindow"/>.</summary>
    public bool IsLateAt(DateTime utcNow, TimeSpan lateWindow) => Status == BookingStatus.Approved && StartsAt - utcNow < lateWindow;

    public void Approve(string? deciderId, DateTime utcNow)
    {
        Status = BookingStatus.Approved;
        DecidedAt = utcNow;
        DecidedById = deciderId;
        RejectionReason = null;
        ClearSuggestion();
        UpdatedAt = utcNow;
    }

    public void Reject(string reason, string deciderId, DateTime utcNow)
    {
        Status = BookingStatus.Rejected;
        RejectionReason = Cut(reason, ReasonMaxLength);
        DecidedAt = utcNow;
        DecidedById = deciderId;
        UpdatedAt = utcNow;
    }

    /// <summary>Staff offer another time; the request stays pending until the organisation answers.</summary>
    public void Suggest(DateTime startsAt, DateTime endsAt, string? message, string deciderId, DateTime utcNow)
    {
        SuggestedStartsAt = startsAt;
        SuggestedEndsAt = endsAt;
        SuggestionMessage = string.IsNullOrWhiteSpace(message) ? null : Cut(message, ReasonMaxLength);
        DecidedById = deciderId;
        UpdatedAt = utcNow;
    }

    public void ClearSuggestion()
    {
        SuggestedStartsAt = null;
        SuggestedEndsAt = null;
        SuggestionMessage = null;
    }

    /// <summary>Withdrawn or cancelled; late when an approved booking is cancelled close to its start.</summary>
    public void Cancel(string? actorId, string? reason, bool byStaff, DateTime utcNow, TimeSpan lateWindow)
    {
        IsLateCancellation = !byStaff && IsLateAt(utcNow, lateWindow);
        if (Status == BookingStatus.Approved)
        {
            Sequence++;
        }
        Status = BookingStatus.Cancelled;
        CancelledAt = utcNow;
        CancelledById = actorId;
        CancellationReason = string.IsNullOrWhiteSpace(reason) ? null : Cut(reason, ReasonMaxLength);
        ChangedByStaff = byStaff;
        ClearSuggestion();
        UpdatedAt = utcNow;
    }

    /// <summary>Staff move an approved booking; calendars replace their copy (SEQUENCE + 1).</summary>
    public void Move(Space space, DateTime startsAt, DateTime endsAt, DateTime utcNow)
    {
        Place(space, startsAt, endsAt);
        Sequence++;
        ChangedByStaff = true;
        UpdatedAt = utcNow;
    }

    private static string Cut(string text, int max)
    {
        var t = text.Trim();
        return t.Length > max ? t[..max] : t;
    }
}

/// <summary>A request repeated weekly or fortnightly; each date is a <see cref="Booking"/> of its own, approved whole or one by one.</summary>
public class BookingSeries
{
    public const int MinOccurrences = 2;
    public const int MaxOccurrences = 26;

    public int Id { get; set; }
    public RepeatInterval Interval { get; set; }
    /// <summary>How many dates were asked for, those left out included.</summary>
    public int Occurrences { get; set; }
    /// <summary>Oslo dates (yyyy-MM-dd, comma-separated) the organisation chose to leave out because they could not be booked: listed to staff, never dropped silently.</summary>
    public string? SkippedDates { get; set; }
    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<DateOnly> Skipped =>
        string.IsNullOrEmpty(SkippedDates) ? [] : SkippedDates.Split(',').Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd")).ToList();
}
