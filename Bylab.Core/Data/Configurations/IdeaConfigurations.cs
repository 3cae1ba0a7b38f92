using Bylab.Core.Accounts;
using Bylab.Core.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bylab.Core.Data.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> b)
    {
        b.Property(t => t.Slug).HasMaxLength(80).IsRequired();
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Title).HasMaxLength(Theme.TitleMaxLength).IsRequired();
        b.Property(t => t.Description).HasMaxLength(Theme.DescriptionMaxLength).IsRequired();
        b.Property(t => t.WhereAreWe).HasMaxLength(Theme.QuestionMaxLength);
        b.Property(t => t.WhereDoWeWantToGo).HasMaxLength(Theme.QuestionMaxLength);
        b.Property(t => t.HowDoWeGetThere).HasMaxLength(Theme.QuestionMaxLength);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.Property(c => c.Slug).HasMaxLength(100).IsRequired();
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Title).HasMaxLength(Consultation.TitleMaxLength).IsRequired();
        b.Property(c => c.DescriptionMarkdown).HasMaxLength(Consultation.DescriptionMaxLength).IsRequired();
        b.HasOne(c => c.Theme).WithMany().HasForeignKey(c => c.ThemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.OpensAt);
        b.ToTable(t =>
        {
            // Dates are stored as ISO text, so text comparison is time comparison.
            t.HasCheckConstraint("CK_Consultations_Dates", "OpensAt <= IdeasCloseAt AND IdeasCloseAt <= ClosesAt");
            t.HasCheckConstraint("CK_Consultations_MaxVotes", "MaxVotesPerPerson IS NULL OR MaxVotesPerPerson > 0");
        });
    }
}

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    private const string VisibleFilter = "WithdrawnAt IS NULL AND MergedIntoId IS NULL";

    public void Configure(EntityTypeBuilder<Idea> b)
    {
        ModerationColumns.Configure(b, "Ideas");
        b.Property(i => i.Title).HasMaxLength(Idea.TitleMaxLength).IsRequired();
        b.Property(i => i.BodyMarkdown).HasMaxLength(Idea.BodyMaxLength).IsRequired();
        b.Property(i => i.PlaceName).HasMaxLength(Idea.PlaceNameMaxLength);
        b.Property(i => i.AnswerMarkdown).HasMaxLength(Idea.AnswerMaxLength);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(i => i.AuthorId).HasMaxLength(64);
        b.Property(i => i.AnsweredById).HasMaxLength(64);
        b.Ignore(i => i.Slug);

        b.HasOne(i => i.Consultation).WithMany().HasForeignKey(i => i.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Theme).WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Restrict);
        // Account deletion anonymises: the idea stays, the author goes.
        b.HasOne(i => i.Author).WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(i => i.AnsweredById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Idea>().WithMany().HasForeignKey(i => i.MergedIntoId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(i => i.Principles).WithOne().HasForeignKey(p => p.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Goals).WithOne().HasForeignKey(g => g.IdeaId).OnDelete(DeleteBehavior.Cascade);

        // Lists filter by consultation (and hide withdrawn and merged ideas), then sort by one of these.
        b.HasIndex(i => new { i.ConsultationId, i.CreatedAt });
        b.HasIndex(i => i.CreatedAt);
        b.HasIndex(i => i.VoteCount);
        b.HasIndex(i => i.CommentCount);
        b.HasIndex(i => i.ThemeId);
        b.HasIndex(i => i.Status);
        b.HasIndex(i => i.AuthorId);

        // Lists show visible ideas only (not withdrawn, not merged): these partial indexes hold just those rows, so
        // the count, the consultation summaries (count and sum of votes) and the common sorts are read from an index
        // instead of the table. SQLite uses a partial index when the query's WHERE has the same terms, which
        // IdeaQueries' Visible filter writes as "WithdrawnAt IS NULL AND MergedIntoId IS NULL" (see the benchmark in
        // the README: at 10,000 ideas the SQL of one /ideer request went from 100+ ms to about 2 ms).
        b.HasIndex(i => i.CreatedAt, "IX_Ideas_Visible_CreatedAt").HasFilter(VisibleFilter);
        b.HasIndex(i => new { i.ConsultationId, i.VoteCount }, "IX_Ideas_Visible_ConsultationId_VoteCount").HasFilter(VisibleFilter);
        b.HasIndex(i => new { i.ThemeId, i.VoteCount }, "IX_Ideas_Visible_ThemeId_VoteCount").HasFilter(VisibleFilter);
        // The foreign key's index only needs the merged ideas. Unfiltered, SQLite took "MergedIntoId IS NULL" for a
        // selective lookup and walked nearly every row through it, then sorted them all, for every list.
        b.HasIndex(i => i.MergedIntoId).HasFilter("MergedIntoId IS NOT NULL");

        // The full-text index IdeasFts and its triggers are created by raw SQL in the Ideas migration. If a later
        // migration makes EF rebuild the Ideas table (SQLite cannot alter some columns in place), that migration
        // must create the three Ideas_Fts_* triggers again and run INSERT INTO IdeasFts(IdeasFts) VALUES('rebuild').
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Ideas_Counts", "VoteCount >= 0 AND CommentCount >= 0");
            t.HasCheckConstraint("CK_Ideas_NotMergedIntoItself", "MergedIntoId IS NULL OR MergedIntoId <> Id");
            t.HasCheckConstraint("CK_Ideas_Title", "length(trim(Title)) > 0");
        });
    }
}

