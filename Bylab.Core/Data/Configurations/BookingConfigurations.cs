using Bylab.Core.Accounts;
using Bylab.Core.Bookings;
using Bylab.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bylab.Core.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.ContactName).HasMaxLength(Organisation.ContactNameMaxLength).IsRequired();
        b.Property(o => o.ContactEmail).HasMaxLength(Organisation.ContactEmailMaxLength).IsRequired();
        b.Property(o => o.ContactPhone).HasMaxLength(Organisation.ContactPhoneMaxLength);
        b.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_Organisations_Quota",
            $"MonthlyQuotaHours IS NULL OR (MonthlyQuotaHours >= 1 AND MonthlyQuotaHours <= {Organisation.MaxQuotaHours})"));
    }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> b)
    {
        b.HasKey(m => new { m.OrganisationId, m.UserId });
        b.Property(m => m.UserId).HasMaxLength(64);
        // A deleted account leaves its organisations.
        b.HasOne<BylabUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.UserId);
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.Property(x => x.Purpose).HasMaxLength(Booking.PurposeMaxLength).IsRequired();
        b.Property(x => x.Notes).HasMaxLength(Booking.NotesMaxLength);
        b.Property(x => x.RejectionReason).HasMaxLength(Booking.ReasonMaxLength);
        b.Property(x => x.SuggestionMessage).HasMaxLength(Booking.ReasonMaxLength);
        b.Property(x => x.CancellationReason).HasMaxLength(Booking.ReasonMaxLength);
        b.Property(x => x.RequestedById).HasMaxLength(64);
        b.Property(x => x.DecidedById).HasMaxLength(64);
        b.Property(x => x.CancelledById).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Ignore(x => x.Length);
        b.Ignore(x => x.HasSuggestion);

        b.HasOne(x => x.Space).WithMany().HasForeignKey(x => x.SpaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Series).WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(x => x.RequestedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(x => x.CancelledById).OnDelete(DeleteBehavior.SetNull);

        // The overlap trigger's lookup: approved bookings of a space by held interval.
        b.HasIndex(x => new { x.SpaceId, x.Status, x.BlockStartsAt, x.BlockEndsAt }).HasDatabaseName("IX_Bookings_Held");
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.OrganisationId, x.StartsAt });
        b.HasIndex(x => x.SeriesId);
        b.ToTable(t =>
        {
            // Dates are stored as ISO text, so text comparison is time comparison.
            t.HasCheckConstraint("CK_Bookings_EndAfterStart", "EndsAt > StartsAt");
            t.HasCheckConstraint("CK_Bookings_Held", "BlockStartsAt <= StartsAt AND BlockEndsAt >= EndsAt");
            t.HasCheckConstraint("CK_Bookings_People", $"ExpectedPeople >= 1 AND ExpectedPeople <= {Booking.MaxPeople}");
            t.HasCheckConstraint("CK_Bookings_Rejected", "Status <> 'Rejected' OR RejectionReason IS NOT NULL");
        });
    }
}

internal sealed class BookingSeriesConfiguration : IEntityTypeConfiguration<BookingSeries>
{
    public void Configure(EntityTypeBuilder<BookingSeries> b)
    {
        b.Property(s => s.Interval).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.SkippedDates).HasMaxLength(BookingSeries.MaxOccurrences * 11);
        b.Ignore(s => s.Skipped);
    }
}

internal sealed class DoorCodeConfiguration : IEntityTypeConfiguration<DoorCode>
{
    public void Configure(EntityTypeBuilder<DoorCode> b)
    {
        b.Property(c => c.Code).HasMaxLength(DoorCode.Length).IsRequired();
        b.HasOne<Booking>().WithMany().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Venue.Venue>().WithMany().HasForeignKey(c => c.VenueId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.BookingId).IsUnique();
        b.HasIndex(c => new { c.VenueId, c.Code, c.ValidFrom });
        b.ToTable(t => t.HasCheckConstraint("CK_DoorCodes_Validity", "ValidUntil > ValidFrom"));
    }
}

internal sealed class BookingNotificationConfiguration : IEntityTypeConfiguration<BookingNotification>
{
    public void Configure(EntityTypeBuilder<BookingNotification> b)
    {
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(n => n.Message).HasMaxLength(Booking.ReasonMaxLength);
        b.Property(n => n.LastError).HasMaxLength(1_000);
        b.Property(n => n.SentTo).HasMaxLength(1_000);
        b.HasOne(n => n.Booking).WithMany().HasForeignKey(n => n.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => n.CreatedAt).HasFilter("SentAt IS NULL").HasDatabaseName("IX_BookingNotifications_Unsent");
        b.HasIndex(n => n.BookingId);
    }
}

internal sealed class StaffFeedTokenConfiguration : IEntityTypeConfiguration<StaffFeedToken>
{
    public void Configure(EntityTypeBuilder<StaffFeedToken> b)
    {
        b.Property(t => t.UserId).HasMaxLength(64).IsRequired();
        b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<BylabUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
