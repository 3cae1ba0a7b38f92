using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bylab.Core.Data.Configurations;

internal sealed class CommentNoticeConfiguration : IEntityTypeConfiguration<CommentNotice>
{
    public void Configure(EntityTypeBuilder<CommentNotice> b)
    {
        b.Property(n => n.RecipientId).HasMaxLength(64).IsRequired();
        b.Property(n => n.Reason).HasConversion<string>().HasMaxLength(24);
        // A person hears about a comment once, whatever the reasons (their idea, their comment).
        b.HasIndex(n => new { n.RecipientId, n.CommentId }).IsUnique();
        b.HasIndex(n => n.RecipientId).HasFilter("DigestId IS NULL").HasDatabaseName("IX_CommentNotices_Pending");
        b.HasIndex(n => n.DigestId);
        b.HasIndex(n => n.CommentId);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Comment>().WithMany().HasForeignKey(n => n.CommentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CommentDigest>().WithMany().HasForeignKey(n => n.DigestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentDigestConfiguration : IEntityTypeConfiguration<CommentDigest>
{
    public void Configure(EntityTypeBuilder<CommentDigest> b)
    {
        b.Property(d => d.RecipientId).HasMaxLength(64).IsRequired();
        b.Property(d => d.LastError).HasMaxLength(1_000);
        // At most one digest a day per person, whichever instance or restart makes it.
        b.HasIndex(d => new { d.RecipientId, d.OsloDay }).IsUnique();
        b.HasIndex(d => d.CreatedAt).HasFilter("SentAt IS NULL").HasDatabaseName("IX_CommentDigests_Unsent");
        b.HasOne<BylabUser>().WithMany().HasForeignKey(d => d.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
