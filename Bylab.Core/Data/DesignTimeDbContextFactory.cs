using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bylab.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BylabDbContext>
{
    public BylabDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BylabDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
