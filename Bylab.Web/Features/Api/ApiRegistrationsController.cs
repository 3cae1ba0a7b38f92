using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Bylab.Core.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Api;

/// <summary>
/// Signing up for an event and cancelling, with a bylab.api token: <see cref="SignUpService"/> and
/// <see cref="CancellationService"/>, so capacity, the waitlist and the registration window hold as on the site.
/// </summary>
[Route("api/v1/events/{id:int}/registration")]
public sealed class ApiRegistrationsController(BylabDbContext db, UserManager<BylabUser> users) : ApiWriteBase
{
    /// <summary>What the event asks of a participant, when it asks (companions, needs, its question).</summary>
    public sealed record SignUpBody(int? Companions, string? Needs, string? Answer);

    public sealed record RegistrationState(int EventId, string Status, int? WaitlistPosition);

    [HttpPost("")]
    public async Task<IActionResult> SignUp(int id, [FromBody] SignUpBody? body, [FromServices] SignUpService signUps, CancellationToken ct)
    {
        if (await users.FindByIdAsync(Subject) is not { } user)
        {
            return Problem(StatusCodes.Status404NotFound, "EventNotFound");
        }
        // Consent: the person consented to the client acting for them (bylab.api), which covers signing them up.
        var input = new SignUpInput(user.DisplayName, user.Email!, body?.Companions ?? 0, body?.Needs, body?.Answer, Consent: true, user.PreferredCulture);
        var result = await ApiBlocks.Guard(() => signUps.SignUpAsync(id, user.Id, input, ct));
        return result is null ? Problem(StatusCodes.Status403Forbidden, "Blocked") : result.Outcome switch
        {
            SignUpOutcome.Confirmed or SignUpOutcome.AlreadyRegistered => await StateAsync(id, ct),
            SignUpOutcome.Waitlisted => Ok(new RegistrationState(id, nameof(RegistrationStatus.Waitlisted), result.WaitlistPosition)),
            SignUpOutcome.NotOpen => Problem(StatusCodes.Status409Conflict, "NotOpen"),
            SignUpOutcome.InvalidInput => Problem(StatusCodes.Status422UnprocessableEntity, "InvalidSignUp", string.Join(", ", result.InvalidFields ?? [])),
            _ => Problem(StatusCodes.Status404NotFound, "EventNotFound"),
        };
    }

    [HttpDelete("")]
    public async Task<IActionResult> Cancel(int id, [FromServices] CancellationService cancellations, CancellationToken ct)
    {
        // The person's live sign-up for the event; cancelled through its personal link's token, as on the site.
        var token = await db.Registrations.Where(r => r.EventId == id && r.UserId == Subject && r.Status != RegistrationStatus.Cancelled)
            .Select(r => r.ManageToken).FirstOrDefaultAsync(ct);
        if (token is null)
        {
            return Problem(StatusCodes.Status404NotFound, "RegistrationNotFound");
        }
        var result = await cancellations.CancelAsync(token, ct);
        return result.Outcome switch
        {
            CancelOutcome.Cancelled or CancelOutcome.AlreadyCancelled => Ok(new RegistrationState(id, nameof(RegistrationStatus.Cancelled), null)),
            CancelOutcome.EventStarted => Problem(StatusCodes.Status409Conflict, "EventStarted"),
            CancelOutcome.CheckedIn => Problem(StatusCodes.Status409Conflict, "CheckedIn"),
            _ => Problem(StatusCodes.Status404NotFound, "RegistrationNotFound"),
        };
    }

    private async Task<IActionResult> StateAsync(int id, CancellationToken ct)
    {
        var status = await db.Registrations.Where(r => r.EventId == id && r.UserId == Subject && r.Status != RegistrationStatus.Cancelled)
            .Select(r => r.Status).FirstAsync(ct);
        return Ok(new RegistrationState(id, status.ToString(), null));
    }
}
