using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using InnoCluster.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InnoCluster.Infrastructure.Backup;

/// <summary>What a backup holds: the database dump and the data directory's files, each with its size and SHA-256.</summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, DatabaseProvider Provider, string Database, IReadOnlyList<BackupFile> Files);

public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>
/// One archive (.tar.gz) with everything a platform needs to come back: the database (SQLite's online
/// backup, or pg_dump), and the data directory — uploads, the key ring and audit key, audit anchors, the
/// mail pickup directory — with a manifest of checksums. Restore checks every checksum before it writes
/// anything, refuses a data directory or database that already holds a platform, and leaves the search
/// indexes to be rebuilt at the next start (they are derived from the database).
/// </summary>
public static class BackupArchive
{
    private const string DatabaseSqlite = "database.sqlite";
    private const string DatabasePostgres = "database.pgdump";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupManifest> CreateAsync(DatabaseInfo database, InnoClusterPaths paths, string file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateTempSubdirectory("innocluster-backup-").FullName;
        try
        {
            string dump;
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                dump = DatabaseSqlite;
                await using var source = new SqliteConnection(database.ConnectionString);
                await source.OpenAsync(cancellationToken);
                await using var target = new SqliteConnection($"Data Source={Path.Combine(staging, dump)};Pooling=False");
                await target.OpenAsync(cancellationToken);
                source.BackupDatabase(target); // consistent while the server keeps writing (WAL)
            }
            else
            {
                dump = DatabasePostgres;
                await PostgresToolAsync("pg_dump", database.ConnectionString, ["--format=custom", "--no-owner", "--file", Path.Combine(staging, dump)], cancellationToken);
            }

            CopyTree(DataFiles(paths.DataDirectory, database), paths.DataDirectory, Path.Combine(staging, "files"));
            if (paths.SharedUploadsDirectory is { } shared && Directory.Exists(shared))
            {
                // Uploads on a shared mount, outside the data directory: kept apart, restored to wherever the target keeps them.
                CopyTree(Directory.EnumerateFiles(shared, "*", SearchOption.AllDirectories), shared, Path.Combine(staging, "uploads"));
            }

            var entries = new List<BackupFile>();
            foreach (var path in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                entries.Add(new BackupFile(Path.GetRelativePath(staging, path).Replace('\\', '/'), new FileInfo(path).Length, await Sha256Async(path, cancellationToken)));
            }

            var manifest = new BackupManifest(1, now, database.Provider, dump, entries);
            await File.WriteAllTextAsync(Path.Combine(staging, "manifest.json"), JsonSerializer.Serialize(manifest, Json), cancellationToken);
            var partial = file + ".partial";
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            {
                await TarFile.CreateFromDirectoryAsync(staging, gzip, includeBaseDirectory: false, cancellationToken);
            }

            File.Move(partial, file, overwrite: true);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    public static async Task<BackupManifest> RestoreAsync(string file, DatabaseInfo database, InnoClusterPaths paths, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateTempSubdirectory("innocluster-restore-").FullName;
        try
        {
            await using (var input = File.OpenRead(file))
            await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, staging, overwriteFiles: false, cancellationToken);
            }

            var manifestFile = Path.Combine(staging, "manifest.json");
            var manifest = File.Exists(manifestFile) ? JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestFile, cancellationToken), Json) : null;
            if (manifest is null)
            {
                throw new InvalidDataException($"{file}: no manifest.json — not an InnoCluster backup");
            }

            foreach (var entry in manifest.Files)
            {
                var path = Path.Combine(staging, entry.Path);
                if (!File.Exists(path) || await Sha256Async(path, cancellationToken) != entry.Sha256)
                {
                    throw new InvalidDataException($"{file}: {entry.Path} is missing or does not match its checksum; nothing was restored");
                }
            }

            if (manifest.Provider != database.Provider)
            {
                throw new InvalidDataException($"{file} holds a {manifest.Provider} database; this platform is configured for {database.Provider}");
            }

            if (await HoldsAPlatformAsync(database, cancellationToken))
            {
                throw new InvalidOperationException("The configured database already holds a platform; restore goes into an empty one (a new SQLite data directory, or a new PostgreSQL database).");
            }

            foreach (var (folder, target) in new[] { (Path.Combine(staging, "files"), paths.DataDirectory), (Path.Combine(staging, "uploads"), paths.UploadsDirectory) })
            {
                if (Directory.Exists(folder))
                {
                    CopyTree(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), folder, target, overwrite: true);
                }
            }

            if (database.Provider == DatabaseProvider.Sqlite)
            {
                var target = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                File.Copy(Path.Combine(staging, DatabaseSqlite), target);
            }
            else
            {
                await PostgresToolAsync("pg_restore", database.ConnectionString, ["--no-owner", "--exit-on-error", Path.Combine(staging, DatabasePostgres)], cancellationToken);
            }

            // The search indexes are derived from the database: the next start rebuilds them.
            await using (var connection = Connect(database))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM seed_runs WHERE name = 'search-indexes'";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static void CopyTree(IEnumerable<string> files, string from, string to, bool overwrite = false)
    {
        foreach (var source in files)
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, source));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination, overwrite);
        }
    }

    /// <summary>The data directory's files, less the live SQLite database and the search indexes (derived; rebuilt after a restore).</summary>
    private static IEnumerable<string> DataFiles(string dataDirectory, DatabaseInfo database)
    {
        if (!Directory.Exists(dataDirectory))
        {
            yield break;
        }

        var sqlite = database.Provider == DatabaseProvider.Sqlite ? Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource) : null;
        foreach (var path in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            var full = Path.GetFullPath(path);
            var relative = Path.GetRelativePath(dataDirectory, full);
            if ((sqlite is not null && full.StartsWith(sqlite, StringComparison.Ordinal)) || relative.Split(Path.DirectorySeparatorChar).Any(p => p.EndsWith(".search", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return full;
        }
    }

    private static async Task<bool> HoldsAPlatformAsync(DatabaseInfo database, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return File.Exists(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
        }

        await using var connection = Connect(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static System.Data.Common.DbConnection Connect(DatabaseInfo database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(database.ConnectionString + ";Pooling=False")
        : new NpgsqlConnection(database.ConnectionString);

    /// <summary>pg_dump / pg_restore with the connection's host, port, user and database; the password through PGPASSWORD, never the command line.</summary>
    private static async Task PostgresToolAsync(string tool, string connectionString, string[] arguments, CancellationToken cancellationToken)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--host", c.Host ?? "localhost", "--port", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", c.Username ?? "postgres", "--dbname", c.Database ?? "postgres" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started (postgresql-client)");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
        }
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
