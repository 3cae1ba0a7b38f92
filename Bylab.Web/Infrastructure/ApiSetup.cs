using Microsoft.AspNetCore.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Bylab.Web.Features.Api;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

public sealed class ApiOptions
{
    public const string Section = "Bylab:Api";

    /// <summary>Requests one client (an OAuth client id, else an IP address) may make per window.</summary>
    public int PermitsPerWindow { get; set; } = 120;

    /// <summary>Length of the window in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Items per page when the request does not say.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest page a request may ask for; more is a 400.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>How long clients and proxies may keep an answer (Cache-Control max-age, seconds); the ETag makes revalidation cheap.</summary>
    public int CacheSeconds { get; set; } = 60;
}

/// <summary>
/// The open API under /api/v1: options, the «api» rate-limit policy (also for the write endpoints), problem details
/// localised by Accept-Language, and the OpenAPI document at /api/v1/openapi.json.
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";
    public const string Policy = "api";
    public const string OpenApiPath = Prefix + "/openapi.json";

    /// <summary>
    /// The bearer scheme whose token names the client (OpenIddict's validation handler, when the server side is there).
    /// Until then, and for requests without a token, the partition is the client's IP address.
    /// </summary>
    public const string BearerScheme = "OpenIddict.Validation.AspNetCore";

    private const string ClientItem = "bylab.api.client";

    public static IServiceCollection AddBylabApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(o => o.PermitsPerWindow >= 1, $"{ApiOptions.Section}:PermitsPerWindow must be at least 1.")
            .Validate(o => o.WindowSeconds >= 1, $"{ApiOptions.Section}:WindowSeconds must be at least 1.")
            .Validate(o => o.MaxPageSize is >= 1 and <= 100, $"{ApiOptions.Section}:MaxPageSize must be 1–100 (the queries take no more).")
            .Validate(o => o.DefaultPageSize >= 1 && o.DefaultPageSize <= o.MaxPageSize, $"{ApiOptions.Section}:DefaultPageSize must be 1–MaxPageSize.")
            .Validate(o => o.CacheSeconds is >= 0 and <= 86_400, $"{ApiOptions.Section}:CacheSeconds must be 0–86400.")
            .ValidateOnStart();
        services.AddProblemDetails();
        services.AddRateLimiter(o => o.AddPolicy<string, ApiRateLimitPolicy>(Policy));
        // The site itself ignores the browser's language (bokmål unless chosen); an API client has no cookie to choose
        // with, so under /api Accept-Language counts, after ?culture= and before the cookie.
        services.PostConfigure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(1, new ApiAcceptLanguageProvider()));
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new()
                {
                    Title = "Bylab Hamar – open API",
                    Version = "v1",
                    Description = "Consultations, ideas (with votes, comments and official answers), events with places left and the " +
                        "venue's public calendar, read without a token. Paged (page, pageSize ≤ the maximum), ETag/If-None-Match, " +
                        "rate limited per client; errors are RFC 9457 problem details in the language of Accept-Language (nb, nn, en). " +
                        "Documentation: /apne-data/api.",
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>After authentication, before the rate limiter: names the client of a request with a bearer token (see <see cref="BearerScheme"/>).</summary>
    public static IApplicationBuilder UseBylabApiClient(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(Prefix)
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && await context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(BearerScheme) is not null)
        {
            var result = await context.AuthenticateAsync(BearerScheme);
            if (result.Succeeded && (result.Principal.FindFirst("client_id") ?? result.Principal.FindFirst("azp")) is { Value.Length: > 0 } client)
            {
                context.Items[ClientItem] = client.Value;
            }
        }
        if (!context.Request.Path.StartsWithSegments(Prefix))
        {
            await next(context);
            return;
        }
        // An API client reads problem details, not the site's HTML error pages: a bodiless refusal (no or a wrong token,
        // a missing scope) gets one here instead of the re-executed error page.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        await next(context);
        if (!context.Response.HasStarted && context.Response.ContentLength is null && context.Response.ContentType is null
            && context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            var key = context.Response.StatusCode == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden";
            await ApiProblems.For(context, context.Response.StatusCode, key).ToResult().ExecuteAsync(context);
        }
    });

    public static WebApplication MapBylabApi(this WebApplication app)
    {
        app.MapOpenApi(OpenApiPath).AllowAnonymous().RequireRateLimiting(Policy);
        // An unknown address under the API is a problem details 404, not the site's HTML error page.
        app.MapFallback(Prefix + "/{**rest}", (HttpContext context) => ApiProblems.NotFound(context).ToResult())
            .AllowAnonymous().RequireRateLimiting(Policy);
        return app;
    }

    /// <summary>The partition: the OAuth client of a bearer token, else the remote IP (the real one behind known proxies).</summary>
    public static string ClientOf(HttpContext context) =>
        context.Items.TryGetValue(ClientItem, out var client) && client is string id ? "client:" + id
        : (context.User.FindFirst("client_id") ?? context.User.FindFirst("azp")) is { } claim ? "client:" + claim.Value
        : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private sealed class ApiRateLimitPolicy(IOptions<ApiOptions> options) : IRateLimiterPolicy<string>
    {
        public RateLimitPartition<string> GetPartition(HttpContext context) =>
            RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.PermitsPerWindow,
                Window = TimeSpan.FromSeconds(options.Value.WindowSeconds),
                QueueLimit = 0,
            });

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, ct) =>
        {
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                ? (int)Math.Ceiling(retry.TotalSeconds) : options.Value.WindowSeconds;
            rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
            await ApiProblems.TooManyRequests(rejected.HttpContext, seconds).ToResult().ExecuteAsync(rejected.HttpContext);
        };
    }

    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments(Prefix) ? base.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
    }
}
