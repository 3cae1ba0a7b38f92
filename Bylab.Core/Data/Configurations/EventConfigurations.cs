using Bylab.Core.Accounts;
using Bylab.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bylab.Core.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        ModerationColumns.Configure(b, "Events");
        b.Property(e => e.Slug).HasMaxLength(100).IsRequired();
        b.HasIndex(e => e.Slug).IsUnique();
        b.Property(e => e.Title).HasMaxLength(Event.TitleMaxLength).IsRequired();
        b.Property(e => e.Summary).HasMaxLength(Event.SummaryMaxLength).IsRequired();
        b.Property(e => e.DescriptionMarkdown).HasMaxLength(Event.DescriptionMaxLength).IsRequired();
        b.Property(e => e.PlaceName).HasMaxLength(Event.PlaceMaxLength);
        b.Property(e => e.PlaceAddress).HasMaxLength(Event.PlaceMaxLength);
        b.Property(e => e.OnlineUrl).HasMaxLength(Event.OnlineUrlMaxLength);
        b.Property(e => e.OrganiserName).HasMaxLength(Event.OrganiserNameMaxLength).IsRequired();
        b.Property(e => e.Question).HasMaxLength(Event.QuestionMaxLength);
        b.Property(e => e.CancellationMessage).HasMaxLength(Event.CancellationMessageMaxLength);
        b.Property(e => e.OwnerId).HasMaxLength(64);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Audience).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.LocationKind).HasConversion<string>().HasMaxLength(16);

        b.HasOne(e => e.Theme).WithMany().HasForeignKey(e => e.ThemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Venue).WithMany().HasForeignKey(e => e.VenueId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Event>().WithMany().HasForeignKey(e => e.CopiedFromId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Bylab.Core.Organisations.Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Bylab.Core.Venue.Space>().WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Bylab.Core.Bookings.Booking>().WithMany().HasForeignKey(e => e.BookingId).OnDelete(DeleteBehavior.Restrict);
        // One live event per booking.
        b.HasIndex(e => e.BookingId).IsUnique().HasFilter("BookingId IS NOT NULL AND Status <> 'Cancelled'")
            .HasDatabaseName("IX_Events_OnePerBooking");

        b.HasIndex(e => new { e.Status, e.StartsAt });
        b.HasIndex(e => new { e.VenueId, e.StartsAt });
        b.ToTable(t =>
        {
            // Dates are stored as ISO text, so text comparison is time comparison.
            t.HasCheckConstraint("CK_Events_EndAfterStart", "EndsAt > StartsAt");
            t.HasCheckConstraint("CK_Events_Capacity", $"Capacity > 0 AND Capacity <= {Event.MaxCapacity}");
            t.HasCheckConstraint("CK_Events_MaxCompanions", $"MaxCompanions >= 0 AND MaxCompanions <= {Event.MaxCompanionsLimit}");
            t.HasCheckConstraint("CK_Events_Reminder", $"ReminderHoursBefore IS NULL OR (ReminderHoursBefore >= 1 AND ReminderHoursBefore <= {Event.MaxReminderHours})");
            t.HasCheckConstraint("CK_Events_RegistrationWindow",
                "RegistrationOpensAt IS NULL OR RegistrationClosesAt IS NULL OR RegistrationOpensAt < RegistrationClosesAt");
            t.HasCheckConstraint("CK_Events_Venue", "(LocationKind = 'Venue') = (VenueId IS NOT NULL)");
            // A published event in the venue holds its slot through a booking (the service checks it is approved and covers it).
            t.HasCheckConstraint("CK_Events_VenueBooking", "NOT (Status = 'Published' AND LocationKind = 'Venue' AND BookingId IS NULL)");
        });
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    private const string Live = "Status <> 'Cancelled'";

    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.Property(r => r.Name).HasMaxLength(Registration.NameMaxLength).IsRequired();
        b.Property(r => r.Email).HasMaxLength(Registration.EmailMaxLength).IsRequired();
        b.Property(r => r.NormalizedEmail).HasMaxLength(Registration.EmailMaxLength).IsRequired();
        b.Property(r => r.Needs).HasMaxLength(Registration.NeedsMaxLength);
        b.Property(r => r.Answer).HasMaxLength(Registration.AnswerMaxLength);
        b.Property(r => r.Culture).HasMaxLength(8).IsRequired();
        b.Property(r => r.UserId).HasMaxLength(64);
        b.Property(r => r.CheckedInById).HasMaxLength(64);
        b.Property(r => r.ManageToken).HasMaxLength(64).IsRequired();
        b.Property(r => r.CheckInCode).HasMaxLength(Registration.CheckInCodeLength).IsRequired();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.CancelledBy).HasConversion<string>().HasMaxLength(16);
        b.Ignore(r => r.Places);
        b.Ignore(r => r.IsLive);

        b.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        // A deleted account leaves its sign-ups as they were until the event's data is deleted.
        b.HasOne<BylabUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(r => r.CheckedInById).OnDelete(DeleteBehavior.SetNull);

        b.HasIndex(r => r.ManageToken).IsUnique();
        b.HasIndex(r => r.CheckInCode).IsUnique();
        b.HasIndex(r => new { r.EventId, r.Status });
        // One live registration per person and event: by e-mail (guests and accounts alike) and by account.
        b.HasIndex(r => new { r.EventId, r.NormalizedEmail }).IsUnique().HasFilter(Live)
            .HasDatabaseName("IX_Registrations_OnePerEmail");
        b.HasIndex(r => new { r.EventId, r.UserId }).IsUnique().HasFilter($"UserId IS NOT NULL AND {Live}")
            .HasDatabaseName("IX_Registrations_OnePerAccount");
        b.HasIndex(r => r.UserId);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Registrations_Companions", $"Companions >= 0 AND Companions <= {Event.MaxCompanionsLimit}");
        });
    }
}

internal sealed class EventNotificationConfiguration : IEntityTypeConfiguration<EventNotification>
{
    public void Configure(EntityTypeBuilder<EventNotification> b)
    {
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(n => n.LastError).HasMaxLength(1_000);
        b.HasOne(n => n.Registration).WithMany().HasForeignKey(n => n.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // A reminder is queued at most once per registration and time and place of the event (its Sequence),
        // whichever instance or restart gets there first; an event moved after its reminder reminds again.
        b.HasIndex(n => new { n.RegistrationId, n.EventSequence }).IsUnique().HasFilter("Kind = 'Reminder'")
            .HasDatabaseName("IX_EventNotifications_OneReminder");
        b.HasIndex(n => n.CreatedAt).HasFilter("SentAt IS NULL").HasDatabaseName("IX_EventNotifications_Unsent");
        b.HasIndex(n => n.RegistrationId);
    }
}
