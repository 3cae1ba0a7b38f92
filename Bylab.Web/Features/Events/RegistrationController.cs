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
public sealed class RegistrationController(
    RegistrationService registrations,
    IStringLocalizer<EventsResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
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
    public async Task<IActionResult> Confirm(string token, [FromServices] EventNotificationDispatcher dispatcher, CancellationToken ct)
    {
        var outcome = await registrations.ConfirmEmailAsync(token, ct);
        if (outcome == ConfirmEmailOutcome.NotFound)
        {
            return NotFound();
        }
        var view = await registrations.FindByTokenAsync(token, ct);
        if (view is not null)
        {
            await dispatcher.DeliverForEventAsync(view.EventId, ct);
        }
        if (outcome == ConfirmEmailOutcome.NotOpen)
        {
            TempData["Problem"] = l["Registration.ConfirmNotOpen"].Value;
        }
        else
        {
            var position = outcome == ConfirmEmailOutcome.Waitlisted ? view?.WaitlistPosition : null;
            TempData["Message"] = outcome switch
            {
                ConfirmEmailOutcome.Confirmed => l["Registration.ConfirmedNow"].Value,
                ConfirmEmailOutcome.Waitlisted => l["Registration.WaitlistedNow", position ?? 1].Value,
                _ => l["Registration.AlreadyConfirmed"].Value,
            };
        }
        return new SeeOtherResult(EventPaths.Registration(token));
    }

    [HttpPost("avmeld")]
    public async Task<IActionResult> Cancel(string token, [FromServices] EventNotificationDispatcher dispatcher, CancellationToken ct)
    {
        var outcome = await registrations.CancelAsync(token, ct);
        switch (outcome)
        {
            case CancelOutcome.NotFound:
                return NotFound();
            case CancelOutcome.Cancelled:
                if (await registrations.FindByTokenAsync(token, ct) is { } cancelled)
                {
                    await dispatcher.DeliverForEventAsync(cancelled.EventId, ct);
                }
                TempData["Message"] = l["Registration.CancelledNow"].Value;
                break;
            case CancelOutcome.AlreadyCancelled:
                TempData["Message"] = l["Registration.AlreadyCancelled"].Value;
                break;
            case CancelOutcome.CheckedIn:
                TempData["Problem"] = l["Registration.CancelCheckedIn"].Value;
                break;
            default:
                TempData["Problem"] = l["Registration.CancelTooLate"].Value;
                break;
        }
        return new SeeOtherResult(EventPaths.Registration(token));
    }
}
