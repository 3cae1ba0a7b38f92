using Bylab.Core.Bookings;
using Bylab.Core.Time;
using Bylab.Core.Venue;
using Bylab.Web.Features.Bookings;
using Bylab.Web.Features.Organise;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Bookings;

/// <summary>Staff block time for the municipality, and move or cancel a booking; the organisation is told why.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/bookinger")]
public sealed class BookingAdminController(
    BookingStaffService staff, BookingQueries queries, VenueAdminService venues, IStringLocalizer<BookingsResource> l) : Controller
{
    private string ActorId => User.UserId()!;

    [HttpGet("blokker")]
    public async Task<IActionResult> Block(CancellationToken ct) => await BlockViewAsync(new BlockForm(), ct);

    [HttpPost("blokker")]
    public async Task<IActionResult> Block(BlockForm form, [FromServices] IValidator<BlockForm> validator, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            return await BlockViewAsync(form, ct);
        }
        var result = await staff.BlockAsync(new BlockInput(form.SpaceId!.Value, EventForm.ToUtc(form.StartsAt)!.Value, EventForm.ToUtc(form.EndsAt)!.Value,
            form.Purpose ?? "", form.IsPublic), ActorId, ct);
        if (result.Outcome == BookingOutcome.Done)
        {
            TempData["Message"] = l["Admin.Block.Done"].Value;
            return Redirect(BookingPaths.AdminBooking(result.BookingId!.Value));
        }
        form.Conflicts = result.Conflicts ?? [];
        AddRefusal(result);
        return await BlockViewAsync(form, ct);
    }

    [HttpGet("{id:int}/flytt")]
    public async Task<IActionResult> Move(int id, CancellationToken ct)
    {
        if (await queries.DetailsAsync(id, ct) is not { } details)
        {
            return NotFound();
        }
        var b = details.Booking;
        return await MoveViewAsync(details, new MoveForm { SpaceId = b.SpaceId, StartsAt = EventForm.Local(b.StartsAt), EndsAt = EventForm.Local(b.EndsAt) }, ct);
    }

    [HttpPost("{id:int}/flytt")]
    public async Task<IActionResult> Move(int id, MoveForm form, [FromServices] IValidator<MoveForm> validator, CancellationToken ct)
    {
        if (await queries.DetailsAsync(id, ct) is not { } details)
        {
            return NotFound();
        }
        if (!ModelState.Validate(validator, form))
        {
            return await MoveViewAsync(details, form, ct);
        }
        var result = await staff.MoveAsync(id, form.SpaceId!.Value, EventForm.ToUtc(form.StartsAt)!.Value, EventForm.ToUtc(form.EndsAt)!.Value,
            form.Reason!, ActorId, ct);
        if (result.Outcome is BookingOutcome.Done or BookingOutcome.NotAllowed)
        {
            TempData[result.Outcome == BookingOutcome.Done ? "Message" : "Problem"] = l["Admin.Move." + result.Outcome].Value;
            return Redirect(BookingPaths.AdminBooking(id));
        }
        form.Conflicts = result.Conflicts ?? [];
        AddRefusal(result);
        return await MoveViewAsync(details, form, ct);
    }

    [HttpGet("{id:int}/avlys")]
    public async Task<IActionResult> Cancel(int id, CancellationToken ct) =>
        await queries.DetailsAsync(id, ct) is { } details ? CancelView(details, new StaffCancelForm()) : NotFound();

    [HttpPost("{id:int}/avlys")]
    public async Task<IActionResult> Cancel(int id, StaffCancelForm form, [FromServices] IValidator<StaffCancelForm> validator, CancellationToken ct)
    {
        if (await queries.DetailsAsync(id, ct) is not { } details)
        {
            return NotFound();
        }
        if (!ModelState.Validate(validator, form))
        {
            return CancelView(details, form);
        }
        var result = await staff.CancelAsync(id, form.Reason!, ActorId, ct);
        TempData[result.Outcome == BookingOutcome.Done ? "Message" : "Problem"] = result.Outcome == BookingOutcome.HasDependent
            ? l["Cancel.HasEvent", result.Dependent!].Value
            : l["Admin.StaffCancel." + result.Outcome].Value;
        return Redirect(BookingPaths.AdminBooking(id));
    }

    private void AddRefusal(BookingResult result)
    {
        switch (result.Outcome)
        {
            case BookingOutcome.Taken:
                ModelState.AddModelError(nameof(BlockForm.StartsAt), l["Error.taken"]);
                break;
            case BookingOutcome.HasDependent:
                ModelState.AddModelError("", l["Admin.Move.HasEvent", result.Dependent!]);
                break;
            default:
                BookingMessages.AddTo(ModelState, result.Problems ?? [], l);
                break;
        }
    }

    private async Task<IActionResult> BlockViewAsync(BlockForm form, CancellationToken ct)
    {
        form.Spaces = await SpacesAsync(ct);
        return View("Block", form);
    }

    private async Task<IActionResult> MoveViewAsync(BookingDetails details, MoveForm form, CancellationToken ct)
    {
        ViewData["Details"] = details;
        form.Spaces = await SpacesAsync(ct);
        return View("Move", form);
    }

    private ViewResult CancelView(BookingDetails details, StaffCancelForm form)
    {
        ViewData["Details"] = details;
        return View("StaffCancel", form);
    }

    private async Task<IReadOnlyList<Space>> SpacesAsync(CancellationToken ct) =>
        await venues.FindAsync(Core.Venue.Venue.BylabSlug, ct) is { } venue ? await venues.SpacesAsync(venue.Id, ct) : [];
}
