using Bylab.Core.Events;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Bylab.Web.Features.Events;

/// <summary>
/// The one place where a request's change is followed by its mail: after any action, the e-mails that the Core
/// services queued for an event in this request (a sign-up's confirmation, the promotions a cancellation caused,
/// a moved event's notice) are sent before the response goes out. Only those events' mail: the rest of the queue
/// stays with the background service, so a person's sign-up never waits for other people's mail.
/// </summary>
public sealed class EventMailAfterRequest(EventNotificationQueue queue) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (queue.EventsWithNewMail.Count == 0 || (executed.Exception is not null && !executed.ExceptionHandled))
        {
            return;
        }
        // Resolved only when there is mail: composing needs the localizers and the mail options.
        var dispatcher = context.HttpContext.RequestServices.GetRequiredService<EventNotificationDispatcher>();
        foreach (var eventId in queue.EventsWithNewMail.ToList())
        {
            await dispatcher.DeliverForEventAsync(eventId, context.HttpContext.RequestAborted);
        }
    }
}
