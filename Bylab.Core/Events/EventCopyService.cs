using System.Globalization;
using Bylab.Core.Auditing;
using Bylab.Core.Data;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>Staff and organisers copy an event to run it again.</summary>
public sealed class EventCopyService(BylabDbContext db, TimeProvider time, AuditLog audit, VenueCalendar venues)
{
    /// <summary>How far <see cref="CopyAsync"/> looks for a free week at the venue.</summary>
    private const int WeeksToTry = 104;

    /// <summary>
    /// A new draft with the same content and a new slug, owned by <paramref name="actorId"/>, with no
    /// registrations and no booking (a draft holds no room: saving it in the form or publishing it takes one). It is placed a whole number of weeks after the original, at the same Oslo wall-clock time
    /// (the registration times move with it): the first such week that is in the future and, for a venue, free.
    /// The organiser then adjusts it in the edit form. Null when the event does not exist.
    /// </summary>
    public async Task<int?> CopyAsync(int id, string actorId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The write lock first (BEGIN IMMEDIATE): the free week found is still free when the copy is saved.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var source = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (source is null)
        {
            return null;
        }
        var weeks = Math.Max(1, (int)Math.Ceiling((now - source.StartsAt).TotalDays / 7));
        for (var tries = 0; tries < WeeksToTry; tries++, weeks++)
        {
            if (Shifted(EventInput.From(source), weeks) is not { } input || input.StartsAt <= now)
            {
                continue;
            }
            if (source.VenueId is { } venueId && (await venues.ConflictsAsync(new VenueSlot(venueId, source.SpaceId, input.StartsAt, input.EndsAt), null, ct)).Count > 0)
            {
                continue;
            }
            var copy = new Event
            {
                Slug = await EventSlugs.UniqueAsync(db, source.Title, ct),
                OwnerId = actorId,
                Status = EventStatus.Draft,
                CreatedAt = now,
                CopiedFromId = source.Id,
            };
            input.ApplyTo(copy);
            db.Events.Add(copy);
            await db.SaveChangesAsync(ct);
            audit.Add(await audit.ActorAsync(actorId, ct), EventAuditActions.EventCopied, "event", copy.Id,
                $"{copy.Title}; from {source.Id.ToString(CultureInfo.InvariantCulture)}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return copy.Id;
        }
        throw new InvalidOperationException($"No free week at the venue within {WeeksToTry} weeks to copy event {id} to.");
    }

    /// <summary>
    /// The input <paramref name="weeks"/> weeks later at the same Oslo wall-clock times; null when the start or end
    /// does not exist then (a summer-time change) or the end is no longer after the start.
    /// </summary>
    private static EventInput? Shifted(EventInput input, int weeks)
    {
        if (ShiftWeeks(input.StartsAt, weeks) is not { } startsAt || ShiftWeeks(input.EndsAt, weeks) is not { } endsAt || endsAt <= startsAt)
        {
            return null;
        }
        var shifted = input with
        {
            StartsAt = startsAt,
            EndsAt = endsAt,
            RegistrationOpensAt = input.RegistrationOpensAt is { } opens ? ShiftWeeks(opens, weeks) : null,
            RegistrationClosesAt = input.RegistrationClosesAt is { } closes ? ShiftWeeks(closes, weeks) : null,
        };
        // Only a summer-time change between the two could break the window; the organiser sets it again.
        return shifted.RegistrationOpensAt >= (shifted.RegistrationClosesAt ?? shifted.StartsAt) || shifted.RegistrationClosesAt > shifted.EndsAt
            ? shifted with { RegistrationOpensAt = null, RegistrationClosesAt = null }
            : shifted;
    }

    /// <summary>The same Oslo wall-clock time <paramref name="weeks"/> weeks later; null if that hour does not exist.</summary>
    private static DateTime? ShiftWeeks(DateTime utc, int weeks) => OsloTime.ToUtc(OsloTime.ToOslo(utc).AddDays(7 * weeks));
}
