using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Core.Organisations;
using Bylab.Core.Auditing;
using Bylab.Core.Common;
using Bylab.Core.Data;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Bylab.Core.Markdown;
using Bylab.Core.Moderation;
using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bylab.Core;

public static class DependencyInjection
{
    public static IServiceCollection AddBylabCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTimeProvider();

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddOptions<IdeaOptions>().BindConfiguration(IdeaOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdeaOptions>, IdeaOptionsValidator>();
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventOptions>, EventOptionsValidator>();
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModerationOptions>, ModerationOptionsValidator>();
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BookingOptions>, BookingOptionsValidator>();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidator>();

        services.AddDbContext<BylabDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var env = sp.GetRequiredService<IHostEnvironment>();
            options.UseSqlite(SqliteConnectionString(db, env.ContentRootPath));
        });

        // The choice is made per message so that configuration reloads and tests can switch it.
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpEmailSender>()
            : sp.GetRequiredService<OutboxEmailSender>());

        services.AddSingleton<MailQueue>();
        services.AddScoped<OutboxRetention>();

        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AccountService>();
        services.AddScoped<ExternalAccounts>();
        services.AddScoped<UserSessions>();
        services.AddScoped<LoginThrottles>();
        services.AddScoped<TwoFactorEnrolments>();
        services.AddScoped<AdminUserService>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IdeaQueries>();
        services.AddScoped<IdeaService>();
        services.AddScoped<VoteService>();
        services.AddScoped<Connect.ClientAdminService>();
        services.AddScoped<Connect.Connections>();
        services.AddScoped<CommentService>();
        services.AddScoped<CommentDigestService>();
        services.AddScoped<MyIdeasQueries>();
        services.AddScoped<ThemeService>();
        services.AddScoped<ConsultationService>();
        services.AddMemoryCache();
        services.AddSingleton<Summaries.SummaryCache>();
        services.AddScoped<Summaries.ConsultationSummaryService>();
        services.AddScoped<Summaries.SummaryWords>();
        services.AddScoped<Summaries.IdeaExport>();
        services.AddScoped<Summaries.ConclusionService>();
        services.AddScoped<VenueCalendar>();
        services.AddScoped<VenueSchedule>();
        services.AddScoped<VenueAgenda>();
        services.AddScoped<VenueAdminService>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<EventVenueOccupants>();
        services.AddScoped<IVenueOccupantSource>(sp => sp.GetRequiredService<EventVenueOccupants>());
        services.AddScoped<IBookingDependents>(sp => sp.GetRequiredService<EventVenueOccupants>());
        services.AddScoped<IVenueOccupantSource, BookingVenueOccupants>();
        services.AddScoped<ISpaceLayoutGuard, BookingSpaceLayoutGuard>();
        services.AddScoped<IDoorLock, DatabaseDoorLock>();
        services.AddScoped<BookingChecks>();
        services.AddScoped<BookingNotificationQueue>();
        services.AddScoped<BookingRequestService>();
        services.AddScoped<BookingDecisionService>();
        services.AddScoped<BookingStaffService>();
        services.AddScoped<BookingQueries>();
        services.AddScoped<BookingStatistics>();
        services.AddScoped<BookingFeeds>();
        services.AddScoped<BookingNotificationDispatcher>();
        services.AddScoped<EventBookings>();
        services.AddScoped<EventRooms>();
        services.AddScoped<EventNotificationQueue>();
        services.AddScoped<EventPlaces>();
        services.AddScoped<EventService>();
        services.AddScoped<EventStatusService>();
        services.AddScoped<EventCopyService>();
        services.AddScoped<EventQueries>();
        services.AddScoped<SignUpService>();
        services.AddScoped<CancellationService>();
        services.AddScoped<IAccountDeletionStep>(sp => sp.GetRequiredService<CancellationService>());
        services.AddScoped<CheckInService>();
        services.AddScoped<RegistrationQueries>();
        services.AddScoped<EventNotificationDispatcher>();
        services.AddScoped<EventMaintenance>();
        services.AddScoped<ReportService>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<ModerationQueue>();
        services.AddScoped<ModerationService>();
        services.AddScoped<ModerationNoticeDispatcher>();
        services.AddScoped<WordList>();
        services.AddScoped<ModeratorDigestService>();
        services.AddScoped<TransparencyQueries>();
        services.AddScoped<PostingBlocks>();
        services.AddScoped<Reviews>();
        return services;
    }

    public static string SqliteConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }
        return $"Data Source={DatabaseFile(options, contentRoot)};Default Timeout=30;Foreign Keys=True";
    }

    public static string DatabaseFile(DatabaseOptions options, string contentRoot) =>
        Path.Combine(Path.GetFullPath(options.DataFolder, contentRoot), options.FileName);

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
