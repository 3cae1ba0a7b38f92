using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Bylab.Web;

/// <summary>Sign-in with an external OpenID Connect provider (ID-porten). Absent (no authority) = the feature is off.</summary>
public sealed class ExternalLoginOptions
{
    public const string Section = "Bylab:ExternalLogin";

    /// <summary>The provider's issuer, whose /.well-known/openid-configuration is read (https; http only on loopback, for tests).</summary>
    public string? Authority { get; set; }

    /// <summary>The client id Bylab is registered with at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (from user secrets or the environment, never the repository).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the button and on Min side: «Logg inn med {DisplayName}».</summary>
    public string DisplayName { get; set; } = "ID-porten";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Where the provider sends the person back (registered at the provider as {PublicUrl}{CallbackPath}).</summary>
    public const string CallbackPath = "/konto/ekstern/svar";
}

public static class ExternalLoginSetup
{
    /// <summary>The authentication scheme, and the LoginProvider of the links stored in AspNetUserLogins.</summary>
    public const string Scheme = "external-oidc";

    public static IServiceCollection AddBylabExternalLogin(this IServiceCollection services, IConfiguration configuration, bool hardened)
    {
        services.AddOptions<ExternalLoginOptions>().BindConfiguration(ExternalLoginOptions.Section)
            .Validate(o => !o.IsConfigured || Uri.TryCreate(o.Authority, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.IsLoopback),
                $"{ExternalLoginOptions.Section}:Authority must be an absolute https address.")
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.ClientId), $"{ExternalLoginOptions.Section}:ClientId is required with an Authority.")
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.ClientSecret), $"{ExternalLoginOptions.Section}:ClientSecret is required with an Authority.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DisplayName) && o.DisplayName.Length <= Bylab.Core.Accounts.BylabUser.VerifiedByMaxLength,
                $"{ExternalLoginOptions.Section}:DisplayName must be 1–60 characters.")
            .ValidateOnStart();

        var options = configuration.GetSection(ExternalLoginOptions.Section).Get<ExternalLoginOptions>() ?? new();
        if (!options.IsConfigured)
        {
            return services;
        }
        // Identity's short-lived cookie between the provider's answer and Bylab's sign-in: named and secured like the others.
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.Name = hardened ? "__Host-Bylab.External" : ".Bylab.External";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = hardened ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication().AddOpenIdConnect(Scheme, options.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.RequireHttpsMetadata = !Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || !authority.IsLoopback;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The answer comes back as a top-level GET, so the correlation and nonce cookies can be SameSite=Lax
            // (form_post would need SameSite=None, which needs https even on a developer's machine).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = hardened ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = o.CorrelationCookie.SecurePolicy;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.CallbackPath = ExternalLoginOptions.CallbackPath;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.DisableTelemetry = true;
            // A refused, tampered or replayed answer (state, nonce, code) lands on the login page with a message, not a 500.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(Features.Account.ExternalLoginController.FailedPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }
}
