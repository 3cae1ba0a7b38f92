using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Core.Events;

/// <summary>The participant's own page, reached by the personal link.</summary>
/// <param name="WaitlistPosition">1-based, when waitlisted.</param>
/// <param name="OnlineUrl">Only when the participant holds a place.</param>
/// <param name="WaitlistCount">How many sign-ups wait for a place at this event now.</param>
public sealed record RegistrationView(
    int Id,
    RegistrationStatus Status,
    string Name,
    string Email,
    int Companions,
    string? Needs,
    string? Answer,
    string CheckInCode,
    string ManageToken,
    int? WaitlistPosition,
    DateTime CreatedAt,
    DateTime? CancelledAt,
    CancelledBy? CancelledBy,
    DateTime? CheckedInAt,
    bool CanCancel,
    int EventId,
    string EventSlug,
    string EventTitle,
    DateTime StartsAt,
    DateTime EndsAt,
    EventStatus EventStatus,
    string LocationText,
    string? OnlineUrl,
    string? Question,
    int WaitlistCount = 0);

/// <summary>A registration as listed on the person's «Min side».</summary>
public sealed record MyRegistration(int Id, string ManageToken, RegistrationStatus Status, int? WaitlistPosition,
    int EventId, string EventSlug, string EventTitle, DateTime StartsAt, EventStatus EventStatus);

/// <summary>Reading one's own sign-ups: by the personal link, and the signed-in person's list.</summary>
public sealed class RegistrationQueries(BylabDbContext db, TimeProvider time, EventPlaces places)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The participant's page. Null for an unknown token: the caller shows «not found» and nothing more.</summary>
    public async Task<RegistrationView?> FindByTokenAsync(string token, CancellationToken ct = default)
    {
        if (!Registration.LooksLikeManageToken(token))
        {
            return null;
        }
        var r = await db.Registrations.AsNoTracking()
            .Include(x => x.Event).ThenInclude(e => e!.Venue)
            .SingleOrDefaultAsync(x => x.ManageToken == token, ct);
        if (r?.Event is not { } ev)
        {
            return null;
        }
        return new RegistrationView(
            r.Id, r.Status, r.Name, r.Email, r.Companions, r.Needs, r.Answer, r.CheckInCode, r.ManageToken,
            await places.PositionAsync(r, ct), r.CreatedAt, r.CancelledAt, r.CancelledBy, r.CheckedInAt,
            CanCancel: r.IsCancellable && ev.AllowsCancellationAt(Now),
            ev.Id, ev.Slug, ev.Title, ev.StartsAt, ev.EndsAt, ev.Status, EventCalendar.LocationText(ev, online: ""),
            OnlineUrl: r.Status == RegistrationStatus.Confirmed && ev.LocationKind == EventLocationKind.Online ? ev.OnlineUrl : null,
            ev.Question,
            // So the page says «your place goes to the first on the waitlist» only when someone is waiting.
            await places.WaitingAsync(ev.Id, ct));
    }

    /// <summary>The signed-in person's registrations, soonest event first, then past ones.</summary>
    public async Task<IReadOnlyList<MyRegistration>> ForUserAsync(string userId, CancellationToken ct = default)
    {
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Select(r => new { Registration = r, r.Event!.Slug, r.Event.Title, r.Event.StartsAt, r.Event.EndsAt, r.Event.Status })
            .ToListAsync(ct);
        var now = Now;
        var result = new List<MyRegistration>();
        foreach (var row in rows.OrderBy(x => x.EndsAt < now).ThenBy(x => x.EndsAt < now ? -x.StartsAt.Ticks : x.StartsAt.Ticks))
        {
            result.Add(new MyRegistration(row.Registration.Id, row.Registration.ManageToken, row.Registration.Status,
                await places.PositionAsync(row.Registration, ct), row.Registration.EventId, row.Slug, row.Title, row.StartsAt, row.Status));
        }
        return result;
    }
}
