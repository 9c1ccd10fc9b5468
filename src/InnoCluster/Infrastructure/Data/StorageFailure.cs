using System.Data.Common;

namespace InnoCluster.Infrastructure.Data;

/// <summary>Recognises a full disk behind whatever the storage layer threw (SQLite, PostgreSQL, the file system, Lucene).</summary>
public static class StorageFailure
{
    private const int SqliteFull = 13;
    private const int EnospcErrno = 28;
    private const int WindowsDiskFull = 112;

    public static bool IsDiskFull(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteFull }:
                case Npgsql.PostgresException { SqlState: "53100" }:
                case IOException { HResult: EnospcErrno or WindowsDiskFull }:
                    return true;
            }

            if (e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("database or disk is full", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for failures of the storage itself (disk, database), as opposed to a bug or bad input.</summary>
    public static bool IsStorage(Exception exception) =>
        IsDiskFull(exception) || exception is IOException or DbException or Microsoft.EntityFrameworkCore.DbUpdateException or UnauthorizedAccessException;

    /// <summary>What to tell a person, in both languages.</summary>
    public static string Describe(Exception exception) => IsDiskFull(exception)
        ? "磁盘空间已满，未保存 / the disk holding the data is full: nothing was stored"
        : $"存储出错，未保存（{exception.GetBaseException().Message}） / a storage error, nothing was stored ({exception.GetBaseException().Message})";
}
