using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

public sealed class RateLimitOptions
{
    public const string Section = "Bylab:RateLimits";

    /// <summary>Posts to login, registration, password reset and confirmation allowed per client IP per window.</summary>
    public int AuthPermits { get; set; } = 20;

    /// <summary>Length of the per-IP window in seconds.</summary>
    public int AuthWindowSeconds { get; set; } = 60;

    /// <summary>Posts naming the same e-mail address allowed per window, whatever the IP (spread-out guessing, mail bombing).</summary>
    public int AccountPermits { get; set; } = 10;

    /// <summary>Length of the per-account window in seconds.</summary>
    public int AccountWindowSeconds { get; set; } = 900;
}

/// <summary>
/// The login form: its attempts per address are counted by LoginThrottles (failures only, and never against the
/// person's own browser), not by the per-address limiter, which counts every post and would let a stranger lock the
/// person out just by posting their address.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CountsFailuresPerAddressAttribute : Attribute;

/// <summary>
/// Anti-automation on the forms that try a password or send mail to a typed address (ASVS 2.2.1):
/// a limit per IP (the "auth" policy on those actions; the real client address behind known proxies) and a limit per
/// e-mail address named in the form (a global limiter that counts the forms that send mail: mail bombing). Failed
/// logins are counted per address by LoginThrottles; Identity's lockout counts wrong second-factor codes.
/// </summary>
public static class RateLimits
{
    public const string Auth = "auth";

    public static IServiceCollection AddBylabRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.AuthPermits >= 1, $"{RateLimitOptions.Section}:AuthPermits must be at least 1.")
            .Validate(o => o.AuthWindowSeconds >= 1, $"{RateLimitOptions.Section}:AuthWindowSeconds must be at least 1.")
            .Validate(o => o.AccountPermits >= 1, $"{RateLimitOptions.Section}:AccountPermits must be at least 1.")
            .Validate(o => o.AccountWindowSeconds >= 1, $"{RateLimitOptions.Section}:AccountWindowSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            // No body is written here: the status code page turns the 429 into a page in the person's language.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Auth, context =>
            {
                var o = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = o.AuthPermits,
                        Window = TimeSpan.FromSeconds(o.AuthWindowSeconds),
                        QueueLimit = 0,
                    });
            });
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var account = AccountKey(context);
                if (account is null)
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }
                var o = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter("account:" + account, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = o.AccountPermits,
                    Window = TimeSpan.FromSeconds(o.AccountWindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>
    /// Reads the form of a rate-limited auth post before the limiter runs, so the per-account partition
    /// can see the address without blocking on the request body.
    /// </summary>
    public static IApplicationBuilder UseAuthFormBuffering(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Within tight limits: an oversized form is a 413 here, before the limiter or anything else reads it.
        if (IsAuthPost(context) && context.Request.HasFormContentType && !await FormLimits.TryReadAuthFormAsync(context))
        {
            return;
        }
        await next();
    });

    private static bool IsAuthPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Auth;

    private static string? AccountKey(HttpContext context)
    {
        if (!IsAuthPost(context) || !context.Request.HasFormContentType || context.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is not { } form
            || context.GetEndpoint()?.Metadata.GetMetadata<CountsFailuresPerAddressAttribute>() is not null)
        {
            return null;
        }
        var email = form["Email"].ToString().Trim();
        return email.Length is 0 or > 254 ? null : email.ToUpperInvariant();
    }
}
