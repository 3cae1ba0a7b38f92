using Microsoft.AspNetCore.Http.Features;

namespace Bylab.Web;

/// <summary>
/// A form too big to read is the client's mistake, not the server's: it gets 413 (or the 400 the server chose) and the
/// friendly page, never an unhandled 500 – wherever in the pipeline the form was read. The forms that try a password
/// or send mail are read with tight limits (<see cref="AuthForms"/>) before the rate limiter looks at them.
/// </summary>
public static class FormLimits
{
    /// <summary>The largest login, registration or reset form a person sends is about a kilobyte; tokens are at most 2,000 characters.</summary>
    public const long AuthFormMaxBytes = 64 * 1024;

    public static readonly FormOptions AuthForms = new()
    {
        ValueCountLimit = 40,
        KeyLengthLimit = 200,
        ValueLengthLimit = 8 * 1024,
        MultipartBodyLengthLimit = AuthFormMaxBytes,
        MultipartHeadersLengthLimit = 8 * 1024,
    };

    public static IApplicationBuilder UseFormLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next();
        }
        catch (InvalidDataException) when (!context.Response.HasStarted)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            Refuse(context, e.StatusCode);
        }
    });

    /// <summary>Reads an auth form within <see cref="AuthForms"/>; false (and the response set) when it is too big.</summary>
    public static async Task<bool> TryReadAuthFormAsync(HttpContext context)
    {
        if (context.Request.ContentLength > AuthFormMaxBytes)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
            return false;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = AuthFormMaxBytes;
        }
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, AuthForms));
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            return true;
        }
        catch (InvalidDataException)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
            return false;
        }
        catch (BadHttpRequestException e)
        {
            Refuse(context, e.StatusCode);
            return false;
        }
    }

    /// <summary>The status, and an empty form from here on, so the error page (re-executed on this request) reads nothing more.</summary>
    private static void Refuse(HttpContext context, int status)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
    }
}
