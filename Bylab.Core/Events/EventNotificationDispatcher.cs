using Bylab.Core.Data;
using Bylab.Core.Email;
using Microsoft.Extensions.Logging;

namespace Bylab.Core.Events;

/// <summary>Sends queued <see cref="EventNotification"/>s: claims a row, composes it, sends it, marks it sent.</summary>
public sealed class EventNotificationDispatcher(
    BylabDbContext db, IEventMailComposer composer, IEmailSender sender, TimeProvider time, ILogger<EventNotificationDispatcher> logger)
{
}
