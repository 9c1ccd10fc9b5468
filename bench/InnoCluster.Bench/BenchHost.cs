using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace InnoCluster.Bench;

/// <summary>
/// The application on real Kestrel over loopback, on a fresh database: a SQLite file in a temp folder,
/// or a new database on the PostgreSQL server named by INNOCLUSTER_BENCH_POSTGRES.
/// </summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "innocluster-bench", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;

    public BenchHost(string provider)
    {
        Directory.CreateDirectory(_directory);
        Provider = provider;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INNOCLUSTER", Path.Combine(RepositoryRoot, "src", "InnoCluster"));
        if (provider == "postgres")
        {
            _postgresServer = Environment.GetEnvironmentVariable("INNOCLUSTER_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set INNOCLUSTER_BENCH_POSTGRES (bench/run.sh starts a server) to bench PostgreSQL.");
            _postgresDatabase = "innocluster_bench_" + Guid.NewGuid().ToString("N")[..10];
            using var connection = new NpgsqlConnection(_postgresServer);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {_postgresDatabase}";
            command.ExecuteNonQuery();
        }
    }

    public string Provider { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    public string ConnectionString => Provider == "postgres"
        ? new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString
        : $"Data Source={Path.Combine(_directory, "bench.db")}";

    public string DataDirectory => _directory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("InnoCluster:DataDirectory", _directory);
        builder.UseSetting("InnoCluster:SeedDirectory", Path.Combine(RepositoryRoot, "data", "seed"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:InnoCluster", Environment.GetEnvironmentVariable("BENCH_APP_LOG") ?? "Information");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", Environment.GetEnvironmentVariable("BENCH_SQL_LOG") ?? "Warning");
        builder.UseSetting("Registry:Import:MaxFileBytes", "268435456");
        // The document bench times how long the search indexes take to catch up after its bulk loads: no follower indexing meanwhile.
        builder.UseSetting("Documents:SearchIndexFollowSeconds", Environment.GetEnvironmentVariable("BENCH_INDEX_FOLLOW_SECONDS") ?? "0");
        // Pages are timed as behind the TLS proxy they run behind (their cookies are Secure): the bench client says https.
        builder.UseSetting("Security:TrustedProxies:0", "127.0.0.1");
    }

    public HttpClient StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return new HttpClient { BaseAddress = ClientOptions.BaseAddress };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null && Environment.GetEnvironmentVariable("BENCH_KEEP_DATABASE") != "1")
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        if (Environment.GetEnvironmentVariable("BENCH_KEEP_DATABASE") == "1")
        {
            await Console.Error.WriteLineAsync($"kept: {ConnectionString}");
            return;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static (double P50, double P95, double Max) Latencies(List<double> samples)
    {
        samples.Sort();
        return (Percentile(samples, 0.50), Percentile(samples, 0.95), samples[^1]);
    }

    /// <summary>Times <paramref name="requests"/> GETs of one URL (status checked, body read): milliseconds each.</summary>
    public static async Task<List<double>> TimeGetsAsync(HttpClient client, string url, int requests)
    {
        var samples = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return samples;
    }

    public static long PeakWorkingSetMb() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
}
