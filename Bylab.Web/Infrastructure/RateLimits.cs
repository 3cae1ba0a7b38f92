using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

public sealed class RateLimitOptions
{
    public const string Section = "Bylab:RateLimits";

    /// <summary>Posts to login, registration and password reset allowed per client IP per window.</summary>
    public int AuthPermits { get; set; } = 20;

    /// <summary>Length of the window in seconds.</summary>
    public int AuthWindowSeconds { get; set; } = 60;
}

public static class RateLimits
{
    /// <summary>The policy on every form that tries a password or sends an e-mail to an address someone typed.</summary>
    public const string Auth = "auth";

    public static IServiceCollection AddBylabRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.AuthPermits >= 1, $"{RateLimitOptions.Section}:AuthPermits must be at least 1.")
            .Validate(o => o.AuthWindowSeconds >= 1, $"{RateLimitOptions.Section}:AuthWindowSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            // No body is written here: the status code page turns the 429 into a page in the person's language.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Auth, context =>
            {
                var o = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = o.AuthPermits,
                        Window = TimeSpan.FromSeconds(o.AuthWindowSeconds),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
