using Microsoft.Data.Sqlite;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// The one connection string every test database uses (the Core harnesses and the web test hosts alike).
/// </summary>
public static class TestDatabase
{
    /// <summary>
    /// How long a statement waits for SQLite's write lock before it fails with SQLITE_BUSY. Production waits 30 s;
    /// tests wait 5 s, so a transaction that never lets go of the lock fails its test within seconds instead of
    /// after a minute. The longest honest wait in the suite – the last of 100 racing sign-ups – is far below this.
    /// Bylab's connection interceptor sets SQLite's own busy_timeout from the same value.
    /// </summary>
    public const int BusyTimeoutSeconds = 5;

    /// <param name="pooling">False for harnesses that delete their file right after use.</param>
    public static string ConnectionString(string file, bool pooling = true) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        DefaultTimeout = BusyTimeoutSeconds,
        ForeignKeys = true,
        Pooling = pooling,
    }.ToString();
}
