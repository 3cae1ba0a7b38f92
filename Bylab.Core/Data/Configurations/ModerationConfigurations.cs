using Bylab.Core.Accounts;
using Bylab.Core.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bylab.Core.Data.Configurations;

/// <summary>The moderation columns, the same on every <see cref="IModerated"/> table.</summary>
internal static class ModerationColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> b, string table) where T : class, IModerated
    {
        // Stored as words, as Visibility.VisibleSql expects ('Visible'); the default keeps existing rows visible.
        b.Property(x => x.ModerationState).HasConversion<string>().HasMaxLength(16).HasDefaultValue(ModerationState.Visible)
            .HasSentinel((ModerationState)(-1));
        b.Property(x => x.ModerationReason).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ModeratedById).HasMaxLength(64);
        b.Property(x => x.ModerationNote).HasMaxLength(ModerationTransitions.NoteMaxLength);
        // No foreign key, as the audit log's ActorId: adding one to an existing SQLite table rebuilds it, and the rebuild
        // drops the table's triggers (the Ideas table's keep the full-text index in step). The id names no person by itself.
        // The moderators' queue reads hidden and held items only: a partial index keeps that cheap.
        b.HasIndex(x => x.ModerationState, $"IX_{table}_Moderated").HasFilter("ModerationState <> 'Visible'");
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.ItemKind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Reason).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.ReporterId).HasMaxLength(64);
        b.Property(r => r.Note).HasMaxLength(Report.NoteMaxLength);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.SetNull);
        // One report per person and item, whatever races the requests run.
        b.HasIndex(r => new { r.ItemKind, r.ItemId, r.ReporterId }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_Reports_Note", $"Note IS NULL OR length(Note) <= {Report.NoteMaxLength}"));
    }
}

internal sealed class ModerationNoticeConfiguration : IEntityTypeConfiguration<ModerationNotice>
{
    public void Configure(EntityTypeBuilder<ModerationNotice> b)
    {
        b.Property(n => n.ItemKind).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.State).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Reason).HasConversion<string>().HasMaxLength(24);
        b.Property(n => n.RecipientId).HasMaxLength(64).IsRequired();
        b.HasOne<BylabUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.ItemKind, n.ItemId, n.DecidedAt, n.State }).IsUnique();
        b.HasIndex(n => n.SentAt);
    }
}

internal sealed class WordListEntryConfiguration : IEntityTypeConfiguration<WordListEntry>
{
    public void Configure(EntityTypeBuilder<WordListEntry> b)
    {
        b.Property(e => e.Text).HasMaxLength(WordListEntry.TextMaxLength).IsRequired();
        b.Property(e => e.CreatedById).HasMaxLength(64);
        b.HasIndex(e => new { e.Text, e.IsPattern }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_WordListEntries_Text", $"length(Text) BETWEEN 1 AND {WordListEntry.TextMaxLength}"));
    }
}

internal sealed class ModeratorDigestConfiguration : IEntityTypeConfiguration<ModeratorDigest>
{
    public void Configure(EntityTypeBuilder<ModeratorDigest> b)
    {
        b.Property(d => d.RecipientId).HasMaxLength(64).IsRequired();
        b.HasOne<BylabUser>().WithMany().HasForeignKey(d => d.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // One digest per moderator and period: a second round (another instance, a restart) cannot gather the same one again.
        b.HasIndex(d => new { d.RecipientId, d.CoveredUntil }).IsUnique();
        b.HasIndex(d => d.CoveredUntil);
        b.HasIndex(d => d.SentAt);
    }
}

internal sealed class PostingBlockConfiguration : IEntityTypeConfiguration<PostingBlock>
{
    public void Configure(EntityTypeBuilder<PostingBlock> b)
    {
        b.Property(x => x.UserId).HasMaxLength(64).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(PostingBlock.ReasonMaxLength).IsRequired();
        b.Property(x => x.BlockedById).HasMaxLength(64).IsRequired();
        b.Property(x => x.LiftedById).HasMaxLength(64);
        b.Property(x => x.LiftNote).HasMaxLength(ModerationTransitions.NoteMaxLength);
        // The person may still delete their account: the block goes with it.
        b.HasOne<BylabUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // One active block per person, whatever two moderators do at once.
        b.HasIndex(x => x.UserId).IsUnique().HasFilter("LiftedAt IS NULL");
    }
}

internal sealed class ReviewRequestConfiguration : IEntityTypeConfiguration<ReviewRequest>
{
    public void Configure(EntityTypeBuilder<ReviewRequest> b)
    {
        b.Property(x => x.ItemKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.AuthorId).HasMaxLength(64);
        b.Property(x => x.AnsweredById).HasMaxLength(64);
        b.Property(x => x.Message).HasMaxLength(ReviewRequest.MessageMaxLength).IsRequired();
        b.Property(x => x.Answer).HasMaxLength(ModerationTransitions.NoteMaxLength);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
        // One request per decision: a replayed form or two tabs at once store one.
        b.HasIndex(x => new { x.ItemKind, x.ItemId, x.DecidedAt }).IsUnique();
        b.HasIndex(x => x.AnsweredAt);
    }
}
