using Bylab.Core.Connect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Connect;

/// <summary>«Tilkoblede tjenester» on Min side: taking back a remembered consent (the list itself is on Min side).</summary>
[Route("min-side/tilkoblede-tjenester")]
public sealed class ConnectionsController(Connections connections, IStringLocalizer<ConnectResource> l) : Controller
{
    [HttpPost("fjern")]
    public async Task<IActionResult> Revoke([FromForm] string? authorizationId, CancellationToken ct)
    {
        var revoked = !string.IsNullOrEmpty(authorizationId) && await connections.RevokeAsync(Bylab.Web.Features.Ideas.IdeaPaths.UserId(User), authorizationId, ct);
        TempData[revoked ? "Message" : "Problem"] = l[revoked ? "Connections.Revoked" : "Connections.NotFound"].Value;
        return Redirect("/min-side#tilkoblede-tjenester");
    }
}
