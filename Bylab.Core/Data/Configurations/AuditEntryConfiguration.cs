using Bylab.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bylab.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(64).IsRequired();
        b.Property(e => e.TargetType).HasMaxLength(64);
        b.Property(e => e.TargetId).HasMaxLength(64);
        b.Property(e => e.Details).HasMaxLength(2000);
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.ActorId);
        b.HasIndex(e => new { e.TargetType, e.TargetId });
    }
}
