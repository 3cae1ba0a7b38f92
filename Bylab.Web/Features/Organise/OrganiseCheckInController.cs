using Bylab.Core.Events;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Organise;

/// <summary>
/// Checking people in at the door: the door page of one event (search by name, e-mail or code, or type the code),
/// and the page a scanned QR code opens. GET never changes anything: phones and mail scanners open links on their own.
/// </summary>
[Authorize(Policy = Policies.EventManagers)]
[Route("arrangor")]
public sealed class OrganiseCheckInController(
    EventQueries queries,
    CheckInService checkIns,
    IStringLocalizer<OrganiseResource> l) : Controller
{
    private string ActorId => User.UserId()!;

    [HttpGet("arrangementer/{id:int}/innsjekk")]
    public async Task<IActionResult> Door(int id, string? q, CancellationToken ct)
    {
        var details = await DetailsAsync(id, ct);
        return details is null ? NotFound() : View("Door", await DoorModelAsync(details, q, ct));
    }

    [HttpPost("arrangementer/{id:int}/innsjekk")]
    public async Task<IActionResult> Door(int id, CheckInCodeForm form, [FromServices] IValidator<CheckInCodeForm> validator, CancellationToken ct)
    {
        var details = await DetailsAsync(id, ct);
        if (details is null)
        {
            return NotFound();
        }
        if (!ModelState.Validate(validator, form))
        {
            var model = await DoorModelAsync(details, null, ct);
            return View("Door", model with { Code = form });
        }
        var (ok, text) = CheckInFeedback.Message(await checkIns.CheckInAsync(id, form.Code!, ActorId, ct), l);
        TempData[ok ? "Message" : "Problem"] = text;
        return RedirectToAction(nameof(Door), new { id });
    }

    /// <summary>The QR code's address. Shows who it is and a button; checking in is the POST below.</summary>
    [HttpGet("innsjekk/{code}")]
    public async Task<IActionResult> Scanned(string code, CancellationToken ct)
    {
        var found = await FindAsync(code, ct);
        return found is null ? NotFound() : View("Scanned", found);
    }

    [HttpPost("innsjekk/{code}")]
    public async Task<IActionResult> ScannedCheckIn(string code, CancellationToken ct)
    {
        var found = await FindAsync(code, ct);
        if (found is null)
        {
            return NotFound();
        }
        var (ok, text) = CheckInFeedback.Message(await checkIns.CheckInAsync(found.Event.Id, found.Code, ActorId, ct), l);
        TempData[ok ? "Message" : "Problem"] = text;
        return RedirectToAction(nameof(Scanned), new { code = found.Code });
    }

    /// <summary>The registration behind a code, if the person may manage its event; otherwise null (404, revealing nothing).</summary>
    private async Task<ScannedModel?> FindAsync(string code, CancellationToken ct)
    {
        if (Registration.NormalizeCheckInCode(code) is not { } normalized
            || await checkIns.FindByCodeAsync(normalized, ct) is not { } candidate)
        {
            return null;
        }
        var details = await DetailsAsync(candidate.EventId, ct);
        return details is null ? null : new ScannedModel(normalized, candidate, details);
    }

    private async Task<DoorModel> DoorModelAsync(EventDetails details, string? q, CancellationToken ct)
    {
        var search = OrganiseParticipantsController.Search(q);
        var figures = await queries.AttendanceAsync(details.Id, ct);
        var matches = search is null || details.PersonalDataDeletedAt is not null ? [] : await queries.ParticipantsAsync(details.Id, search, ct);
        return new DoorModel(details, figures, search, matches, new CheckInCodeForm());
    }

    private async Task<EventDetails?> DetailsAsync(int id, CancellationToken ct) =>
        await queries.ByIdAsync(id, null, forManager: true, ct) is { } d && User.CanManage(d.OwnerId) ? d : null;
}

public sealed record DoorModel(EventDetails Event, AttendanceFigures Figures, string? Search, IReadOnlyList<ParticipantRow> Matches, CheckInCodeForm Code);

public sealed record ScannedModel(string Code, CheckInCandidate Registration, EventDetails Event);
