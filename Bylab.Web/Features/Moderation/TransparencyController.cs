using Bylab.Core.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Moderation;

/// <summary>
/// The public record of moderation, linked from the footer: per month, how many items were reported, hidden automatically,
/// hidden by a moderator, held by the word list, restored and reviewed, by kind of content and reason. Numbers only.
/// </summary>
[AllowAnonymous]
[Route("apenhet")]
public sealed class TransparencyController(TransparencyQueries queries) : Controller
{
    public const string Path = "/apenhet";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Transparency", await queries.MonthsAsync(ct));
}
