using Bylab.Core.Moderation;
using Bylab.Web.Features.Ideas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Bylab.Web.Features.Moderation;

/// <summary>
/// The one place where a posting block becomes a message: the database refuses a blocked person's write (triggers, see
/// <see cref="PostingBlock"/>), the transaction rolls back, and whatever form they sent (idea, comment, reply, vote,
/// report, sign-up) answers 403 with a page that says so, why, and what they can still do.
/// </summary>
public sealed class PostingBlockedFilter(IModelMetadataProvider metadata) : IAsyncExceptionFilter
{
    public async Task OnExceptionAsync(ExceptionContext context)
    {
        if (!PostingBlocks.IsBlockedError(context.Exception))
        {
            return;
        }
        var userId = context.HttpContext.User.UserId();
        var block = string.IsNullOrEmpty(userId) ? null
            : await context.HttpContext.RequestServices.GetRequiredService<PostingBlocks>().ActiveAsync(userId, CancellationToken.None);
        context.Result = new ViewResult
        {
            ViewName = "/Features/Moderation/PostingBlocked.cshtml",
            StatusCode = StatusCodes.Status403Forbidden,
            ViewData = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = block?.Reason },
        };
        context.ExceptionHandled = true;
    }
}