internal sealed class IdeaPrincipleConfiguration : IEntityTypeConfiguration<IdeaPrinciple>
{
    public void Configure(EntityTypeBuilder<IdeaPrinciple> b)
    {
        b.HasKey(p => new { p.IdeaId, p.Code });
        b.Property(p => p.Code).HasMaxLength(RoadmapPrinciples.CodeMaxLength);
        b.HasIndex(p => new { p.Code, p.IdeaId });
        var codes = string.Join(", ", RoadmapPrinciples.All.Select(p => $"'{p.Code}'"));
        b.ToTable(t => t.HasCheckConstraint("CK_IdeaPrinciples_Code", $"Code IN ({codes})"));
    }
}

internal sealed class IdeaGoalConfiguration : IEntityTypeConfiguration<IdeaGoal>
{
    public void Configure(EntityTypeBuilder<IdeaGoal> b)
    {
        b.HasKey(g => new { g.IdeaId, g.Number });
        b.HasIndex(g => new { g.Number, g.IdeaId });
        b.ToTable(t => t.HasCheckConstraint("CK_IdeaGoals_Number", "Number BETWEEN 1 AND 17"));
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.Property(v => v.UserId).HasMaxLength(64);
        // The guarantee of one vote per person and idea. Anonymous votes (UserId null after account
        // deletion) do not collide: SQLite treats NULLs as distinct in a unique index.
        b.HasIndex(v => new { v.IdeaId, v.UserId }).IsUnique();
        // Trending counts votes of the last days per idea; the vote limit counts a person's votes.
        b.HasIndex(v => new { v.IdeaId, v.CreatedAt });
        b.HasIndex(v => v.UserId);
        b.HasOne<Idea>().WithMany().HasForeignKey(v => v.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class IdeaFollowerConfiguration : IEntityTypeConfiguration<IdeaFollower>
{
    public void Configure(EntityTypeBuilder<IdeaFollower> b)
    {
        b.HasKey(f => new { f.IdeaId, f.UserId });
        b.Property(f => f.UserId).HasMaxLength(64);
        b.HasIndex(f => f.UserId);
        b.HasOne<Idea>().WithMany().HasForeignKey(f => f.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        ModerationColumns.Configure(b, "Comments");
        b.Property(c => c.BodyMarkdown).HasMaxLength(Comment.BodyMaxLength).IsRequired();
        b.Property(c => c.AuthorId).HasMaxLength(64);
        b.HasIndex(c => new { c.IdeaId, c.CreatedAt });
        b.HasIndex(c => c.AuthorId);
        b.HasOne<Idea>().WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t => t.HasCheckConstraint("CK_Comments_NotOwnParent", "ParentId IS NULL OR ParentId <> Id"));
    }
}
