using Bylab.Core.Venue;
using Bylab.Web.Features.Bookings;
using Bylab.Web.Features.Organise;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Venue;

/// <summary>Staff add and edit the venue's bookable spaces: capacity, equipment, buffers, limits, and which space contains which.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/lokale/rom")]
public sealed class SpacesController(VenueAdminService venues, IStringLocalizer<BookingsResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        await VenueIdAsync(ct) is { } venueId ? View("Spaces", await venues.SpacesAsync(venueId, ct)) : NotFound();

    [HttpGet("ny")]
    public Task<IActionResult> Create(CancellationToken ct) => FormViewAsync(SpaceForm.New(), null, ct);

    [HttpPost("ny")]
    public Task<IActionResult> Create(SpaceForm form, [FromServices] IValidator<SpaceForm> validator, CancellationToken ct) =>
        SaveAsync(null, form, validator, ct);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        if (await VenueIdAsync(ct) is not { } venueId || (await venues.SpacesAsync(venueId, ct)).FirstOrDefault(s => s.Id == id) is not { } space)
        {
            return NotFound();
        }
        return await FormViewAsync(SpaceForm.From(space), space, ct);
    }

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(int id, SpaceForm form, [FromServices] IValidator<SpaceForm> validator, CancellationToken ct) =>
        SaveAsync(id, form, validator, ct);

    private async Task<IActionResult> SaveAsync(int? id, SpaceForm form, IValidator<SpaceForm> validator, CancellationToken ct)
    {
        if (await VenueIdAsync(ct) is not { } venueId)
        {
            return NotFound();
        }
        var stored = id is { } spaceId ? (await venues.SpacesAsync(venueId, ct)).FirstOrDefault(s => s.Id == spaceId) : null;
        if (id is not null && stored is null)
        {
            return NotFound();
        }
        if (!ModelState.Validate(validator, form))
        {
            return await FormViewAsync(form, stored, ct);
        }
        var result = await venues.SaveSpaceAsync(venueId, id, form.ToInput(), User.UserId()!, ct);
        if (result.Outcome == VenueAdminOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome != VenueAdminOutcome.Saved)
        {
            BookingMessages.AddTo(ModelState, result.Errors ?? [], l);
            return await FormViewAsync(form, stored, ct);
        }
        TempData["Message"] = l["Admin.Space.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> FormViewAsync(SpaceForm form, Space? stored, CancellationToken ct)
    {
        form.Stored = stored;
        form.Others = (await venues.SpacesAsync((await VenueIdAsync(ct))!.Value, ct)).Where(s => s.Id != stored?.Id).ToList();
        return View("Space", form);
    }

    private async Task<int?> VenueIdAsync(CancellationToken ct) => (await venues.FindAsync(Core.Venue.Venue.BylabSlug, ct))?.Id;
}
