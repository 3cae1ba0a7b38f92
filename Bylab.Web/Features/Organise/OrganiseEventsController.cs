using Bylab.Core.Events;
using Bylab.Core.Organisations;
using Bylab.Web.Features.Bookings;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Organise;

/// <summary>Staff and organisers list, create, edit, publish, cancel and copy events. Times are typed in Oslo time; the service stores UTC.</summary>
[Authorize(Policy = Policies.EventManagers)]
[Route("arrangor/arrangementer")]
public sealed class OrganiseEventsController(
    EventService events,
    EventStatusService status,
    EventQueries queries,
    EventFormData data,
    OrganisationService organisations,
    IOptions<EventOptions> options,
    TimeProvider time,
    IStringLocalizer<OrganiseResource> l,
    IStringLocalizer<Bookings.BookingsResource> bookingTexts) : Controller
{
    private string ActorId => User.UserId()!;
    private EventActor Actor => new(ActorId, User.ManagesAll());

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "vis")] string? show, CancellationToken ct)
    {
        var past = show == "tidligere";
        var items = await queries.ManagedAsync(User.OwnerFilter(), past, ct);
        return View(new EventListModel(items, past));
    }

    [HttpGet("ny")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        await FormViewAsync(EventForm.New(options.Value.DefaultReminderHoursBefore), ct);

    [HttpPost("ny")]
    public async Task<IActionResult> Create(EventForm form, [FromServices] IValidator<EventForm> validator, CancellationToken ct)
    {
        if (!await MayActForAsync(form, ct) || !ModelState.Validate(validator, form))
        {
            return await FormViewAsync(form, ct);
        }
        var result = await events.CreateAsync(form.ToInput(), Actor, form.Room(), ct);
        return await SavedAsync(result, form, "Form.Created", ct);
    }

    [HttpGet("{id:int}/rediger")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var ev = await FindAsync(id, ct);
        if (ev is null)
        {
            return NotFound();
        }
        if (!ev.IsEditableAt(time.GetUtcNow().UtcDateTime))
        {
            TempData["Problem"] = l["Form.NotEditable"].Value;
            return RedirectToAction(nameof(OrganiseParticipantsController.Details), "OrganiseParticipants", new { id });
        }
        return await FormViewAsync(EventForm.From(ev), ct);
    }

    [HttpPost("{id:int}/rediger")]
    public async Task<IActionResult> Edit(int id, EventForm form, [FromServices] IValidator<EventForm> validator, CancellationToken ct)
    {
        var ev = await FindAsync(id, ct);
        if (ev is null)
        {
            return NotFound();
        }
        form.Stored = ev;
        if (!await MayActForAsync(form, ct) || !ModelState.Validate(validator, form))
        {
            return await FormViewAsync(form, ct);
        }
        var result = await events.UpdateAsync(id, form.ToInput(), Actor, form.Room(), ct);
        return await SavedAsync(result, form, "Form.Saved", ct);
    }

    [HttpPost("{id:int}/publiser")]
    public async Task<IActionResult> Publish(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return NotFound();
        }
        var outcome = await status.PublishAsync(id, Actor, ct);
        if (outcome == EventStateOutcome.NotFound)
        {
            return NotFound();
        }
        TempData[outcome is EventStateOutcome.Done or EventStateOutcome.AlreadyInState ? "Message" : "Problem"] = l["Publish." + outcome].Value;
        return RedirectToDetails(id);
    }

    [HttpGet("{id:int}/avlys")]
    public async Task<IActionResult> Cancel(int id, CancellationToken ct)
    {
        var ev = await FindAsync(id, ct);
        return ev is null ? NotFound() : CancelView(ev, new CancelEventForm());
    }

    [HttpPost("{id:int}/avlys")]
    public async Task<IActionResult> Cancel(int id, CancelEventForm form, [FromServices] IValidator<CancelEventForm> validator, CancellationToken ct)
    {
        var ev = await FindAsync(id, ct);
        if (ev is null)
        {
            return NotFound();
        }
        if (!ModelState.Validate(validator, form))
        {
            return CancelView(ev, form);
        }
        var outcome = await status.CancelAsync(id, form.Message, Actor, ct);
        if (outcome == EventStateOutcome.NotFound)
        {
            return NotFound();
        }
        TempData[outcome is EventStateOutcome.Done or EventStateOutcome.AlreadyInState ? "Message" : "Problem"] = l["Cancel." + outcome].Value;
        return RedirectToDetails(id);
    }

    [HttpPost("{id:int}/kopier")]
    public async Task<IActionResult> Copy(int id, [FromServices] EventCopyService copies, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return NotFound();
        }
        var copyId = await copies.CopyAsync(id, ActorId, ct);
        if (copyId is null)
        {
            return NotFound();
        }
        TempData["Message"] = l["Copy.Done"].Value;
        // 303: the browser GETs the copy's edit page, whatever it posted.
        return new Features.Events.SeeOtherResult(Url.Action(nameof(Edit), new { id = copyId })!);
    }

    private async Task<Event?> FindAsync(int id, CancellationToken ct) =>
        await events.FindAsync(id, ct) is { } ev && User.CanManage(ev.OwnerId) ? ev : null;

    private RedirectToActionResult RedirectToDetails(int id) =>
        RedirectToAction(nameof(OrganiseParticipantsController.Details), "OrganiseParticipants", new { id });

    private ViewResult CancelView(Event ev, CancelEventForm form)
    {
        ViewData["Event"] = ev;
        return View("Cancel", form);
    }

    private async Task<IActionResult> SavedAsync(EventSaveResult result, EventForm form, string messageKey, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case EventSaveOutcome.NotFound:
                return NotFound();
            case EventSaveOutcome.Saved:
                TempData["Message"] = result.Room == EventRoomState.Requested ? $"{l[messageKey].Value} {l["Form.RoomRequested"].Value}" : l[messageKey].Value;
                return RedirectToDetails(result.EventId ?? form.Stored!.Id);
            case EventSaveOutcome.NotEditable:
                TempData["Problem"] = l["Form.NotEditable"].Value;
                return RedirectToDetails(form.Stored!.Id);
            case EventSaveOutcome.VenueTaken:
                form.Conflicts = result.Conflicts ?? [];
                ModelState.AddModelError(nameof(EventForm.StartsAt), l["Error.VenueTaken"]);
                return await FormViewAsync(form, ct);
        }
        // Loaded before the messages: «Møterommet har plass til 14» names the space and its size.
        await data.FillAsync(form, User, ct);
        if (result.RoomProblem is { } problem)
        {
            ModelState.AddModelError(typeof(EventForm).GetProperty(problem.Field) is not null ? problem.Field : "", Bookings.BookingMessages.For(bookingTexts, problem));
        }
        EventErrorMessages.AddTo(ModelState, result.Errors ?? [], form, l);
        return View("Edit", form);
    }

    /// <summary>The organisation chosen is one the person may run events for; otherwise the form says so and nothing is saved.</summary>
    private async Task<bool> MayActForAsync(EventForm form, CancellationToken ct)
    {
        if (form.OrganisationId is { } id && !await organisations.MayActForAsync(User, id, ct))
        {
            ModelState.AddModelError(nameof(EventForm.OrganisationId), l["Error.OrganisationId.not-member"]);
            return false;
        }
        return true;
    }

    private async Task<IActionResult> FormViewAsync(EventForm form, CancellationToken ct)
    {
        await data.FillAsync(form, User, ct);
        return View("Edit", form);
    }
}

public sealed record EventListModel(IReadOnlyList<ManagedEventItem> Events, bool Past);
