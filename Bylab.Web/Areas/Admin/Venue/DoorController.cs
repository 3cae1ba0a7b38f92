using Bylab.Core.Bookings;
using Bylab.Core.Venue;
using Bylab.Web.Features.Organise;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Areas.Admin.Venue;

/// <summary>
/// The door, asked by staff: is this code valid now (or at the time given) at the Bylab's door? The shipped lock's
/// answer; a real lock integration answers the same question through <see cref="IDoorLock"/>. Nothing is changed.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/lokale/dor")]
public sealed class DoorController(IDoorLock door, VenueAdminService venues, BookingQueries queries, TimeProvider time) : Controller
{
    [HttpGet("")]
    public IActionResult Check() => View(new DoorCheckForm());

    [HttpPost("")]
    public async Task<IActionResult> Check(DoorCheckForm form, [FromServices] IValidator<DoorCheckForm> validator, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        if (await venues.FindAsync(Core.Venue.Venue.BylabSlug, ct) is not { } venue)
        {
            return NotFound();
        }
        var at = EventForm.ToUtc(form.At) ?? time.GetUtcNow().UtcDateTime;
        var check = await door.CheckAsync(venue.Id, form.Code!, at, ct);
        ViewData["Answer"] = new DoorAnswer(check, at, check.BookingId is { } id ? await queries.DetailsAsync(id, ct) : null);
        Response.Headers.CacheControl = "no-store";
        return View(form);
    }
}

public sealed record DoorAnswer(DoorCheck Check, DateTime At, BookingDetails? Booking);
