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
    }
}
