using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Web.Areas.Admin.Dashboard;

/// <summary>
/// The first page of /admin. It tells each role what it can do here and counts only what that role may open:
/// an admin users and the audit log, staff ideas, consultations, the outbox, events and the venue's bookings, a moderator what there is for them.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.AdminArea)]
[Route("admin")]
public sealed class DashboardController(BylabDbContext db, IAuthorizationService authorization, TimeProvider time) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var admin = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        var staff = (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded;
        var now = time.GetUtcNow().UtcDateTime;
        return View(new DashboardModel(
            admin ? new AdminCounts(await db.Users.CountAsync(ct), await db.Users.CountAsync(u => !u.EmailConfirmed, ct)) : null,
            staff ? new StaffCounts(
                await db.OutboxMessages.CountAsync(ct),
                await db.Ideas.Listed().CountAsync(i => i.Status == IdeaStatus.New, ct),
                await db.Bookings.CountAsync(b => b.Status == Core.Bookings.BookingStatus.Pending && b.StartsAt > now, ct)) : null,
            Moderator: User.IsInRole(Core.Accounts.Roles.Moderator)));
    }
}

/// <param name="Admin">Set for an admin: users and the audit log.</param>
/// <param name="Staff">Set for staff and admins: ideas, consultations, themes, the outbox and events.</param>
public sealed record DashboardModel(AdminCounts? Admin, StaffCounts? Staff, bool Moderator);

public sealed record AdminCounts(int Users, int Unconfirmed);

/// <param name="PendingBookings">Requests for the venue waiting for a decision (not yet started).</param>
public sealed record StaffCounts(int OutboxMessages, int IdeasWithoutAnswer, int PendingBookings);
