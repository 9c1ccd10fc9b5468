using Npgsql;

namespace InnoCluster.Tests.Infrastructure;

/// <summary>
/// The database a test host runs on. SQLite always (a fresh file per host); PostgreSQL when the test
/// script provisioned a server and put its connection string in INNOCLUSTER_TEST_POSTGRES (a fresh
/// database per host, dropped afterwards). With INNOCLUSTER_REQUIRE_POSTGRES=1 a missing server fails
/// the PostgreSQL tests instead of skipping them; scripts/test.sh sets it.
/// </summary>
public abstract class DatabaseTarget : IAsyncDisposable
{
    public abstract string Name { get; }

    public abstract string ConnectionString { get; }

    /// <summary>False only for PostgreSQL when no server was provisioned (tests then skip).</summary>
    public virtual bool Available => true;

    /// <summary>For [Fact(SkipUnless = ...)]: PostgreSQL tests run when a server is there, or must run.</summary>
    public static bool PostgresAvailable => !string.IsNullOrEmpty(PostgresServer) || PostgresRequired;

    protected DatabaseTarget()
        : this(TestPaths.NewTempDirectory())
    {
    }

    /// <summary>A target whose files live in a folder of the caller's choosing (a small disk, say).</summary>
    protected DatabaseTarget(string dataDirectory) => DataDirectory = dataDirectory;

    public string DataDirectory { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable("INNOCLUSTER_TEST_POSTGRES");

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("INNOCLUSTER_REQUIRE_POSTGRES") == "1";

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned with the machine.
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteTarget : DatabaseTarget
{
    public override string Name => "SQLite";

    public override string ConnectionString => $"Data Source={Path.Combine(DataDirectory, "test.db")}";
}

public sealed class PostgresTarget : DatabaseTarget
{
    private readonly string _database = "innocluster_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _server = "";

    public PostgresTarget()
    {
        var server = PostgresServer;
        if (string.IsNullOrEmpty(server))
        {
            if (PostgresRequired)
            {
                throw new InvalidOperationException("INNOCLUSTER_REQUIRE_POSTGRES=1 but INNOCLUSTER_TEST_POSTGRES is not set: the test script did not start PostgreSQL.");
            }

            return;
        }

        _server = server;
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {_database}";
        command.ExecuteNonQuery();
    }

    public override string Name => "PostgreSQL";

    public override bool Available => _server.Length > 0;

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = true }.ConnectionString;

    public override async ValueTask DisposeAsync()
    {
        if (!Available)
        {
            await base.DisposeAsync();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        await base.DisposeAsync();
    }
}
