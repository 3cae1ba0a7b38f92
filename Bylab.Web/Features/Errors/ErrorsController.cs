using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Errors;

/// <summary>The friendly error pages. They say what happened in the person's language and nothing about the inside.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/feil/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int code)
    {
        // Re-executed requests keep their status; a direct visit gets the code it names, within reason.
        var status = code is >= 400 and <= 599 ? code : 404;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = status;
        }
        else
        {
            status = Response.StatusCode >= 400 ? Response.StatusCode : status;
        }
        var kind = status switch
        {
            400 => "400",
            403 => "403",
            404 => "404",
            413 => "413",
            429 => "429",
            >= 500 => "500",
            _ => "Other",
        };
        return View("Error", new ErrorModel(status, kind));
    }
}

public sealed record ErrorModel(int Status, string Kind);
