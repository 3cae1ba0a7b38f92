using Bylab.Core.Data;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bylab.Web.Areas.Admin.Dashboard;

[Area("Admin")]
[Authorize(Policy = Policies.AdminArea)]
[Route("admin")]
public sealed class DashboardController(BylabDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new DashboardModel(
        Users: await db.Users.CountAsync(ct),
        Unconfirmed: await db.Users.CountAsync(u => !u.EmailConfirmed, ct),
        OutboxMessages: await db.OutboxMessages.CountAsync(ct),
        IdeasWithoutAnswer: await db.Ideas.CountAsync(i => i.Status == IdeaStatus.New && i.WithdrawnAt == null && i.MergedIntoId == null, ct)));
}

public sealed record DashboardModel(int Users, int Unconfirmed, int OutboxMessages, int IdeasWithoutAnswer);
