using Bylab.Core.Bookings;
using Bylab.Web.Features.Bookings;
using Bylab.Web.Features.Organise;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Bookings;

/// <summary>
/// Staff's queue of requests, oldest first, each with what it would collide with; one request's page with the decision
/// (approve, reject with a reason, suggest another time); a series approved whole, where the colliding dates are named.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/bookinger")]
public sealed class BookingQueueController(
    BookingQueries queries, BookingDecisionService decisions, IStringLocalizer<BookingsResource> l) : Controller
{
    private string ActorId => User.UserId()!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new QueuePage(await queries.QueueAsync(ct: ct), await queries.UpcomingAsync(null, 50, ct)));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Booking(int id, CancellationToken ct) => await PageAsync(id, new RejectForm(), new SuggestForm(), ct);

    [HttpPost("{id:int}/godkjenn")]
    public async Task<IActionResult> Approve(int id, CancellationToken ct)
    {
        var result = await decisions.ApproveAsync(id, ActorId, ct);
        if (result.Outcome == BookingOutcome.NotFound)
        {
            return NotFound();
        }
        TempData[result.Outcome == BookingOutcome.Done ? "Message" : "Problem"] = result.Outcome == BookingOutcome.Taken
            ? l["Admin.Approve.Taken", Conflicts(result)].Value
            : l["Admin.Approve." + result.Outcome].Value;
        return RedirectToAction(nameof(Booking), new { id });
    }

    [HttpPost("{id:int}/avvis")]
    public async Task<IActionResult> Reject(int id, [Bind(Prefix = "Reject")] RejectForm form, [FromServices] IValidator<RejectForm> validator, CancellationToken ct)
    {
        if (!Valid(validator, form, "Reject"))
        {
            return await PageAsync(id, form, new SuggestForm(), ct);
        }
        var result = await decisions.RejectAsync(id, form.Reason!, ActorId, ct);
        if (result.Outcome == BookingOutcome.NotFound)
        {
            return NotFound();
        }
        TempData[result.Outcome == BookingOutcome.Done ? "Message" : "Problem"] = l["Admin.Reject." + result.Outcome].Value;
        return RedirectToAction(nameof(Booking), new { id });
    }

    [HttpPost("{id:int}/foreslaa")]
    public async Task<IActionResult> Suggest(int id, [Bind(Prefix = "Suggest")] SuggestForm form, [FromServices] IValidator<SuggestForm> validator,
        CancellationToken ct)
    {
        if (!Valid(validator, form, "Suggest"))
        {
            return await PageAsync(id, new RejectForm(), form, ct);
        }
        var result = await decisions.SuggestAsync(id, EventForm.ToUtc(form.StartsAt)!.Value, EventForm.ToUtc(form.EndsAt)!.Value, form.Message, ActorId, ct);
        switch (result.Outcome)
        {
            case BookingOutcome.NotFound:
                return NotFound();
            case BookingOutcome.InvalidInput:
                BookingMessages.AddTo(ModelState, result.Problems ?? [], l, p => "Suggest." + p.Field);
                return await PageAsync(id, new RejectForm(), form, ct);
            case BookingOutcome.Taken:
                ModelState.AddModelError("Suggest.StartsAt", l["Admin.Suggest.Taken", Conflicts(result)]);
                return await PageAsync(id, new RejectForm(), form, ct);
        }
        TempData[result.Outcome == BookingOutcome.Done ? "Message" : "Problem"] = l["Admin.Suggest." + result.Outcome].Value;
        return RedirectToAction(nameof(Booking), new { id });
    }

    [HttpGet("serie/{id:int}")]
    public async Task<IActionResult> Series(int id, CancellationToken ct)
    {
        var dates = await queries.SeriesAsync(id, ct);
        if (dates.Count == 0)
        {
            return NotFound();
        }
        var assessed = new List<BookingAssessment>();
        foreach (var d in dates)
        {
            assessed.Add((await decisions.AssessAsync(d.Id, ct))!);
        }
        return View(assessed);
    }

    [HttpPost("serie/{id:int}/godkjenn")]
    public async Task<IActionResult> ApproveSeries(int id, CancellationToken ct)
    {
        var decision = await decisions.ApproveSeriesAsync(id, ActorId, ct);
        if (decision.Outcome == BookingOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["Message"] = l["Admin.Series.Approved", decision.Approved.Count].Value;
        if (decision.Colliding.Count > 0)
        {
            TempData["Problem"] = l["Admin.Series.Colliding", decision.Colliding.Count,
                string.Join("; ", decision.Colliding.Select(c => BookingText.Day(c.Date)))].Value;
        }
        return RedirectToAction(nameof(Series), new { id });
    }

    private bool Valid<T>(IValidator<T> validator, T form, string prefix)
    {
        foreach (var error in validator.Validate(form).Errors)
        {
            ModelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
        return ModelState.IsValid;
    }

    private string Conflicts(BookingResult result) =>
        string.Join("; ", (result.Conflicts ?? []).Select(c => $"{c.Title} ({BookingText.When(c.StartsAt, c.EndsAt)})"));

    private async Task<IActionResult> PageAsync(int id, RejectForm reject, SuggestForm suggest, CancellationToken ct)
    {
        var assessment = await decisions.AssessAsync(id, ct);
        if (assessment is null || await queries.DetailsAsync(id, ct) is not { } details)
        {
            return NotFound();
        }
        return View("Booking", new DecisionPage(assessment, details, reject, suggest));
    }
}

public sealed record QueuePage(IReadOnlyList<QueueItem> Queue, IReadOnlyList<BookingListItem> Upcoming);

public sealed record DecisionPage(BookingAssessment Assessment, BookingDetails Details, RejectForm Reject, SuggestForm Suggest);
