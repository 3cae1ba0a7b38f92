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
        b.Property(v => v.StreetAddress).HasMaxLength(200).IsRequired();
        b.Property(v => v.PostalCode).HasMaxLength(10).IsRequired();
        b.Property(v => v.City).HasMaxLength(100).IsRequired();
        b.Property(v => v.ContactEmail).HasMaxLength(254);
        b.Property(v => v.ContactPhone).HasMaxLength(30);
        b.ToTable(t => t.HasCheckConstraint("CK_Venues_Capacity", "Capacity > 0"));
        b.HasMany(v => v.OpeningHours).WithOne().HasForeignKey(o => o.VenueId).OnDelete(DeleteBehavior.Cascade);
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
