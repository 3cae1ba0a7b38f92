using Bylab.Core.Bookings;
using Bylab.Core.Organisations;
using Bylab.Core.Venue;
using Bylab.Web.Features.Organise;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Bookings;

/// <summary>
/// Organisers ask for the venue for their organisations, follow their requests, change one while it waits, cancel, and
/// take a time staff suggested. A booking of an organisation the person does not belong to answers 404.
/// </summary>
[Authorize(Policy = Policies.Borrowers)]
[Route("lokalet/bookinger")]
public sealed class BookingRequestsController(
    BookingRequestService requests,
    BookingQueries queries,
    OrganisationService organisations,
    VenueAdminService venues,
    IStringLocalizer<BookingsResource> l) : Controller
{
    private string UserId => User.UserId()!;

    [HttpGet("")]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        var (upcoming, past) = await queries.MineAsync(UserId, ct: ct);
        return View(new MyBookingsModel(upcoming, past, await organisations.ForMemberAsync(UserId, ct)));
    }

    [HttpGet("ny")]
    public async Task<IActionResult> New([FromQuery(Name = "rom")] int? spaceId, [FromQuery(Name = "dato")] string? date,
        [FromQuery(Name = "fra")] string? from, [FromQuery(Name = "til")] string? until, CancellationToken ct)
    {
        var form = new BookingRequestForm
        {
            SpaceId = spaceId,
            Date = BookingRequestForm.ParseDate(date)?.ToString(BookingRequestForm.DateFormat),
            StartTime = BookingRequestForm.ParseTime(from)?.ToString(BookingRequestForm.TimeFormat),
            EndTime = BookingRequestForm.ParseTime(until)?.ToString(BookingRequestForm.TimeFormat),
        };
        return await FormViewAsync(form, ct);
    }

    [HttpPost("ny")]
    public async Task<IActionResult> New(BookingRequestForm form, [FromServices] IValidator<BookingRequestForm> validator, CancellationToken ct)
    {
        // Whom the request is for is checked before anything else is: a forged organisation changes nothing.
        if (form.OrganisationId is { } org && !await organisations.MayActForAsync(User, org, ct))
        {
            ModelState.AddModelError(nameof(form.OrganisationId), l["Error.OrganisationId.not-member"]);
            return await FormViewAsync(form, ct);
        }
        if (!ModelState.Validate(validator, form))
        {
            return await FormViewAsync(form, ct);
        }
        var result = await requests.RequestAsync(form.ToInput(), UserId, form.LeaveOutProblemDates, User.ManagesAll(), ct);
        if (result.Outcome == BookingOutcome.Done)
        {
            TempData["Message"] = result.BookingIds!.Count > 1 ? l["Request.SentSeries", result.BookingIds.Count].Value : l["Request.Sent"].Value;
            return RedirectToAction(nameof(Details), new { id = result.BookingId });
        }
        return await RefusedAsync(result, form, ct);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct) =>
        await MineAsync(id, ct) is { } details ? View(details) : NotFound();

    [HttpGet("{id:int}/endre")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        if (await MineAsync(id, ct) is not { } details)
        {
            return NotFound();
        }
        return await FormViewAsync(BookingRequestForm.From(details.Booking), ct);
    }

    [HttpPost("{id:int}/endre")]
    public async Task<IActionResult> Edit(int id, BookingRequestForm form, [FromServices] IValidator<BookingRequestForm> validator, CancellationToken ct)
    {
        if (await MineAsync(id, ct) is not { } details)
        {
            return NotFound();
        }
        form.Stored = details.Booking;
        form.Repeat = RepeatInterval.None;
        if (form.OrganisationId is { } org && !await organisations.MayActForAsync(User, org, ct))
        {
            ModelState.AddModelError(nameof(form.OrganisationId), l["Error.OrganisationId.not-member"]);
            return await FormViewAsync(form, ct);
        }
        if (!ModelState.Validate(validator, form))
        {
            return await FormViewAsync(form, ct);
        }
        var result = await requests.UpdateAsync(id, form.ToInput(), UserId, User.ManagesAll(), ct);
        if (result.Outcome == BookingOutcome.Done)
        {
            TempData["Message"] = l["Request.Changed"].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        return await RefusedAsync(result, form, ct);
    }

    [HttpGet("{id:int}/avbestill")]
    public async Task<IActionResult> Cancel(int id, CancellationToken ct) =>
        await MineAsync(id, ct) is { } details ? CancelView(details, new CancelBookingForm()) : NotFound();

    [HttpPost("{id:int}/avbestill")]
    public async Task<IActionResult> Cancel(int id, CancelBookingForm form, [FromServices] IValidator<CancelBookingForm> validator, CancellationToken ct)
    {
        if (await MineAsync(id, ct) is not { } details)
        {
            return NotFound();
        }
        if (!ModelState.Validate(validator, form))
        {
            return CancelView(details, form);
        }
        var result = await requests.CancelAsync(id, UserId, User.ManagesAll(), ct);
        TempData[result.Outcome == BookingOutcome.Done ? "Message" : "Problem"] = result.Outcome switch
        {
            BookingOutcome.Done => l["Cancel.Done"].Value,
            BookingOutcome.HasDependent => l["Cancel.HasEvent", result.Dependent!].Value,
            _ => l["Cancel.NotAllowed"].Value,
        };
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/godta")]
    public async Task<IActionResult> Accept(int id, CancellationToken ct)
    {
        if (await MineAsync(id, ct) is null)
        {
            return NotFound();
        }
        var result = await requests.AcceptSuggestionAsync(id, UserId, User.ManagesAll(), ct);
        TempData[result.Outcome == BookingOutcome.Done ? "Message" : "Problem"] = l["Accept." + result.Outcome].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    private ViewResult CancelView(BookingDetails details, CancelBookingForm form)
    {
        ViewData["Details"] = details;
        return View("Cancel", form);
    }

    /// <summary>The booking if it is of an organisation the person acts for (staff: any).</summary>
    private async Task<BookingDetails?> MineAsync(int id, CancellationToken ct) =>
        await queries.OrganisationOfAsync(id, ct) is { } org && await organisations.MayActForAsync(User, org, ct)
            ? await queries.DetailsAsync(id, ct) : null;

    private async Task<IActionResult> RefusedAsync(BookingResult result, BookingRequestForm form, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case BookingOutcome.NotFound:
                return NotFound();
            case BookingOutcome.NotAllowed:
                TempData["Problem"] = l["Request.NotEditable"].Value;
                return RedirectToAction(nameof(Details), new { id = form.Stored!.Id });
            case BookingOutcome.Taken:
                form.Conflicts = result.Conflicts ?? [];
                ModelState.AddModelError(nameof(form.StartTime), l["Error.taken"]);
                break;
            case BookingOutcome.DateProblems:
                form.DateProblems = result.Dates ?? [];
                ModelState.AddModelError(nameof(form.LeaveOutProblemDates), l["Error.date-problems", form.DateProblems.Count]);
                break;
            default:
                BookingMessages.AddTo(ModelState, result.Problems ?? [], l, BookingRequestForm.FieldOf);
                break;
        }
        return await FormViewAsync(form, ct);
    }

    private async Task<IActionResult> FormViewAsync(BookingRequestForm form, CancellationToken ct)
    {
        form.Organisations = await organisations.OrganisationsForAsync(User, ct);
        form.OrganisationId ??= form.Organisations.Count == 1 ? form.Organisations[0].Id : null;
        if (await venues.FindAsync(Core.Venue.Venue.BylabSlug, ct) is { } venue)
        {
            form.Spaces = (await venues.SpacesAsync(venue.Id, ct)).Where(s => s.IsActive).ToList();
        }
        return View("Request", form);
    }
}

public sealed record MyBookingsModel(IReadOnlyList<BookingListItem> Upcoming, IReadOnlyList<BookingListItem> Past, IReadOnlyList<Organisation> Organisations);
