namespace Bylab.Web;

/// <summary>Security headers on every response (ASVS 14.4). Scripts and styles only from our own origin; no caching of personal data.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string FormTargetKey = "Bylab.FormTarget";

    /// <summary>
    /// Lets this page's form lead to another origin: the OpenID Connect consent and sign-out forms answer with a redirect
    /// to the client, which browsers check against form-action. Only for an address OpenIddict has matched to the client.
    /// </summary>
    public static void AllowFormTarget(HttpContext context, Uri target) =>
        context.Items[FormTargetKey] = target.GetLeftPart(UriPartial.Authority);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = context.Items.TryGetValue(FormTargetKey, out var target) && target is string origin
                ? ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + origin, StringComparison.Ordinal)
                : ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            // A page may ask for a stricter policy (the personal sign-up page has a secret token in its address).
            if (!h.ContainsKey("Referrer-Policy"))
            {
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            }
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            // Anything answered to a signed-in person may hold personal data (their name is in the page header; a CSV,
            // a data download): no browser or proxy cache keeps it (ASVS 8.2.1), whatever the action asked for.
            // Pages behind a personal link set it themselves; public pages and static files stay cacheable.
            if (context.User.Identity?.IsAuthenticated == true)
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
