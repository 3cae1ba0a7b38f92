using System.Security.Claims;

namespace Bylab.Web.Features.Organise;

/// <summary>
/// Who may manage which event. Staff and admins signed in with two factors manage every event; an organiser only
/// the events they own. Someone else's event answers 404, as if it did not exist: its id reveals nothing.
/// </summary>
public static class EventAccess
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool ManagesAll(this ClaimsPrincipal user) => Policies.IsStaffWithMfa(user);

    public static bool CanManage(this ClaimsPrincipal user, string? ownerId) =>
        user.ManagesAll() || (ownerId is not null && ownerId == user.UserId());

    /// <summary>The owner to list events for: null (all) for staff, the person's own id for an organiser.</summary>
    public static string? OwnerFilter(this ClaimsPrincipal user) => user.ManagesAll() ? null : user.UserId() ?? throw new InvalidOperationException("A signed-in person without an id.");
}
