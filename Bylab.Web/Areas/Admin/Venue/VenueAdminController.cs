using Bylab.Core.Bookings;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Bylab.Web.Features.Bookings;
using Bylab.Web.Features.Organise;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Venue;

/// <summary>Staff edit the venue (facts, texts for borrowers, hours per weekday) and its closed days; the calendar follows at once.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/lokale")]
public sealed class VenueAdminController(VenueAdminService venues, TimeProvider time, IStringLocalizer<BookingsResource> l) : Controller
{
    private string ActorId => User.UserId()!;

    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct) =>
        await venues.FindAsync(Core.Venue.Venue.BylabSlug, ct) is { } venue ? View(VenueForm.From(venue)) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Edit(VenueForm form, [FromServices] IValidator<VenueForm> validator, CancellationToken ct)
    {
        if (await venues.FindAsync(Core.Venue.Venue.BylabSlug, ct) is not { } venue)
        {
            return NotFound();
        }
        form.Stored = venue;
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var result = await venues.UpdateAsync(venue.Id, form.ToInput(), ActorId, ct);
        if (result.Outcome != VenueAdminOutcome.Saved)
        {
            BookingMessages.AddTo(ModelState, result.Errors ?? [], l);
            return View(form);
        }
        TempData["Message"] = l["Admin.Venue.Saved"].Value;
        return RedirectToAction(nameof(Edit));
    }

    [HttpGet("stengt")]
    public async Task<IActionResult> Closures(CancellationToken ct) => await ClosuresViewAsync(new ClosureForm(), ct);

    [HttpPost("stengt")]
    public async Task<IActionResult> AddClosure(ClosureForm form, [FromServices] IValidator<ClosureForm> validator, CancellationToken ct)
    {
        if (await venues.FindAsync(Core.Venue.Venue.BylabSlug, ct) is not { } venue)
        {
            return NotFound();
        }
        if (!ModelState.Validate(validator, form))
        {
            return await ClosuresViewAsync(form, ct);
        }
        var first = BookingRequestForm.ParseDate(form.FirstDate)!.Value;
        var last = BookingRequestForm.ParseDate(form.LastDate) ?? first;
        var result = await venues.AddClosureAsync(venue.Id, form.Kind!.Value, first, last, form.Reason ?? "", ActorId, ct);
        if (result.Outcome != VenueAdminOutcome.Saved)
        {
            BookingMessages.AddTo(ModelState, result.Errors ?? [], l);
            return await ClosuresViewAsync(form, ct);
        }
        TempData["Message"] = l["Admin.Closure.Added"].Value;
        return RedirectToAction(nameof(Closures));
    }

    [HttpPost("stengt/{id:int}/slett")]
    public async Task<IActionResult> RemoveClosure(int id, CancellationToken ct)
    {
        if (await venues.FindAsync(Core.Venue.Venue.BylabSlug, ct) is not { } venue
            || await venues.RemoveClosureAsync(venue.Id, id, ActorId, ct) == VenueAdminOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["Message"] = l["Admin.Closure.Removed"].Value;
        return RedirectToAction(nameof(Closures));
    }

    private async Task<IActionResult> ClosuresViewAsync(ClosureForm form, CancellationToken ct)
    {
        if (await venues.FindAsync(Core.Venue.Venue.BylabSlug, ct) is not { } venue)
        {
            return NotFound();
        }
        var today = DateOnly.FromDateTime(OsloTime.ToOslo(time.GetUtcNow().UtcDateTime));
        var holidays = NorwegianHolidays.For(today.Year).Concat(NorwegianHolidays.For(today.Year + 1)).Where(h => h.Date >= today).ToList();
        ViewData["Page"] = new ClosuresPage(venue, venue.Closures.Where(c => c.LastDate >= today).OrderBy(c => c.FirstDate).ToList(), holidays);
        return View("Closures", form);
    }
}

public sealed record ClosuresPage(Core.Venue.Venue Venue, IReadOnlyList<VenueClosure> Closures, IReadOnlyList<PublicHoliday> Holidays);
