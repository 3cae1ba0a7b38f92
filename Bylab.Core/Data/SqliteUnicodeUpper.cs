using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bylab.Core.Data;

/// <summary>
/// Per-connection setup for SQLite. A busy timeout, so that a writer waiting for the write lock is woken by
/// SQLite's own busy handler within milliseconds instead of the driver's coarse retry sleeps (this is what
/// decides the tail latency of concurrent votes and sign-ups). And SQLite's built-in upper() folds ASCII only, so a case-insensitive search written as
/// <c>x.ToUpper().Contains(s)</c> would not find «ørn» in «Øyvind ørnebakk». EF translates ToUpper() to
/// upper(), so each connection gets an upper() that folds every letter as .NET does.
/// </summary>
internal sealed class SqliteUnicodeUpper : DbConnectionInterceptor
{
    public static readonly SqliteUnicodeUpper Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("upper", (string? s) => s?.ToUpperInvariant(), isDeterministic: true);
            using var command = sqlite.CreateCommand();
            // The connection string's "Default Timeout" (30 s in production) is the one knob for both waits.
            command.CommandText = $"PRAGMA busy_timeout = {Math.Max(0, sqlite.DefaultTimeout) * 1000};";
            command.ExecuteNonQuery();
        }
    }
}
