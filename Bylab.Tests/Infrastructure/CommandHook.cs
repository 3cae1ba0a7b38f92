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
/// <param name="everyTime">Run the step before every matching command, not only the first.</param>
public sealed class CommandHook(Func<DbCommand, bool> matches, Func<DbCommand, Task> step, bool everyTime = false) : DbCommandInterceptor
{
    private int _matched;
    private DbContextOptions<BylabDbContext>? _options;

    /// <summary>How many commands matched: a test asserts it, so a changed query cannot make it test nothing.</summary>
    public int Matched => Volatile.Read(ref _matched);

    public bool Fired => Matched > 0;

    /// <summary>
    /// A DbContext on <paramref name="connectionString"/> with this hook, for a service built by hand. Contexts of one
    /// hook share their options, so EF builds its internal services once, not once per context.
    /// </summary>
    public BylabDbContext NewContext(string connectionString) => new(LazyInitializer.EnsureInitialized(ref _options,
        () => new DbContextOptionsBuilder<BylabDbContext>().UseSqlite(connectionString).AddInterceptors(this).Options));

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
        if (matches(command) && (Interlocked.Increment(ref _matched) == 1 || everyTime))
        {
            await step(command);
        }
    }
}
