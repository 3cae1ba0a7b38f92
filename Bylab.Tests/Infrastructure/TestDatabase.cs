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

    public static string ConnectionString(string file) => $"Data Source={file};Default Timeout=30;Foreign Keys=True";

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
