using Bylab.Core.Venue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bylab.Core.Data.Configurations;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue.Venue>
{
    public void Configure(EntityTypeBuilder<Venue.Venue> b)
    {
        b.Property(v => v.Slug).HasMaxLength(80).IsRequired();
        b.HasIndex(v => v.Slug).IsUnique();
        b.Property(v => v.Name).HasMaxLength(Venue.Venue.NameMaxLength).IsRequired();
        b.Property(v => v.StreetAddress).HasMaxLength(Venue.Venue.StreetAddressMaxLength).IsRequired();
        b.Property(v => v.PostalCode).HasMaxLength(Venue.Venue.PostalCodeMaxLength).IsRequired();
        b.Property(v => v.City).HasMaxLength(Venue.Venue.CityMaxLength).IsRequired();
        b.Property(v => v.ContactEmail).HasMaxLength(Venue.Venue.ContactEmailMaxLength);
        b.Property(v => v.ContactPhone).HasMaxLength(Venue.Venue.ContactPhoneMaxLength);
        b.Property(v => v.Description).HasMaxLength(Venue.Venue.TextMaxLength).IsRequired().HasDefaultValue("");
        b.Property(v => v.AccessibilityInfo).HasMaxLength(Venue.Venue.TextMaxLength).IsRequired().HasDefaultValue("");
        b.Property(v => v.AccessInstructions).HasMaxLength(Venue.Venue.TextMaxLength).IsRequired().HasDefaultValue("");
        b.Property(v => v.ContactPerson).HasMaxLength(Venue.Venue.ContactPersonMaxLength).IsRequired().HasDefaultValue("");
        b.Property(v => v.TidyingInstructions).HasMaxLength(Venue.Venue.TextMaxLength).IsRequired().HasDefaultValue("");
        b.Property(v => v.ClosedOnPublicHolidays).HasDefaultValue(true);
        b.ToTable(t => t.HasCheckConstraint("CK_Venues_Capacity", "Capacity > 0"));
        b.HasMany(v => v.OpeningHours).WithOne().HasForeignKey(o => o.VenueId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.LendingHours).WithOne().HasForeignKey(o => o.VenueId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Closures).WithOne().HasForeignKey(o => o.VenueId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Spaces).WithOne(s => s.Venue).HasForeignKey(s => s.VenueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> b)
    {
        b.HasIndex(o => new { o.VenueId, o.Day }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_OpeningHours_Order", "Closes > Opens"));
    }
}

internal sealed class LendingHoursConfiguration : IEntityTypeConfiguration<LendingHours>
{
    public void Configure(EntityTypeBuilder<LendingHours> b)
    {
        b.HasIndex(o => new { o.VenueId, o.Day }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_LendingHours_Order", "Closes > Opens"));
    }
}

internal sealed class VenueClosureConfiguration : IEntityTypeConfiguration<VenueClosure>
{
    public void Configure(EntityTypeBuilder<VenueClosure> b)
    {
        b.Property(c => c.Reason).HasMaxLength(VenueClosure.ReasonMaxLength).IsRequired();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.VenueId, c.FirstDate });
        b.ToTable(t => t.HasCheckConstraint("CK_VenueClosures_Order", "LastDate >= FirstDate"));
    }
}

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> b)
    {
        b.Property(s => s.Name).HasMaxLength(Space.NameMaxLength).IsRequired();
        b.Property(s => s.Description).HasMaxLength(Space.DescriptionMaxLength).IsRequired();
        b.HasOne<Space>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.VenueId, s.Name }).IsUnique();
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Spaces_Capacity", $"Capacity > 0 AND Capacity <= {Space.MaxCapacity}");
            t.HasCheckConstraint("CK_Spaces_Buffers", $"SetupMinutes >= 0 AND SetupMinutes <= {Space.MaxBufferMinutes} AND CleanupMinutes >= 0 AND CleanupMinutes <= {Space.MaxBufferMinutes}");
            t.HasCheckConstraint("CK_Spaces_Length", $"MinMinutes >= 1 AND MaxMinutes >= MinMinutes AND MaxMinutes <= {Space.MaxLengthMinutes}");
            t.HasCheckConstraint("CK_Spaces_Ahead", $"MinNoticeHours >= 0 AND MinNoticeHours <= {Space.MaxNoticeHours} AND MaxDaysAhead >= 1 AND MaxDaysAhead <= {Space.MaxDaysAheadLimit}");
        });
    }
}

internal sealed class SpaceRelationConfiguration : IEntityTypeConfiguration<SpaceRelation>
{
    public void Configure(EntityTypeBuilder<SpaceRelation> b)
    {
        b.HasKey(r => new { r.SpaceId, r.RelatedId });
        b.HasOne<Space>().WithMany().HasForeignKey(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Space>().WithMany().HasForeignKey(r => r.RelatedId).OnDelete(DeleteBehavior.Cascade);
    }
}
