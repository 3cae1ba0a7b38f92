using System.Security.Claims;
using Bylab.Core.Bookings;
using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Bylab.Core.Organisations;
using Microsoft.EntityFrameworkCore;

using Bylab.Web.Features.Bookings;

namespace Bylab.Web.Features.Organise;

/// <summary>
/// What the event form offers the person: themes, venues and their spaces, the organisations they may run events for
/// (staff: every active one; an organiser: their own), and the bookings of those organisations an event could use.
/// </summary>
public sealed class EventFormData(BylabDbContext db, IdeaQueries ideas, OrganisationService organisations, EventBookings bookings)
{
    public async Task FillAsync(EventForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        form.Themes = await ideas.ThemesAsync(ct);
        if (form.Venues.Count == 0)
        {
            form.Venues = await db.Venues.AsNoTracking().OrderBy(v => v.Name).ToListAsync(ct);
        }
        form.Spaces = await db.Spaces.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.VenueId).ThenBy(s => s.SortOrder).ToListAsync(ct);
        form.Organisations = await organisations.OrganisationsForAsync(user, ct);
        if (form.Stored is null)
        {
            // A new event is for the person's one organisation, or for the municipality when staff make it.
            form.OrganisationId ??= form.Organisations.Count == 1 ? form.Organisations[0].Id
                : user.ManagesAll() ? form.Organisations.FirstOrDefault(o => o.IsMunicipality)?.Id : null;
        }
        var ids = form.Organisations.Select(o => o.Id).ToList();
        form.UsableBookings = await bookings.UsableAsync(user.ManagesAll() ? null : ids, ct);
        if (form.Stored?.BookingId is { } bookingId)
        {
            form.StoredBooking = await db.Bookings.AsNoTracking().Include(b => b.Space).SingleOrDefaultAsync(b => b.Id == bookingId, ct);
            form.BookingChoice ??= form.StoredBooking is { Kind: not BookingKind.Event } chosen ? chosen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : EventForm.OwnBooking;
        }
    }
}
