using Bylab.Core.Data;
using Microsoft.Extensions.Options;

namespace Bylab.Core.Events;

/// <summary>Time-driven work on events: queueing reminders, expiring unconfirmed guest sign-ups, deleting personal data after the event.</summary>
public sealed class EventMaintenance(BylabDbContext db, TimeProvider time, IOptions<EventOptions> options)
{
}
