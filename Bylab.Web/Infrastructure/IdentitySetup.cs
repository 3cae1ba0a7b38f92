using System.Security.Claims;
using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bylab.Web;

/// <summary>ASP.NET Core Identity as Bylab uses it: the rules, the token providers, the cookies and the server-side sessions.</summary>
public static class IdentitySetup
{
    public static IServiceCollection AddBylabIdentity(this IServiceCollection services, bool hardened)
    {
        services.AddIdentity<BylabUser, IdentityRole>(o =>
            {
                IdentityRules.Configure(o);
                // Identity's own lockout counts wrong second-factor codes (the password step has LoginThrottles).
                o.Lockout.MaxFailedAccessAttempts = LoginThrottles.MaxFailures;
                o.Lockout.DefaultLockoutTimeSpan = LoginThrottles.Duration;
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Tokens.EmailConfirmationTokenProvider = LongLivedTokenProvider.Name;
                o.Tokens.ChangeEmailTokenProvider = LongLivedTokenProvider.Name;
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<BylabDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<LongLivedTokenProvider>(LongLivedTokenProvider.Name)
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name)
            .AddSignInManager<BylabSignInManager>()
            .AddBylabRules();

        // Password reset links are short-lived; they are also single-use, since a reset changes the security stamp.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
        services.Configure<LongLivedTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(2));

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // Sessions end at once through the session store; this only refreshes the claims of a live one now and then.
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // Keep "signed in with two factors" when the cookie is refreshed, or staff would lose /admin every few minutes.
            o.OnRefreshingPrincipal = ctx =>
            {
                var amr = ctx.CurrentPrincipal?.FindAll(Policies.MfaClaim).ToList() ?? [];
                if (ctx.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var claim in amr.Where(c => !identity.HasClaim(c.Type, c.Value)))
                    {
                        identity.AddClaim(new Claim(claim.Type, claim.Value));
                    }
                }
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = hardened ? "__Host-Bylab.Auth" : ".Bylab.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = hardened ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/konto/logg-inn";
            o.LogoutPath = "/konto/logg-ut";
            o.AccessDeniedPath = "/feil/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // A plain 403 with the localised error page, rather than a redirect that hides the status.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // The ticket lives in the database (ASVS 3.3.1): see SessionStore.
        services.AddSingleton<SessionStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseSessionStore>();

        services.AddSingleton<DummyPasswordHash>();
        services.AddSingleton(new LoginDevices.Cookie(hardened ? "__Host-Bylab.Device" : ".Bylab.Device", hardened));
        services.AddScoped<LoginDevices>();
        services.AddScoped<Features.Account.PasswordLogin>();
        return services;
    }
}

/// <summary>Identity's sign-in manager, with the step after a password check that Bylab does itself (<see cref="Features.Account.PasswordLogin"/>).</summary>
public sealed class BylabSignInManager(
    UserManager<BylabUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<BylabUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<BylabUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<BylabUser> confirmation)
    : SignInManager<BylabUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The password was right: sign in, or ask for the second factor when the account has one.</summary>
    public Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAfterPasswordAsync(BylabUser user, bool isPersistent) =>
        SignInOrTwoFactorAsync(user, isPersistent);
}

public sealed class LongLivedTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public LongLivedTokenProviderOptions() => Name = LongLivedTokenProvider.Name;
}

/// <summary>E-mail confirmation links may wait in an inbox for a day or two; reset links may not.</summary>
public sealed class LongLivedTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<LongLivedTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<BylabUser>> logger)
    : DataProtectorTokenProvider<BylabUser>(dataProtectionProvider, options, logger)
{
    public new const string Name = "LongLived";
}

/// <summary>
/// A password hash nobody's password matches, checked when a login names an address without an account: the answer
/// then takes as long as for an account (one hash either way), so the time does not tell who has one.
/// </summary>
public sealed class DummyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<BylabUser>(options).HashPassword(new BylabUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public string Hash => _hash.Value;
}
