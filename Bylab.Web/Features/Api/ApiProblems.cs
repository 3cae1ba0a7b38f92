using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Features.Api;

/// <summary>
/// RFC 9457 problem details for the API, with title and detail in the request's language (Accept-Language under /api).
/// One place for every error the read endpoints give, so they read alike and the write endpoints can use them too.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    private static IStringLocalizer L(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<ApiResource>>();

    /// <summary>"Problem.{key}.Title" and ".Detail" from the API's resources.</summary>
    /// A stable machine-readable <c>code</c> (the key in lower case) tells apart problems that share a status.
    public static ProblemDetails For(HttpContext context, int status, string key, params object[] args)
    {
        var problem = Make(context, status, key, args);
        problem.Extensions["code"] = key.ToLowerInvariant();
        return problem;
    }

    private static ProblemDetails Make(HttpContext context, int status, string key, params object[] args)
    {
        var l = L(context);
        var problem = new ProblemDetails
        {
            Status = status,
            Type = "https://www.rfc-editor.org/rfc/rfc9110#status-" + status.ToString(CultureInfo.InvariantCulture),
            Title = l["Problem." + key + ".Title"].Value,
            Detail = l["Problem." + key + ".Detail", args].Value,
            Instance = context.Request.Path,
        };
        problem.Extensions["language"] = CultureInfo.CurrentUICulture.Name;
        return problem;
    }

    /// <summary>No such item, or one the public may not see: the same answer, so a hidden item's existence is not told.</summary>
    public static ProblemDetails NotFound(HttpContext context) => Make(context, StatusCodes.Status404NotFound, "NotFound");

    /// <summary>A query parameter with a value the API does not take; <c>errors</c> names it, as validation problems do.</summary>
    public static ProblemDetails BadParameter(HttpContext context, string parameter, string reasonKey, params object[] args)
    {
        var problem = Make(context, StatusCodes.Status400BadRequest, "BadParameter", parameter);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [L(context)["Reason." + reasonKey, args].Value] };
        return problem;
    }

    public static ProblemDetails TooManyRequests(HttpContext context, int retryAfterSeconds) =>
        Make(context, StatusCodes.Status429TooManyRequests, "TooMany", retryAfterSeconds);

    /// <summary>As an MVC result or an endpoint result: JSON with the problem media type and no caching.</summary>
    public static IResult ToResult(this ProblemDetails problem) =>
        Results.Json(problem, options: null, contentType: ContentType, statusCode: problem.Status);

    /// <summary>Written as the endpoint result is, so a controller's [Produces("application/json")] cannot change its media type.</summary>
    public static IActionResult ToActionResult(this ProblemDetails problem) => new ProblemResult(problem);

    private sealed class ProblemResult(ProblemDetails problem) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => problem.ToResult().ExecuteAsync(context.HttpContext);
    }
}
