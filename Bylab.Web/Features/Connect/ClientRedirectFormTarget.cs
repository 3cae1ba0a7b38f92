using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;

namespace Bylab.Web.Features.Connect;

/// <summary>
/// On the login pages: when the person signs in on the way to a client (the return address is the authorization
/// endpoint) and has granted that client before, the login form's answer redirects through /connect/authorize straight
/// on to the client. Browsers check such redirects against the page's form-action, so the page allows the client's
/// origin, but only for a redirect address registered for that client.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ClientRedirectFormTargetAttribute : ActionFilterAttribute
{
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        string? returnUrl = request.Query["ReturnUrl"];
        if (string.IsNullOrEmpty(returnUrl) && request.HasFormContentType)
        {
            returnUrl = (await request.ReadFormAsync(context.HttpContext.RequestAborted))["ReturnUrl"];
        }
        if (returnUrl is not null && returnUrl.StartsWith(OpenIddictSetup.AuthorizePath + "?", StringComparison.Ordinal))
        {
            var query = QueryHelpers.ParseQuery(returnUrl[(OpenIddictSetup.AuthorizePath.Length + 1)..]);
            var applications = context.HttpContext.RequestServices.GetRequiredService<IOpenIddictApplicationManager>();
            if (query.TryGetValue("client_id", out var clientId) && query.TryGetValue("redirect_uri", out var redirect)
                && Uri.TryCreate(redirect.ToString(), UriKind.Absolute, out var target)
                && await applications.FindByClientIdAsync(clientId.ToString()) is { } application
                && await applications.ValidateRedirectUriAsync(application, redirect.ToString()))
            {
                SecurityHeaders.AllowFormTarget(context.HttpContext, target);
            }
        }
        await next();
    }
}
