using System.Data.Common;
using Bylab.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// Puts something exactly between a service's statements: before the first SQL command that matches, it runs the
/// test's step – another request's change committed at the worst moment, or a rewrite of the command that hides
/// what a code check would have seen. Races that threads hit only sometimes are then played out every time.
/// </summary>
public sealed class CommandHook(Func<DbCommand, bool> matches, Func<DbCommand, Task> step) : DbCommandInterceptor
{
    private int _fired;

    /// <summary>Whether the step ran: a test asserts it, so a changed query cannot make it test nothing.</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    /// <summary>A DbContext on <paramref name="connectionString"/> with this hook, for a service built by hand.</summary>
    public BylabDbContext NewContext(string connectionString) =>
        new(new DbContextOptionsBuilder<BylabDbContext>().UseSqlite(connectionString).AddInterceptors(this).Options);

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await FireAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await FireAsync(command);
        return result;
    }

    private async Task FireAsync(DbCommand command)
    {
        if (matches(command) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await step(command);
        }
    }
}
