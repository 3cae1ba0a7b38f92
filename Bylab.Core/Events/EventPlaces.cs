using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>People in an event, counted the one way everyone counts them (a sign-up with two companions is three).</summary>
/// <param name="Registered">People holding a place.</param>
/// <param name="Attended">People holding a place who were checked in.</param>
/// <param name="Waitlisted">People on the waitlist.</param>
/// <param name="CancelledSignUps">Sign-ups (not people) cancelled by the participant or the organiser.</param>
public sealed record PeopleCount(int Registered, int Attended, int Waitlisted, int CancelledSignUps);

/// <summary>
/// The places and the waitlist of an event, for everyone who needs them: sign-up, cancellation, the edit form,
/// account deletion, the lists and the participant's own page. A sign-up takes 1 + companions places
/// (<see cref="Registration.Places"/>); confirmed sign-ups hold them; the waitlist is strictly first come, first
/// served, by <see cref="Registration.WaitlistedAt"/> then <see cref="Registration.Id"/>.
/// </summary>
/// <remarks>
/// The methods that change places (<see cref="AllocateAsync"/>, <see cref="PromoteAsync"/>) must run inside the
/// caller's write transaction (BEGIN IMMEDIATE), so the places counted are the places there are.
/// </remarks>
public sealed class EventPlaces(BylabDbContext db, EventNotificationQueue mail)
{
    /// <summary>Places held by confirmed sign-ups, companions counted.</summary>
    public Task<int> TakenAsync(int eventId, CancellationToken ct = default) =>
        Confirmed(eventId).SumAsync(r => 1 + r.Companions, ct);

    /// <summary>For a list of events at once: places taken and sign-ups waiting, by event id (events with neither are left out).</summary>
    public async Task<IReadOnlyDictionary<int, (int Taken, int Waiting)>> ByEventAsync(IReadOnlyCollection<int> eventIds, CancellationToken ct = default)
    {
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => eventIds.Contains(r.EventId) && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .GroupBy(r => new { r.EventId, r.Status })
            .Select(g => new { g.Key.EventId, g.Key.Status, Places = g.Sum(r => 1 + r.Companions), Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => (
            g.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Places),
            g.Where(r => r.Status == RegistrationStatus.Waitlisted).Sum(r => r.Count)));
    }

    public Task<int> WaitingAsync(int eventId, CancellationToken ct = default) =>
        Waitlisted(eventId).CountAsync(ct);

    /// <summary>1-based place in the queue, or null when the sign-up is not waitlisted.</summary>
    public async Task<int?> PositionAsync(Registration r, CancellationToken ct = default) =>
        r.Status != RegistrationStatus.Waitlisted
            ? null
            : 1 + await Waitlisted(r.EventId)
                .CountAsync(x => x.WaitlistedAt < r.WaitlistedAt || (x.WaitlistedAt == r.WaitlistedAt && x.Id < r.Id), ct);

    /// <summary>The queue's order, for lists that number it themselves.</summary>
    public static IEnumerable<Registration> InQueueOrder(IEnumerable<Registration> waitlisted) =>
        waitlisted.OrderBy(r => r.WaitlistedAt).ThenBy(r => r.Id);

    /// <summary>The people counts that attendance shows and that stay on the event once personal data is deleted.</summary>
    public async Task<PeopleCount> CountPeopleAsync(int eventId, CancellationToken ct = default)
    {
        var holding = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .Select(r => new { r.Status, People = 1 + r.Companions, CheckedIn = r.CheckedInAt != null })
            .ToListAsync(ct);
        var cancelled = await db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Cancelled
            && (r.CancelledBy == CancelledBy.Participant || r.CancelledBy == CancelledBy.Organiser), ct);
        var confirmed = holding.Where(r => r.Status == RegistrationStatus.Confirmed).ToList();
        return new PeopleCount(
            confirmed.Sum(r => r.People),
            confirmed.Where(r => r.CheckedIn).Sum(r => r.People),
            holding.Where(r => r.Status == RegistrationStatus.Waitlisted).Sum(r => r.People),
            cancelled);
    }

    /// <summary>
    /// A place if the sign-up fits and nobody is queueing ahead of it, otherwise the end of the waitlist; the
    /// participant is told which (<see cref="EventNotificationKind.Confirmed"/> or <see cref="EventNotificationKind.Waitlisted"/>).
    /// </summary>
    public async Task AllocateAsync(Event ev, Registration registration, DateTime now, CancellationToken ct = default)
    {
        var taken = await TakenAsync(ev.Id, ct);
        var queueing = await Waitlisted(ev.Id).AnyAsync(ct);
        if (!queueing && taken + registration.Places <= ev.Capacity)
        {
            registration.Confirm(now);
            mail.Add(registration, EventNotificationKind.Confirmed, now);
        }
        else
        {
            registration.Waitlist(now);
            mail.Add(registration, EventNotificationKind.Waitlisted, now);
        }
    }

    /// <summary>
    /// Moves waitlisted sign-ups up, in order, while their places fit, and tells each
    /// (<see cref="EventNotificationKind.Promoted"/>). Strictly first come, first served: it stops at the first that
    /// does not fit. Nothing moves once the event started or when it is not published. Saves its changes.
    /// </summary>
    public async Task<IReadOnlyList<Registration>> PromoteAsync(Event ev, DateTime now, CancellationToken ct = default)
    {
        if (ev.Status != EventStatus.Published || now >= ev.StartsAt)
        {
            return [];
        }
        var taken = await TakenAsync(ev.Id, ct);
        var waiting = await Waitlisted(ev.Id).OrderBy(r => r.WaitlistedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var promoted = new List<Registration>();
        foreach (var next in waiting)
        {
            if (taken + next.Places > ev.Capacity)
            {
                break;
            }
            next.Promote(now);
            taken += next.Places;
            mail.Add(next, EventNotificationKind.Promoted, now);
            promoted.Add(next);
        }
        await db.SaveChangesAsync(ct);
        return promoted;
    }

    private IQueryable<Registration> Confirmed(int eventId) =>
        db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed);

    private IQueryable<Registration> Waitlisted(int eventId) =>
        db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted);
}
