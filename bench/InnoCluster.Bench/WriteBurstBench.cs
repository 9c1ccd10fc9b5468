using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace InnoCluster.Bench;

/// <summary>
/// A write burst after idle (issue 22): the server runs in its own process, as in production, so its
/// thread pool is its own and has shrunk while idle; 50 clients then each write five demands at once
/// while one reader keeps asking for the enterprise list. Reported: every write's status and latency,
/// and the slowest unrelated read during the burst.
/// </summary>
public static class WriteBurstBench
{
    public static async Task<List<string>> RunAsync(string provider, int writers, int writesEach, int idleSeconds)
    {
        await using var server = await ServerProcess.StartAsync(provider);
        var token = await server.TokenAsync("ScenarioOwner");
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        // Warm up once, then let the server sit idle so its thread pool retires the threads it grew.
        using (var warm = await client.PostAsJsonAsync("/api/scenarios", new { title = "预热需求", description = "预热" }))
        {
            warm.EnsureSuccessStatusCode();
        }

        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));

        var writeLatencies = new List<double>();
        var statuses = new Dictionary<int, int>();
        var gate = new object();
        using var stop = new CancellationTokenSource();
        var readLatencies = new List<double>();
        var reader = Task.Run(async () =>
        {
            using var readerClient = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await readerClient.GetAsync("/api/enterprises?page=1&pageSize=20");
                await response.Content.ReadAsByteArrayAsync();
                readLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await Task.Delay(100);
            }
        });

        var burst = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < writesEach; i++)
            {
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/scenarios", new { title = $"并发写入需求 {w}-{i}", description = $"第{w}个客户端的第{i}次写入：智能制造质检场景。" });
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }

                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (gate)
                {
                    writeLatencies.Add(elapsed);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }
            }
        })));
        var burstSeconds = burst.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await reader;

        var (p50, p95, max) = BenchHost.Latencies(writeLatencies);
        var reads = BenchHost.Latencies(readLatencies);
        var total = writers * writesEach;
        var failed = total - statuses.GetValueOrDefault(201);
        var statusText = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        return
        [
            $"| {provider} | {writers} writers × {writesEach} POST /api/scenarios after {idleSeconds} s idle | p50 {p50:F0} ms | p95 {p95:F0} ms | max {max:F0} ms; {total} writes in {burstSeconds:F1} s; {statusText} |",
            $"| {provider} | failed writes (not 201) | {failed} | {100.0 * failed / total:F1} % | |",
            $"| {provider} | GET /api/enterprises during the burst ({readLatencies.Count} reads) | p50 {reads.P50:F0} ms | max {reads.Max:F0} ms | an unrelated read |",
        ];
    }
}

/// <summary>A fresh SQLite folder, or a fresh database on the bench's PostgreSQL server.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string? _name;

    private BenchDatabase(string directory, string connectionString, string? server, string? name)
    {
        Directory = directory;
        ConnectionString = connectionString;
        _server = server;
        _name = name;
    }

    public string Directory { get; }

    public string ConnectionString { get; }

    public string Provider => _name is null ? "sqlite" : "postgres";

    /// <summary>The SQLite file the server uses by default in its data directory.</summary>
    public string SqliteFile => Path.Combine(Directory, "innocluster.db");

    public static BenchDatabase Create(string provider, string? root = null)
    {
        var directory = Path.Combine(root ?? Path.Combine(Path.GetTempPath(), "innocluster-bench"), Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (provider != "postgres")
        {
            return new BenchDatabase(directory, "", null, null);
        }

        var server = Environment.GetEnvironmentVariable("INNOCLUSTER_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set INNOCLUSTER_BENCH_POSTGRES (bench/run.sh starts a server) to bench PostgreSQL.");
        var name = "innocluster_bench_" + Guid.NewGuid().ToString("N")[..10];
        using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return new BenchDatabase(directory, new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_name is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
