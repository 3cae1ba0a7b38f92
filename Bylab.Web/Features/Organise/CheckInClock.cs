using Bylab.Core.Events;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Organise;

/// <summary>
/// The check-in window (<see cref="CheckInWindow"/>, from Bylab:Events) as the organiser's pages need it: whether to
/// offer «Sjekk inn» buttons at all, and what to say instead. The service refuses check-ins outside it either way.
/// </summary>
public sealed class CheckInClock(IOptions<EventOptions> options, TimeProvider time)
{
    private CheckInWindow Window => CheckInWindow.From(options.Value);

    public CheckInTiming Timing(DateTime startsAt, DateTime endsAt) => Window.At(startsAt, endsAt, time.GetUtcNow().UtcDateTime);

    public bool IsOpen(DateTime startsAt, DateTime endsAt) => Timing(startsAt, endsAt) == CheckInTiming.Open;

    public DateTime OpensAt(DateTime startsAt) => Window.OpensAt(startsAt);

    public DateTime ClosesAt(DateTime endsAt) => Window.ClosesAt(endsAt);
}
