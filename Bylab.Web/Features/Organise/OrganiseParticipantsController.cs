using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Bylab.Web.Areas.Admin.Ideas;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Organise;

/// <summary>One event as its managers see it: figures, participants, waitlist, CSV, and checking people in or removing them.</summary>
[Authorize(Policy = Policies.EventManagers)]
[Route("arrangor/arrangementer/{id:int}")]
public sealed class OrganiseParticipantsController(
    EventService events,
    EventQueries queries,
    CheckInService checkIns,
    UserManager<BylabUser> users,
    TimeProvider time,
    IStringLocalizer<OrganiseResource> l) : Controller
{
    public const int SearchMaxLength = 100;

    /// <summary>Where a participant button sends the person back to: the event page or the door page.</summary>
    public const string BackToCheckIn = "innsjekk";

    private string ActorId => User.UserId()!;

    [HttpGet("")]
    public async Task<IActionResult> Details(int id, string? q, CancellationToken ct)
    {
        var details = await DetailsAsync(id, ct);
        if (details is null)
        {
            return NotFound();
        }
        var search = Search(q);
        var figures = await queries.AttendanceAsync(id, ct);
        var participants = details.PersonalDataDeletedAt is null ? await queries.ParticipantsAsync(id, search, ct) : [];
        return View(new EventPageModel(details, figures, participants, search, time.GetUtcNow().UtcDateTime));
    }

    [HttpGet("deltakere.csv")]
    public async Task<IActionResult> Csv(int id, CancellationToken ct)
    {
        var details = await DetailsAsync(id, ct);
        if (details is null)
        {
            return NotFound();
        }
        if (details.PersonalDataDeletedAt is not null)
        {
            TempData["Problem"] = l["Details.DataDeleted"].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        var rows = await queries.ParticipantsAsync(id, null, ct);
        return File(ParticipantCsv.Write(rows, l), "text/csv; charset=utf-8", $"{details.Slug}-deltakere.csv");
    }

    [HttpPost("deltakere/{registrationId:int}/sjekk-inn")]
    public Task<IActionResult> CheckIn(int id, int registrationId, string? tilbake, string? q, CancellationToken ct) =>
        ChangeAsync(id, tilbake, q, async () => CheckInFeedback.Message(await checkIns.CheckInByIdAsync(id, registrationId, ActorId, ct), l), ct);

    [HttpPost("deltakere/{registrationId:int}/angre-innsjekk")]
    public Task<IActionResult> UndoCheckIn(int id, int registrationId, string? tilbake, string? q, CancellationToken ct) =>
        ChangeAsync(id, tilbake, q, async () =>
        {
            var result = await checkIns.UndoCheckInAsync(id, registrationId, ActorId, ct);
            return result.Outcome is CheckInOutcome.NotFound or CheckInOutcome.WrongEvent
                ? (false, l["CheckIn.NotFound"].Value)
                : (true, l["CheckIn.Undone", result.Name ?? ""].Value);
        }, ct);

    /// <summary>Asks before a participant is taken off the list: it cannot be undone, and their place goes to the waitlist.</summary>
    [HttpGet("deltakere/{registrationId:int}/fjern")]
    public async Task<IActionResult> ConfirmRemove(int id, int registrationId, string? tilbake, string? q, CancellationToken ct)
    {
        var details = await DetailsAsync(id, ct);
        if (details is null || details.PersonalDataDeletedAt is not null)
        {
            return NotFound();
        }
        var row = (await queries.ParticipantsAsync(id, null, ct)).SingleOrDefault(p => p.RegistrationId == registrationId);
        if (row is null)
        {
            return NotFound();
        }
        return View("Remove", new RemoveModel(details, row, tilbake == BackToCheckIn ? BackToCheckIn : null, Search(q)));
    }

    [HttpPost("deltakere/{registrationId:int}/fjern")]
    public Task<IActionResult> Remove(int id, int registrationId, string? tilbake, string? q, [FromServices] CancellationService cancellations,
        CancellationToken ct) =>
        ChangeAsync(id, tilbake, q, async () =>
        {
            var outcome = await cancellations.RemoveAsync(id, registrationId, await users.ActorAsync(User), ct);
            return (outcome is CancelOutcome.Cancelled or CancelOutcome.AlreadyCancelled, l["Remove." + outcome].Value);
        }, ct);

    private async Task<IActionResult> ChangeAsync(int id, string? back, string? q, Func<Task<(bool Ok, string Text)>> change, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } ev || !User.CanManage(ev.OwnerId))
        {
            return NotFound();
        }
        var (ok, text) = await change();
        TempData[ok ? "Message" : "Problem"] = text;
        // Only two places to go back to, never a URL from the form.
        var search = Search(q);
        return back == BackToCheckIn
            ? RedirectToAction(nameof(OrganiseCheckInController.Door), "OrganiseCheckIn", new { id, q = search })
            : RedirectToAction(nameof(Details), new { id, q = search });
    }

    private async Task<EventDetails?> DetailsAsync(int id, CancellationToken ct) =>
        await queries.ByIdAsync(id, null, forManager: true, ct) is { } d && User.CanManage(d.OwnerId) ? d : null;

    public static string? Search(string? q)
    {
        var t = q?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Length > SearchMaxLength ? t[..SearchMaxLength] : t;
    }
}

public sealed record EventPageModel(EventDetails Event, AttendanceFigures Figures, IReadOnlyList<ParticipantRow> Participants, string? Search, DateTime Now)
{
    public bool HasEnded => Now >= Event.EndsAt;
    public IEnumerable<ParticipantRow> Confirmed => Participants.Where(p => p.Status == RegistrationStatus.Confirmed);
    public IEnumerable<ParticipantRow> Waitlist => Participants.Where(p => p.Status == RegistrationStatus.Waitlisted).OrderBy(p => p.WaitlistPosition);
}

public sealed record RemoveModel(EventDetails Event, ParticipantRow Participant, string? Back, string? Search);

/// <param name="Back">Where the buttons return to: null for the event page, <see cref="OrganiseParticipantsController.BackToCheckIn"/> for the door page.</param>
public sealed record ParticipantTable(int EventId, IReadOnlyList<ParticipantRow> Rows, bool Waitlist, string? Search, string? Back);
