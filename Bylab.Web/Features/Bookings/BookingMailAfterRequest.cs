using Bylab.Core.Bookings;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Bylab.Web.Features.Bookings;

/// <summary>
/// After any action whose change queued a booking e-mail (an approval, a rejection, a suggestion, a move), the mail goes
/// out before the response – only the mails this request queued; what cannot be sent now, and any older backlog, stays
/// with the background service.
/// </summary>
public sealed class BookingMailAfterRequest(BookingNotificationQueue queue) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (!queue.HasNewMail || (executed.Exception is not null && !executed.ExceptionHandled) || queue.SavedIds is not { Count: > 0 } own)
        {
            return;
        }
        // Only this request's own mails: a backlog (a mail server that was down) is the background service's, not this response's.
        await context.HttpContext.RequestServices.GetRequiredService<BookingNotificationDispatcher>()
            .DeliverAsync(own, context.HttpContext.RequestAborted);
    }
}
