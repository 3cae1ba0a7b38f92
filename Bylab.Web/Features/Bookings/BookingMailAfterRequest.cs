using Bylab.Core.Bookings;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Bylab.Web.Features.Bookings;

/// <summary>
/// After any action whose change queued a booking e-mail (an approval, a rejection, a suggestion, a move), the mail goes
/// out before the response; what cannot be sent now stays with the background service.
/// </summary>
public sealed class BookingMailAfterRequest(BookingNotificationQueue queue) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (!queue.HasNewMail || (executed.Exception is not null && !executed.ExceptionHandled))
        {
            return;
        }
        await context.HttpContext.RequestServices.GetRequiredService<BookingNotificationDispatcher>()
            .DeliverPendingAsync(context.HttpContext.RequestAborted);
    }
}
