using Bylab.Core.Data;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Events;

/// <summary>Read side of events: the programme, the month calendar, one event, participant lists and attendance.</summary>
public sealed class EventQueries(BylabDbContext db, TimeProvider time, IOptions<EventOptions> options)
{
}
