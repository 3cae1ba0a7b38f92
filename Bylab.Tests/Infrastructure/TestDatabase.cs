using Microsoft.Data.Sqlite;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// The one connection string every test database uses (the Core harnesses and the web test hosts alike).
/// </summary>
public static class TestDatabase
{
    /// <summary>
    /// How long a statement waits for SQLite's write lock before it fails with SQLITE_BUSY. Production waits 30 s;
    /// tests wait 15 s, so a transaction that never lets go of the lock fails its test in seconds, not after a minute
    /// or more (the harnesses used to wait 60 s in the driver on top of SQLite's own 30 s).
    /// Not shorter: SQLite's busy handler is not a queue, so the last of 100 racing sign-ups may wait for the whole
    /// race – 1–3 s on a quiet machine, and 5 s was seen to fail when four builds shared the two cores.
    /// Bylab's connection interceptor sets SQLite's own busy_timeout from the same value.
    /// </summary>
    public const int BusyTimeoutSeconds = 15;

    /// <param name="pooling">False for harnesses that delete their file right after use.</param>
    public static string ConnectionString(string file, bool pooling = true) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        DefaultTimeout = BusyTimeoutSeconds,
        ForeignKeys = true,
        Pooling = pooling,
    }.ToString();
}
