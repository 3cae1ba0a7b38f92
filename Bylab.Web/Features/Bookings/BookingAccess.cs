using System.Security.Claims;
using Bylab.Core.Organisations;
using Bylab.Core.Venue;
using Bylab.Web.Features.Organise;

namespace Bylab.Web.Features.Bookings;

/// <summary>
/// Who may act for which organisation. Staff signed in with two factors act for all of them (and see every title in
/// the calendar); an organiser for the organisations they are a member of. A booking of another organisation answers
/// 404, as if it did not exist.
/// </summary>
public static class BookingAccess
{
    /// <summary>The organisations the person may request the venue for, by name.</summary>
    public static async Task<List<Organisation>> OrganisationsForAsync(this OrganisationService organisations, ClaimsPrincipal user, CancellationToken ct) =>
        user.ManagesAll() ? await organisations.ActiveAsync(ct)
        : user.UserId() is { } id ? await organisations.ForMemberAsync(id, ct)
        : [];

    public static async Task<bool> MayActForAsync(this OrganisationService organisations, ClaimsPrincipal user, int organisationId, CancellationToken ct) =>
        user.ManagesAll() || (user.UserId() is { } id && await organisations.IsMemberAsync(id, organisationId, ct));

    /// <summary>The calendar's viewer: anonymous, an organiser with their organisations, or staff who see all.</summary>
    public static async Task<VenueViewer> ViewerAsync(this OrganisationService organisations, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true || user.UserId() is not { } id)
        {
            return VenueViewer.Anonymous;
        }
        var mine = await organisations.ForMemberAsync(id, ct);
        return new VenueViewer(id, user.ManagesAll(), mine.Select(o => o.Id).ToHashSet());
    }
}
