using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bylab.Core.Summaries;

public sealed class ConsultationEventConfiguration : IEntityTypeConfiguration<ConsultationEvent>
{
    public void Configure(EntityTypeBuilder<ConsultationEvent> b)
    {
        b.ToTable("ConsultationEvents");
        b.HasKey(x => new { x.ConsultationId, x.EventId });
        b.HasOne(x => x.Consultation).WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.EventId);
    }
}

public sealed class ConsultationConclusionConfiguration : IEntityTypeConfiguration<ConsultationConclusion>
{
    public void Configure(EntityTypeBuilder<ConsultationConclusion> b)
    {
        b.ToTable("ConsultationConclusions", t =>
            t.HasCheckConstraint("CK_ConsultationConclusions_Markdown", $"length(Markdown) <= {ConsultationConclusion.MarkdownMaxLength}"));
        b.HasKey(x => x.ConsultationId);
        b.HasOne<Consultation>().WithOne().HasForeignKey<ConsultationConclusion>(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Markdown).IsRequired();
        b.Property(x => x.Licence).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.UpdatedById).HasMaxLength(450);
    }
}
