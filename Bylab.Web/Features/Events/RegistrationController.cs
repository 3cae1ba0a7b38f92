using Bylab.Core.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Events;

/// <summary>
/// The participant's own page, reached by the secret link in their e-mail: status, code, waitlist place,
/// confirm (guests) and cancel. The token is the only key, so an unknown one is a plain 404, and the page
/// keeps the token out of Referer headers and search engines.
/// </summary>
[AllowAnonymous]
[Route("pamelding/{token}")]
public sealed class RegistrationController(IStringLocalizer<EventsResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, [FromServices] RegistrationQueries registrations, CancellationToken ct)
    {
        if (await registrations.FindByTokenAsync(token, ct) is not { } registration)
        {
            return NotFound();
        }
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        return View("Registration", registration);
    }

    /// <summary>A guest confirms the e-mail address. Only a POST does this: mail scanners follow the links they see.</summary>
    [HttpPost("bekreft")]
    public async Task<IActionResult> Confirm(string token, [FromServices] SignUpService signUps, CancellationToken ct)
    {
        var result = await signUps.ConfirmEmailAsync(token, ct);
        if (result.Outcome == ConfirmEmailOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome == ConfirmEmailOutcome.NotOpen)
        {
            TempData["Problem"] = l["Registration.ConfirmNotOpen"].Value;
        }
        else
        {
            TempData["Message"] = result.Outcome switch
            {
                ConfirmEmailOutcome.Confirmed => l["Registration.ConfirmedNow"].Value,
                ConfirmEmailOutcome.Waitlisted => l["Registration.WaitlistedNow", result.WaitlistPosition ?? 1].Value,
                _ => l["Registration.AlreadyConfirmed"].Value,
            };
        }
        return new SeeOtherResult(EventPaths.Registration(token));
    }

    [HttpPost("avmeld")]
    public async Task<IActionResult> Cancel(string token, [FromServices] CancellationService cancellations, CancellationToken ct)
    {
        var result = await cancellations.CancelAsync(token, ct);
        if (result.Outcome == CancelOutcome.NotFound)
        {
            return NotFound();
        }
        (var key, var text) = result.Outcome switch
        {
            CancelOutcome.Cancelled => ("Message", l["Registration.CancelledNow"]),
            CancelOutcome.AlreadyCancelled => ("Message", l["Registration.AlreadyCancelled"]),
            CancelOutcome.CheckedIn => ("Problem", l["Registration.CancelCheckedIn"]),
            _ => ("Problem", l["Registration.CancelTooLate"]),
        };
        TempData[key] = text.Value;
        return new SeeOtherResult(EventPaths.Registration(token));
    }
}
