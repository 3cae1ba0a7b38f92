using Bylab.Core.Accounts;
using Bylab.Core.Auditing;
using Bylab.Core.Email;
using Bylab.Core.Events;
using Bylab.Core.Ideas;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bylab.Core.Data;

public class BylabDbContext(DbContextOptions<BylabDbContext> options)
    : IdentityDbContext<BylabUser>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Venue.Venue> Venues => Set<Venue.Venue>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<IdeaPrinciple> IdeaPrinciples => Set<IdeaPrinciple>();
    public DbSet<IdeaGoal> IdeaGoals => Set<IdeaGoal>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<IdeaFollower> IdeaFollowers => Set<IdeaFollower>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentNotice> CommentNotices => Set<CommentNotice>();
    public DbSet<CommentDigest> CommentDigests => Set<CommentDigest>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Summaries.ConsultationEvent> ConsultationEvents => Set<Summaries.ConsultationEvent>();
    public DbSet<Summaries.ConsultationConclusion> ConsultationConclusions => Set<Summaries.ConsultationConclusion>();
    public DbSet<Moderation.Report> Reports => Set<Moderation.Report>();
    public DbSet<Moderation.ModerationNotice> ModerationNotices => Set<Moderation.ModerationNotice>();
    public DbSet<Moderation.WordListEntry> WordListEntries => Set<Moderation.WordListEntry>();
    public DbSet<Moderation.ModeratorDigest> ModeratorDigests => Set<Moderation.ModeratorDigest>();
    public DbSet<Moderation.PostingBlock> PostingBlocks => Set<Moderation.PostingBlock>();
    public DbSet<Moderation.ReviewRequest> ReviewRequests => Set<Moderation.ReviewRequest>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<EventNotification> EventNotifications => Set<EventNotification>();
    public DbSet<Venue.Space> Spaces => Set<Venue.Space>();
    public DbSet<Venue.SpaceRelation> SpaceRelations => Set<Venue.SpaceRelation>();
    public DbSet<Venue.LendingHours> LendingHours => Set<Venue.LendingHours>();
    public DbSet<Venue.VenueClosure> VenueClosures => Set<Venue.VenueClosure>();
    public DbSet<Organisations.Organisation> Organisations => Set<Organisations.Organisation>();
    public DbSet<Organisations.OrganisationMember> OrganisationMembers => Set<Organisations.OrganisationMember>();
    public DbSet<Bookings.Booking> Bookings => Set<Bookings.Booking>();
    public DbSet<Bookings.BookingSeries> BookingSeries => Set<Bookings.BookingSeries>();
    public DbSet<Bookings.DoorCode> DoorCodes => Set<Bookings.DoorCode>();
    public DbSet<Bookings.BookingNotification> BookingNotifications => Set<Bookings.BookingNotification>();
    public DbSet<Bookings.StaffFeedToken> StaffFeedTokens => Set<Bookings.StaffFeedToken>();

    /// <summary>ASP.NET Core Data Protection keys, shared by every instance that uses this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnConfiguring(DbContextOptionsBuilder options) =>
        options.AddInterceptors(SqliteUnicodeUpper.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // OpenIddict's applications, authorizations, scopes and tokens (Bylab as an OpenID Connect provider: Connect/).
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(BylabDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every DateTime in Bylab is UTC. SQLite keeps no kind, so mark it on the way out.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
