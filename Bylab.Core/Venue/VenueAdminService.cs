using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Venue;

public enum VenueAdminOutcome { Saved, InvalidInput, NotFound }

public sealed record VenueAdminResult(VenueAdminOutcome Outcome, int? Id = null, IReadOnlyList<FieldError>? Errors = null)
{
    public static VenueAdminResult Invalid(IEnumerable<FieldError> errors) => new(VenueAdminOutcome.InvalidInput, Errors: errors.ToList());
}

/// <summary>
/// Staff edit the venue: its facts and texts, the hours per weekday, closures, and its spaces. Audited (the action
/// codes live with the booking ones, <c>venue.*</c>). The calendar follows at once: it reads what is stored here.
/// </summary>
public sealed class VenueAdminService(BylabDbContext db, TimeProvider time, AuditLog audit, IEnumerable<ISpaceLayoutGuard> guards)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<Venue?> FindAsync(string slug, CancellationToken ct = default) =>
        db.Venues.AsNoTracking().Include(v => v.OpeningHours).Include(v => v.LendingHours).Include(v => v.Closures)
            .SingleOrDefaultAsync(v => v.Slug == slug, ct);

    public async Task<VenueAdminResult> UpdateAsync(int venueId, VenueInput input, string actorId, CancellationToken ct = default)
    {
        var clean = input.Clean();
        var errors = VenueRules.Check(clean);
        if (errors.Count > 0)
        {
            return VenueAdminResult.Invalid(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var venue = await db.Venues.Include(v => v.OpeningHours).Include(v => v.LendingHours).SingleOrDefaultAsync(v => v.Id == venueId, ct);
        if (venue is null)
        {
            return new VenueAdminResult(VenueAdminOutcome.NotFound);
        }
        (venue.Name, venue.StreetAddress, venue.PostalCode, venue.City, venue.Capacity) = (clean.Name, clean.StreetAddress, clean.PostalCode, clean.City, clean.Capacity);
        (venue.Description, venue.AccessibilityInfo) = (clean.Description!, clean.AccessibilityInfo!);
        (venue.StepFreeAccess, venue.HearingLoop, venue.AccessibleToilet) = (clean.StepFreeAccess, clean.HearingLoop, clean.AccessibleToilet);
        (venue.ContactEmail, venue.ContactPhone) = (clean.ContactEmail, clean.ContactPhone);
        (venue.AccessInstructions, venue.ContactPerson, venue.TidyingInstructions) = (clean.AccessInstructions!, clean.ContactPerson!, clean.TidyingInstructions!);
        venue.ClosedOnPublicHolidays = clean.ClosedOnPublicHolidays;
        db.RemoveRange(venue.OpeningHours);
        db.RemoveRange(venue.LendingHours);
        await db.SaveChangesAsync(ct);
        foreach (var day in clean.Hours)
        {
            if (day is { Opens: { } o, Closes: { } c })
            {
                db.Add(new OpeningHours { VenueId = venueId, Day = day.Day, Opens = o, Closes = c });
            }
            if (day is { LendOpens: { } lo, LendCloses: { } lc })
            {
                db.Add(new LendingHours { VenueId = venueId, Day = day.Day, Opens = lo, Closes = lc });
            }
        }
        audit.Add(await audit.ActorAsync(actorId, ct), VenueAuditActions.VenueUpdated, "venue", venueId, venue.Name);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new VenueAdminResult(VenueAdminOutcome.Saved, venueId);
    }

    /// <summary>Closed from <paramref name="first"/> to <paramref name="last"/> (both included). Bookings already approved stay: staff move or cancel them.</summary>
    public async Task<VenueAdminResult> AddClosureAsync(int venueId, ClosureKind kind, DateOnly first, DateOnly last, string reason, string actorId,
        CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        errors.Text(VenueRules.ClosureReason, reason);
        if (last < first)
        {
            errors.Add("LastDate", ClosureErrors.LastBeforeFirst);
        }
        else if (last.DayNumber - first.DayNumber > 366)
        {
            errors.Add("LastDate", ClosureErrors.TooLong);
        }
        if (!Enum.IsDefined(kind))
        {
            errors.Add(nameof(VenueClosure.Kind), FieldErrors.OutOfRange);
        }
        if (errors.Count > 0)
        {
            return VenueAdminResult.Invalid(errors);
        }
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, ct))
        {
            return new VenueAdminResult(VenueAdminOutcome.NotFound);
        }
        var closure = new VenueClosure { VenueId = venueId, Kind = kind, FirstDate = first, LastDate = last, Reason = reason.Trim() };
        db.VenueClosures.Add(closure);
        await db.SaveChangesAsync(ct);
        audit.Add(await audit.ActorAsync(actorId, ct), VenueAuditActions.ClosureAdded, "venue", venueId, $"{first:yyyy-MM-dd}–{last:yyyy-MM-dd}; {closure.Reason}");
        await db.SaveChangesAsync(ct);
        return new VenueAdminResult(VenueAdminOutcome.Saved, closure.Id);
    }

    public async Task<VenueAdminOutcome> RemoveClosureAsync(int venueId, int closureId, string actorId, CancellationToken ct = default)
    {
        var closure = await db.VenueClosures.SingleOrDefaultAsync(c => c.Id == closureId && c.VenueId == venueId, ct);
        if (closure is null)
        {
            return VenueAdminOutcome.NotFound;
        }
        db.VenueClosures.Remove(closure);
        audit.Add(await audit.ActorAsync(actorId, ct), VenueAuditActions.ClosureRemoved, "venue", venueId,
            $"{closure.FirstDate:yyyy-MM-dd}–{closure.LastDate:yyyy-MM-dd}; {closure.Reason}");
        await db.SaveChangesAsync(ct);
        return VenueAdminOutcome.Saved;
    }

    public Task<List<Space>> SpacesAsync(int venueId, CancellationToken ct = default) =>
        db.Spaces.AsNoTracking().Where(s => s.VenueId == venueId).OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);

    /// <summary>
    /// Creates (<paramref name="spaceId"/> null) or saves a space, and rebuilds which spaces block which. A new parent
    /// that would put approved bookings on top of each other is refused.
    /// </summary>
    public async Task<VenueAdminResult> SaveSpaceAsync(int venueId, int? spaceId, SpaceInput input, string actorId, CancellationToken ct = default)
    {
        var clean = input.Clean();
        var errors = SpaceRules.Check(clean).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var spaces = await db.Spaces.Where(s => s.VenueId == venueId).ToListAsync(ct);
        var space = spaceId is { } id ? spaces.SingleOrDefault(s => s.Id == id) : new Space { VenueId = venueId };
        if (space is null)
        {
            return new VenueAdminResult(VenueAdminOutcome.NotFound);
        }
        if (clean.ParentId is { } parentId && (spaces.All(s => s.Id != parentId) || IsSelfOrInside(parentId, space, spaces)))
        {
            errors.Add(nameof(SpaceInput.ParentId), spaces.Any(s => s.Id == parentId) ? SpaceRules.ParentCycle : SpaceRules.UnknownParent);
        }
        if (spaces.Any(s => s != space && string.Equals(s.Name, clean.Name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(nameof(SpaceInput.Name), SpaceRules.NameTaken);
        }
        if (errors.Count > 0)
        {
            return VenueAdminResult.Invalid(errors);
        }
        // Which buffer grew decides where a refusal is said; any change moves what is held in the space along.
        var (setupBefore, cleanupBefore) = (space.SetupMinutes, space.CleanupMinutes);
        var buffersChanged = space.Id != 0 && (setupBefore != clean.SetupMinutes || cleanupBefore != clean.CleanupMinutes);
        clean.ApplyTo(space);
        if (space.Id == 0)
        {
            db.Spaces.Add(space);
        }
        await db.SaveChangesAsync(ct);
        await SpaceRelations.RebuildAsync(db, venueId, ct);
        if (await WouldOverlapAsync(ct))
        {
            return VenueAdminResult.Invalid([new FieldError(nameof(SpaceInput.ParentId), SpaceRules.WouldOverlap)]);
        }
        if (buffersChanged && !await FollowBuffersAsync(space, ct))
        {
            var field = clean.SetupMinutes > setupBefore ? nameof(SpaceInput.SetupMinutes) : nameof(SpaceInput.CleanupMinutes);
            return VenueAdminResult.Invalid([new FieldError(field, SpaceRules.BuffersWouldOverlap)]);
        }
        audit.Add(await audit.ActorAsync(actorId, ct), VenueAuditActions.SpaceSaved, "space", space.Id, space.Name);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new VenueAdminResult(VenueAdminOutcome.Saved, space.Id);
    }

    private async Task<bool> WouldOverlapAsync(CancellationToken ct)
    {
        foreach (var guard in guards)
        {
            if (await guard.OverlapsAsync(ct))
            {
                return true;
            }
        }
        return false;
    }

    private async Task<bool> FollowBuffersAsync(Space space, CancellationToken ct)
    {
        foreach (var guard in guards)
        {
            if (!await guard.FollowBuffersAsync(space, ct))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether <paramref name="candidate"/> is the space itself or lies inside it (a parent there would make a loop).</summary>
    private static bool IsSelfOrInside(int candidate, Space space, List<Space> spaces)
    {
        if (space.Id == 0)
        {
            return false;
        }
        for (int? at = candidate; at is { } current; at = spaces.SingleOrDefault(s => s.Id == current)?.ParentId)
        {
            if (current == space.Id)
            {
                return true;
            }
        }
        return false;
    }
}

public static class ClosureErrors
{
    public const string LastBeforeFirst = "last-before-first";
    public const string TooLong = "closure-too-long";
}

/// <summary>Which spaces block which: every space with itself, its ancestors and its descendants. The overlap trigger reads these pairs.</summary>
public static class SpaceRelations
{
    public static async Task RebuildAsync(BylabDbContext db, int venueId, CancellationToken ct)
    {
        var spaces = await db.Spaces.AsNoTracking().Where(s => s.VenueId == venueId).Select(s => new { s.Id, s.ParentId }).ToListAsync(ct);
        var ids = spaces.Select(s => s.Id).ToList();
        await db.SpaceRelations.Where(r => ids.Contains(r.SpaceId)).ExecuteDeleteAsync(ct);
        var parent = spaces.ToDictionary(s => s.Id, s => s.ParentId);
        var pairs = new HashSet<(int, int)>();
        foreach (var s in spaces)
        {
            pairs.Add((s.Id, s.Id));
            for (var p = parent[s.Id]; p is { } ancestor; p = parent.GetValueOrDefault(ancestor))
            {
                pairs.Add((s.Id, ancestor));
                pairs.Add((ancestor, s.Id));
            }
        }
        db.SpaceRelations.AddRange(pairs.Select(p => new SpaceRelation { SpaceId = p.Item1, RelatedId = p.Item2 }));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Asked after the spaces' containment changed: does anything now hold related spaces at the same time? Bookings
/// answer (the trigger guards new rows; rows already there are checked here), so Venue need not know them.
/// </summary>
public interface ISpaceLayoutGuard
{
    Task<bool> OverlapsAsync(CancellationToken ct);

    /// <summary>
    /// The space's setup or cleaning time changed: what holds it from now on is held with the new buffers (the stored
    /// intervals the trigger compares, and door codes), in the caller's transaction. False when that would put two
    /// approved bookings on top of each other.
    /// </summary>
    Task<bool> FollowBuffersAsync(Space space, CancellationToken ct);
}

public static class VenueAuditActions
{
    public const string VenueUpdated = "venue.updated";
    public const string ClosureAdded = "venue.closure.added";
    public const string ClosureRemoved = "venue.closure.removed";
    public const string SpaceSaved = "venue.space.saved";
}
