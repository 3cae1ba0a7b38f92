using Microsoft.Data.Sqlite;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// Where every test database lives and how it is opened: a SQLite file of its own per harness or test host (a file,
/// not :memory:, so concurrent connections really compete for the write lock), and the one place the tests build
/// a connection string.
/// </summary>
public static class TestDatabase
{
    /// <summary>A fresh, not yet existing file; <paramref name="prefix"/> says which kind of test made a leftover.</summary>
    public static string NewFile(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), "bylab-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{prefix}-{Guid.NewGuid():N}.db");
    }

    /// <summary>
    /// How long a statement waits for SQLite's write lock before it fails with SQLITE_BUSY. Production waits 30 s;
    /// tests wait 15 s, so a transaction that never lets go of the lock fails its test in seconds, not after a minute.
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

    /// <summary>Closes pooled connections and removes the file with its WAL and shared-memory files.</summary>
    public static void Delete(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            try { File.Delete(f); } catch (IOException) { }
        }
    }
}
