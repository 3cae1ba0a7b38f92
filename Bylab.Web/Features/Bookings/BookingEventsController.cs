using Bylab.Core.Bookings;
using Bylab.Core.Events;
using Bylab.Core.Organisations;
using Bylab.Web.Features.Organise;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Bookings;

/// <summary>
/// A booking open to the public becomes an event in the programme in one step: an event with the booking's slot, space
/// and organisation, its text taken from the request. It is published at once when the booking is approved (a pending
/// one gives a draft that can be published once staff approve). The organiser then adds a description on the event form.
/// </summary>
[Authorize(Policy = Policies.Borrowers)]
public sealed class BookingEventsController(
    BookingQueries queries, OrganisationService organisations, EventService events, EventStatusService status, IOptions<EventOptions> options,
    IStringLocalizer<BookingsResource> l) : Controller
{
    [HttpPost("lokalet/bookinger/{id:int}/arrangement")]
    public async Task<IActionResult> Create(int id, CancellationToken ct)
    {
        if (await queries.OrganisationOfAsync(id, ct) is not { } org || !await organisations.IsMemberAsync(User.UserId()!, org, ct)
            || await queries.DetailsAsync(id, ct) is not { } details)
        {
            return NotFound();
        }
        var b = details.Booking;
        // A staff block open to the public is the municipality's own use: its members do not turn it into their event.
        if (b.Kind == BookingKind.Block || !b.IsPublic || details.EventTitle is not null || b.Status is not (BookingStatus.Approved or BookingStatus.Pending))
        {
            TempData["Problem"] = l["MakeEvent.NotPossible"].Value;
            return Redirect(BookingPaths.Booking(id));
        }
        var text = string.IsNullOrWhiteSpace(b.Notes) ? b.Purpose : b.Notes;
        var input = new EventInput(b.Purpose, b.Purpose.Length > Event.SummaryMaxLength ? b.Purpose[..Event.SummaryMaxLength] : b.Purpose, text,
            ThemeId: null, EventAudience.Everyone, b.StartsAt, b.EndsAt, EventLocationKind.Venue, b.Space!.VenueId, b.SpaceId, null, null, null,
            b.OrganisationId, Math.Clamp(b.ExpectedPeople, 1, b.Space.Capacity), null, null, 0, false, null, options.Value.DefaultReminderHoursBefore);
        var actor = new EventActor(User.UserId()!, User.ManagesAll());
        var saved = await events.CreateAsync(input, actor, EventRoom.Existing(id), ct);
        if (saved.Outcome != EventSaveOutcome.Saved)
        {
            TempData["Problem"] = l["MakeEvent.NotPossible"].Value;
            return Redirect(BookingPaths.Booking(id));
        }
        var published = saved.Room == EventRoomState.Held && await status.PublishAsync(saved.EventId!.Value, actor, ct) == EventStateOutcome.Done;
        TempData["Message"] = l[published ? "MakeEvent.Published" : "MakeEvent.Draft"].Value;
        return RedirectToAction(nameof(OrganiseEventsController.Edit), "OrganiseEvents", new { id = saved.EventId });
    }
}
