using Bylab.Core.Venue;

namespace Bylab.Core.Bookings;

public enum BookingOutcome
{
    Done,
    /// <summary>A rule of the input is broken (<see cref="BookingResult.Problems"/>); nothing changed.</summary>
    InvalidInput,
    /// <summary>Another approved use holds the space then (<see cref="BookingResult.Conflicts"/>); nothing changed.</summary>
    Taken,
    /// <summary>Dates of a series cannot be booked (<see cref="BookingResult.Dates"/>); nothing changed until the organisation says to leave them out.</summary>
    DateProblems,
    NotFound,
    /// <summary>Not in a state that allows it (decided already, started, not the organisation's).</summary>
    NotAllowed,
    /// <summary>Something is held through the booking (an event): change that instead (<see cref="BookingResult.Dependent"/>).</summary>
    HasDependent,
}

/// <summary>A date of a series that cannot be booked as asked, and why.</summary>
/// <param name="StartsAt">Null when the time does not exist in Oslo that day (the spring-forward hour).</param>
public sealed record DateProblem(DateOnly Date, DateTime? StartsAt, DateTime? EndsAt, IReadOnlyList<BookingProblem> Problems, IReadOnlyList<VenueConflict> Conflicts);

/// <summary>What a booking service did; the ids let the caller redirect without reading the bookings again.</summary>
public sealed record BookingResult(
    BookingOutcome Outcome,
    IReadOnlyList<int>? BookingIds = null,
    int? SeriesId = null,
    IReadOnlyList<BookingProblem>? Problems = null,
    IReadOnlyList<VenueConflict>? Conflicts = null,
    IReadOnlyList<DateProblem>? Dates = null,
    string? Dependent = null)
{
    public int? BookingId => BookingIds is [var first, ..] ? first : null;

    public static BookingResult Invalid(IEnumerable<BookingProblem> problems) => new(BookingOutcome.InvalidInput, Problems: problems.ToList());
    public static readonly BookingResult NotFound = new(BookingOutcome.NotFound);
    public static readonly BookingResult NotAllowed = new(BookingOutcome.NotAllowed);
}

/// <summary>A series approved whole: the dates approved, and those left pending because something holds the space then.</summary>
public sealed record SeriesDecision(BookingOutcome Outcome, IReadOnlyList<int> Approved, IReadOnlyList<DateProblem> Colliding);

/// <summary>
/// Things held through a booking – an event in it. A booking that carries one is neither cancelled nor moved on its
/// own: the event is changed instead. Events implement it, so Bookings need not know them.
/// </summary>
public interface IBookingDependents
{
    /// <summary>The title of the live thing held through the booking, or null.</summary>
    Task<string?> DependentAsync(int bookingId, CancellationToken ct);
}

public static class BookingAuditActions
{
    public const string Requested = "booking.requested";
    public const string Changed = "booking.changed";
    public const string Withdrawn = "booking.withdrawn";
    public const string Cancelled = "booking.cancelled";
    public const string Approved = "booking.approved";
    public const string Rejected = "booking.rejected";
    public const string Suggested = "booking.suggested";
    public const string SuggestionAccepted = "booking.suggestion.accepted";
    public const string Blocked = "booking.blocked";
    public const string Moved = "booking.moved";
    public const string CancelledByStaff = "booking.cancelled.by-staff";
    public const string FeedCreated = "booking.feed.created";
    public const string FeedRevoked = "booking.feed.revoked";
}
