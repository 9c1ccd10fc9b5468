using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// EF Core marks a SQLite database as being migrated with a row in __EFMigrationsLock. A process killed
/// in the middle leaves the row behind, and every later start (server or CLI) then waits for it forever
/// without a word. So whoever migrates here first takes an operating-system lock on a file beside the
/// database, which dies with its process: holding it proves no living migrator exists, and a row found
/// then is stale — it is reported and removed. A second process arriving meanwhile says it is waiting.
/// </summary>
public sealed class SqliteMigrationLock : IAsyncDisposable
{
    private readonly FileStream? _file;

    private SqliteMigrationLock(FileStream? file) => _file = file;

    public static async Task<SqliteMigrationLock> AcquireAsync(InnoClusterDbContext db, DatabaseInfo database, ILogger logger, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return new SqliteMigrationLock(null); // PostgreSQL's lock is a session lock: it ends with the process that held it
        }

        var dataSource = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return new SqliteMigrationLock(null);
        }

        var path = Path.GetFullPath(dataSource) + ".migrate-lock";
        var waitingSince = TimeProvider.System.GetTimestamp();
        var lastNotice = TimeSpan.Zero;
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                if (File.Exists(dataSource))
                {
                    await ClearStaleRowAsync(db, logger, cancellationToken);
                }

                return new SqliteMigrationLock(file);
            }
            catch (IOException) when (File.Exists(path))
            {
                var waited = TimeProvider.System.GetElapsedTime(waitingSince);
                if (waited - lastNotice >= TimeSpan.FromSeconds(10) || lastNotice == TimeSpan.Zero)
                {
                    logger.LogWarning("Another process is migrating {Database} (it holds {Lock}); waiting for it ({Seconds:F0} s so far)", dataSource, path, waited.TotalSeconds);
                    lastNotice = waited.TotalSeconds < 1 ? TimeSpan.FromTicks(1) : waited;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static async Task ClearStaleRowAsync(InnoClusterDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT \"Timestamp\" FROM \"__EFMigrationsLock\"";
            var left = await read.ExecuteScalarAsync(cancellationToken);
            if (left is null or DBNull)
            {
                return;
            }

            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            await delete.ExecuteNonQueryAsync(cancellationToken);
            logger.LogWarning("Removed a migration lock left in the database at {Timestamp} by a process that stopped before it finished; no living process was migrating", left);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
