using Bylab.Core.Events;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Organise;

/// <summary>Staff and organisers put an event in the programme, call it off (with a message to those signed up) and copy it.</summary>
[Authorize(Policy = Policies.EventManagers)]
[Route("arrangor/arrangementer")]
public sealed class OrganiseEventStatusController(EventService events, EventStatusService status, IStringLocalizer<OrganiseResource> l) : Controller
{
    private string ActorId => User.UserId()!;
    private EventActor Actor => new(ActorId, User.ManagesAll());

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
        return new Features.Events.SeeOtherResult(Url.Action(nameof(OrganiseEventsController.Edit), "OrganiseEvents", new { id = copyId })!);
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
}
