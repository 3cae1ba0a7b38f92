using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Events;

/// <summary>«Mine påmeldinger» on Min side: the signed-in person's sign-ups, each linking to its personal page.</summary>
[Route("min-side/pameldinger")]
public sealed class MyRegistrationsController(RegistrationQueries registrations, UserManager<BylabUser> users) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View("MyRegistrations", await registrations.ForUserAsync(users.GetUserId(User)!, ct));
}
