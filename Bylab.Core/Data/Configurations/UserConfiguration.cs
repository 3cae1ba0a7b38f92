using Bylab.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bylab.Core.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<BylabUser>
{
    public void Configure(EntityTypeBuilder<BylabUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(BylabUser.DisplayNameMaxLength).IsRequired();
        b.Property(u => u.PreferredCulture).HasMaxLength(8).IsRequired();
        b.Property(u => u.Email).HasMaxLength(BylabUser.EmailMaxLength);
        b.Property(u => u.UserName).HasMaxLength(BylabUser.EmailMaxLength);
        b.Property(u => u.VerifiedBy).HasMaxLength(BylabUser.VerifiedByMaxLength);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.SecurityStamp).HasMaxLength(256).IsRequired();
        b.Property(s => s.Ticket).IsRequired();
        // Deleting an account deletes its sessions: a request from one of them is anonymous, never a dangling user.
        b.HasOne<BylabUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresAt);
    }
}

internal sealed class LoginThrottleConfiguration : IEntityTypeConfiguration<LoginThrottle>
{
    public void Configure(EntityTypeBuilder<LoginThrottle> b)
    {
        b.ToTable("LoginThrottles");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(LoginThrottles.KeyMaxLength);
    }
}

internal sealed class TwoFactorEnrolmentConfiguration : IEntityTypeConfiguration<TwoFactorEnrolment>
{
    public void Configure(EntityTypeBuilder<TwoFactorEnrolment> b)
    {
        b.ToTable("TwoFactorEnrolments");
        b.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        b.Property(e => e.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(e => e.CreatedById).HasMaxLength(450);
        b.HasOne<BylabUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.TokenHash).IsUnique();
        b.HasIndex(e => e.UserId);
    }
}
