using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Bylab.Core.Accounts;
using Bylab.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Bylab.Web;

public static class WebServices
{
    public static readonly CultureInfo[] Cultures = [new("nb"), new("nn"), new("en")];
    public const string DefaultCulture = "nb";
    public const string CultureCookie = ".Bylab.Culture";

    /// <summary>
    /// HTTPS only: HSTS, redirection and __Host- cookies. On by default outside Development and the test host;
    /// <c>Bylab:Security:RequireHttps=false</c> turns it off for a plain-HTTP run such as the benchmark on loopback.
    /// </summary>
    public static bool IsHardened(IWebHostEnvironment env, IConfiguration configuration) =>
        configuration.GetValue("Bylab:Security:RequireHttps", !env.IsDevelopment() && !env.IsEnvironment("Testing"));

    public static IServiceCollection AddBylabWeb(this IServiceCollection services, IWebHostEnvironment env, IConfiguration configuration)
    {
        var hardened = IsHardened(env, configuration);

        // Razor would otherwise write æ, ø and å as numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Bokmål unless the person chose otherwise: the browser's language is deliberately not consulted.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
            ];
        });

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // The mail a request's change queued for its event goes out before the response (Features/Events).
                o.Filters.Add<Features.Events.EventMailAfterRequest>();
                o.Filters.Add<Features.Bookings.BookingMailAfterRequest>();
                // A blocked person's write, refused by the database, answers with a page that says so (Features/Moderation).
                o.Filters.Add<Features.Moderation.PostingBlockedFilter>();
                // FluentValidation gives the messages; MVC must not invent English "field is required" ones.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddViewLocalization()
            .AddRazorOptions(o =>
            {
                o.ViewLocationExpanders.Add(new FeatureViewLocations());
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
                o.AreaViewLocationFormats.Clear();
                o.AreaViewLocationFormats.Add("/Areas/{2}/Shared/{0}.cshtml");
                o.AreaViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            });
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();

        services.AddBylabIdentity(hardened);
        services.AddBylabExternalLogin(configuration, hardened);
        services.AddBylabOpenIddict(env, configuration, hardened);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = hardened ? "__Host-Bylab.Af" : ".Bylab.Af";
            o.Cookie.SecurePolicy = hardened ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = hardened ? "__Host-Bylab.Msg" : ".Bylab.Msg";
            o.Cookie.SecurePolicy = hardened ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorization(Policies.Add);

        services.AddBylabDataProtection(env, configuration);
        services.AddBylabHostingSecurity(env);
        services.AddSingleton<PublicUrls>();

        services.AddHealthChecks().AddDbContextCheck<BylabDbContext>("database");
        services.AddBylabRateLimits();
        services.AddBylabApi();
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });

        services.AddScoped<SiteVenue>();
        services.AddScoped<Features.Summaries.IdeaFiles>();
        services.AddScoped<Features.Summaries.SummaryPdf>();
        services.AddScoped<Areas.Admin.Audit.AuditText>();
        services.AddScoped<Features.Account.AccountEmails>();
        services.AddScoped<Areas.Admin.Ideas.AnswerEmails>();
        services.AddScoped<Bylab.Core.Events.IEventMailComposer, Features.Events.EventMails>();
        // Reminders, expiry, personal-data deletion and unsent e-mail; in the web host only, so Core tests run without it.
        services.AddHostedService<Bylab.Core.Events.EventsBackgroundService>();
        services.AddScoped<Bylab.Core.Bookings.IBookingMailComposer, Features.Bookings.BookingMails>();
        services.AddScoped<Features.Organise.EventFormData>();
        services.AddHostedService<Bylab.Core.Bookings.BookingsBackgroundService>();
        // The daily comment digests to idea authors; in the web host only, as above.
        services.AddScoped<Bylab.Core.Ideas.ICommentDigestComposer, Features.Ideas.CommentDigestMails>();
        services.AddScoped<Bylab.Core.Moderation.IModerationMailComposer, Features.Moderation.ModerationMails>();
        services.AddScoped<Bylab.Core.Moderation.IModeratorDigestComposer, Features.Moderation.ModeratorDigestMails>();
        services.AddHostedService<Bylab.Core.Ideas.IdeasBackgroundService>();
        // Account mail is sent after the answer (Core/Email/MailQueue); what the site forgets, it forgets here.
        services.AddHostedService<Bylab.Core.Email.MailQueueService>();
        services.AddHostedService<Bylab.Core.Common.HousekeepingService>();
        services.AddValidatorsFrom(typeof(WebServices).Assembly);
        return services;
    }

    public static WebApplication UseBylabPipeline(this WebApplication app)
    {
        app.UseBylabForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/feil/500");
        }
        if (IsHardened(app.Environment, app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/feil/{0}");
        app.UseFormLimits();
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthFormBuffering();
        // Authentication first: OpenIddict's validation only works once its handler has seen the request, and the API's
        // limiter partitions by the client of the bearer token.
        app.UseAuthentication();
        app.UseBylabApiClient();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        // Liveness without the database: for load balancers, and the benchmark's "framework ceiling".
        app.MapGet("/healthz/live", () => "Alive").AllowAnonymous();
        app.MapControllers();
        app.MapBylabApi();
        // Unknown paths are a 404 for everyone, not a login prompt from the deny-by-default policy.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
