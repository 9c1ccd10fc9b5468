using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace InnoCluster.Bench;

/// <summary>
/// Operations drills (issue 15), each against the built server running as its own process: a mixed load of
/// concurrent clients; PostgreSQL restarted in the middle of it; kill -9 of the server during an import
/// job and during a document batch, and of the CLI during an import; the data directory on a full disk.
/// Each drill reports what happened, and checks afterwards that the database is whole and nothing is lost.
/// </summary>
public static class DrillBench
{
    private static readonly Dictionary<string, string> ShortLease = new() { ["Jobs__Lease"] = "00:00:20" };

    public static async Task<List<string>> RunAsync(string provider, int clients, int seconds, int importRows, string only)
    {
        var rows = new List<string>();
        bool Wanted(string drill) => only == "all" || only.Split(',').Contains(drill);
        if (Wanted("load"))
        {
            rows.AddRange(await MixedLoadAsync(provider, clients, seconds, restartPostgres: null));
        }

        if (Wanted("pg-restart") && provider == "postgres" && Environment.GetEnvironmentVariable("INNOCLUSTER_BENCH_PG_RESTART") is { Length: > 0 } restart)
        {
            rows.AddRange(await MixedLoadAsync(provider, clients, seconds, restart));
        }

        if (Wanted("kill-import"))
        {
            rows.AddRange(await KillServerDuringImportAsync(provider, importRows));
        }

        if (Wanted("kill-batch"))
        {
            rows.AddRange(await KillServerDuringDocumentBatchAsync(provider, 200));
        }

        if (Wanted("kill-cli"))
        {
            rows.AddRange(await KillCliDuringImportAsync(provider, importRows));
        }

        if (Wanted("full-disk") && provider == "sqlite" && Environment.GetEnvironmentVariable("INNOCLUSTER_BENCH_SMALL_DISK") is { Length: > 0 } disk)
        {
            rows.AddRange(await FullDisk.RunAsync(disk));
        }

        return rows;
    }

    private sealed record Sample(string Kind, int Status, double Milliseconds, double At);

    /// <summary>
    /// N clients for S seconds, each sending one request after another: 60 % reads (enterprise list and
    /// detail, a document, the home page, the plan), 25 % searches (documents and enterprises), 15 % writes
    /// (a demand posted by a scenario owner). With a restart command, PostgreSQL is restarted a third of the
    /// way in; afterwards every demand answered 201 is looked for in the database.
    /// </summary>
    private static async Task<List<string>> MixedLoadAsync(string provider, int clients, int seconds, string? restartPostgres)
    {
        await using var server = await ServerProcess.StartAsync(provider);
        var token = await server.TokenAsync("ScenarioOwner");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 8 }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var documents = (await http.GetFromJsonAsync<JsonObject>("/api/search?q=人工智能&pageSize=20"))!["page"]!["items"]!.AsArray().Select(d => d!["id"]!.GetValue<int>()).ToArray();
        var enterprises = (await http.GetFromJsonAsync<JsonObject>("/api/enterprises?pageSize=50"))!["items"]!.AsArray().Select(e => e!["id"]!.GetValue<int>()).ToArray();
        string[] words = ["人工智能", "算力", "场景", "机器人", "智能制造", "数据", "大模型", "集群", "苏州", "芯片"];
        var tag = "drill-" + Guid.NewGuid().ToString("N")[..8];

        var samples = new List<Sample>();
        var created = new List<string>();
        var gate = new object();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        (double Start, double End)? restart = null;
        var restarter = restartPostgres is null ? Task.CompletedTask : Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds / 3.0));
            var start = clock.Elapsed.TotalSeconds;
            using var process = Process.Start(new ProcessStartInfo("bash", [restartPostgres]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await process.WaitForExitAsync();
            restart = (start, clock.Elapsed.TotalSeconds);
        });

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var n = 0;
            while (clock.Elapsed < deadline)
            {
                var roll = random.NextDouble();
                var title = roll >= 0.85 ? $"{tag} {c}-{n++}" : null;
                var (kind, request) = title is not null ? ("write", Post(token, title)) : roll switch
                {
                    < 0.15 => ("read", Get($"/api/enterprises?page={random.Next(1, 20)}&pageSize=20")),
                    < 0.30 => ("read", Get($"/api/enterprises/{enterprises[random.Next(enterprises.Length)]}")),
                    < 0.45 => ("read", Get($"/api/documents/{documents[random.Next(documents.Length)]}")),
                    < 0.52 => ("read", Get("/")),
                    < 0.60 => ("read", Get("/api/chain")),
                    < 0.75 => ("search", Get($"/api/search?q={Uri.EscapeDataString(words[random.Next(words.Length)])}&pageSize=10")),
                    _ => ("search", Get($"/api/enterprises?q={Uri.EscapeDataString(words[random.Next(words.Length)])}")),
                };
                var started = clock.Elapsed.TotalMilliseconds;
                int status;
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }

                var sample = new Sample(kind, status, clock.Elapsed.TotalMilliseconds - started, started / 1000);
                lock (gate)
                {
                    samples.Add(sample);
                    if (title is not null && status == 201)
                    {
                        created.Add(title);
                    }
                }

                request.Dispose();
            }
        })));
        await restarter;
        var elapsed = clock.Elapsed.TotalSeconds;
        var peak = server.PeakMegabytes;

        var stored = await CountAsync(server.Database, $"SELECT COUNT(*) FROM demands WHERE title LIKE '{tag} %'");
        var label = restartPostgres is null ? "mixed load" : "mixed load, PostgreSQL restarted";
        var lines = new List<string>();
        var all = samples.Select(s => s.Milliseconds).ToList();
        var errors = samples.Count(s => s.Status is 0 or >= 400);
        lines.Add($"| {provider} | {label}: {clients} clients × {seconds} s (60 % reads, 25 % searches, 15 % writes) | {samples.Count:N0} requests, {samples.Count / elapsed:F0}/s | {Percentiles(all)} | errors {errors} ({100.0 * errors / samples.Count:F2} %): {Statuses(samples)} |");
        foreach (var kind in new[] { "read", "search", "write" })
        {
            var of = samples.Where(s => s.Kind == kind).ToList();
            lines.Add($"| {provider} | {label}: {(kind == "search" ? "searches" : kind + "s")} | {of.Count:N0} | {Percentiles([.. of.Select(s => s.Milliseconds)])} | errors {of.Count(s => s.Status is 0 or >= 400)} |");
        }

        if (restart is { } r)
        {
            var failed = samples.Where(s => s.Status is 0 or >= 500).ToList();
            var lastFailure = failed.Count == 0 ? r.End : failed.Max(s => s.At);
            lines.Add($"| {provider} | PostgreSQL restart (pg_ctl restart -m fast) at {r.Start:F1} s, back at {r.End:F1} s | failed requests {failed.Count} | last failure at {lastFailure:F1} s | recovered without restarting the app: {(samples.Any(s => s.At > lastFailure && s.Status is >= 200 and < 400) ? "yes" : "no")} |");
        }

        lines.Add($"| {provider} | {label}: demands answered 201 / found in the database afterwards | {created.Count} | {stored} | {(stored == created.Count ? "nothing lost" : "MISMATCH")} |");
        lines.Add($"| {provider} | {label}: peak working set of the server | {peak:F0} MB | | VmHWM |");
        return lines;

        static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

        static HttpRequestMessage Post(string token, string title)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/scenarios") { Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { title, description = $"{title}：工厂质检场景，需要视觉检测方案。" }), Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return request;
        }
    }

    /// <summary>kill -9 of the server while an import job writes; then the database is checked, the server started again, and the job followed to its end.</summary>
    private static async Task<List<string>> KillServerDuringImportAsync(string provider, int rows)
    {
        await using var database = BenchDatabase.Create(provider);
        var file = Encoding.UTF8.GetBytes(SyntheticRegistry.Csv(rows));
        string location;
        string token;
        string atKill;
        double peak;
        var before = 0L;
        await using (var first = await ServerProcess.StartAsync(database, ShortLease, ownsDatabase: false))
        {
            token = await first.TokenAsync("Official");
            before = await CountAsync(database, "SELECT COUNT(*) FROM enterprises");
            using var http = Client(first, token);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/enterprises/import?dryRun=false") { Content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "firms.csv" } } };
            request.Headers.Add("Prefer", "respond-async");
            using var accepted = await http.SendAsync(request);
            location = accepted.Headers.Location!.OriginalString;
            await WaitForAsync(http, location, j => j["stage"]?.GetValue<string>() is "write" or "index", TimeSpan.FromMinutes(5));
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // well into the write transaction
            var job = JsonNode.Parse(await http.GetStringAsync(location))!;
            atKill = $"{job["state"]}, {job["stage"]} {job["done"]}/{job["total"]}";
            peak = first.PeakMegabytes;
            await first.KillHardAsync();
        }

        var integrity = await IntegrityAsync(database);
        var afterKill = await CountAsync(database, "SELECT COUNT(*) FROM enterprises");
        var resumed = Stopwatch.StartNew();
        await using var second = await ServerProcess.StartAsync(database, ShortLease, ownsDatabase: false);
        using var again = Client(second, token);
        var done = await WaitForAsync(again, location, j => j["state"]!.GetValue<string>() is "Succeeded" or "Failed", TimeSpan.FromMinutes(10));
        var afterRerun = await CountAsync(database, "SELECT COUNT(*) FROM enterprises");
        var audit = await AuditVerifyAsync(database);
        return
        [
            $"| {provider} | kill -9 of the server during a {rows:N0}-row import job (at {atKill}) | integrity check: {integrity} | enterprises {before:N0} → {afterKill:N0} | {(afterKill == before ? "all-or-nothing: nothing written" : "PARTIAL WRITE")}; peak working set before the kill {peak:F0} MB |",
            $"| {provider} | …server started again: the job is taken up when its lease (20 s) runs out | {done["state"]} on attempt {done["attempts"]} | {resumed.Elapsed.TotalSeconds:F0} s after the restart | enterprises {afterRerun:N0} (+{afterRerun - before:N0}); audit verify: {audit} |",
        ];
    }

    /// <summary>kill -9 of the server while a document batch job runs; each document is its own transaction, so each is whole or absent.</summary>
    private static async Task<List<string>> KillServerDuringDocumentBatchAsync(string provider, int count)
    {
        await using var database = BenchDatabase.Create(provider);
        var paragraphs = SyntheticDocuments.SourceParagraphs();
        var form = new MultipartFormDataContent();
        for (var i = 0; i < count; i++)
        {
            var (name, text) = SyntheticDocuments.Build(900_000 + i, paragraphs);
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name);
        }

        string location;
        string token;
        string atKill;
        long before;
        await using (var first = await ServerProcess.StartAsync(database, ShortLease, ownsDatabase: false))
        {
            token = await first.TokenAsync("Official");
            before = await CountAsync(database, "SELECT COUNT(*) FROM documents");
            using var http = Client(first, token);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
            request.Headers.Add("Prefer", "respond-async");
            using var accepted = await http.SendAsync(request);
            location = accepted.Headers.Location!.OriginalString;
            var job = await WaitForAsync(http, location, j => j["done"]!.GetValue<int>() >= count / 3, TimeSpan.FromMinutes(5));
            atKill = $"{job["done"]}/{job["total"]}";
            await first.KillHardAsync();
        }

        var integrity = await IntegrityAsync(database);
        var afterKill = await CountAsync(database, "SELECT COUNT(*) FROM documents");
        var halfWritten = await CountAsync(database, "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id)");
        await using var second = await ServerProcess.StartAsync(database, ShortLease, ownsDatabase: false);
        using var again = Client(second, token);
        var done = await WaitForAsync(again, location, j => j["state"]!.GetValue<string>() is "Succeeded" or "Failed", TimeSpan.FromMinutes(10));
        var outcomes = done["result"]!.AsArray().GroupBy(r => r!["outcome"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        var afterRerun = await CountAsync(database, "SELECT COUNT(*) FROM documents");
        return
        [
            $"| {provider} | kill -9 of the server during a {count}-document batch job (at {atKill}) | integrity check: {integrity} | documents {before} → {afterKill} (+{afterKill - before} whole; {halfWritten} without their text) | each file all-or-nothing |",
            $"| {provider} | …server started again: the batch runs again | {done["state"]} on attempt {done["attempts"]} | {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))} | documents {afterRerun} (+{afterRerun - before}): the stored ones are recognised, none twice |",
        ];
    }

    /// <summary>kill -9 of the CLI's `import enterprises` while it writes; then the database is checked and the import run again.</summary>
    private static async Task<List<string>> KillCliDuringImportAsync(string provider, int rows)
    {
        await using var database = BenchDatabase.Create(provider);
        var file = Path.Combine(database.Directory, "firms.csv");
        await File.WriteAllTextAsync(file, SyntheticRegistry.Csv(rows));
        await ServerProcess.Cli(database, "seed");
        var before = await CountAsync(database, "SELECT COUNT(*) FROM enterprises");
        using var cli = ServerProcess.StartCli(database, $"import enterprises {file}");
        _ = cli.StandardOutput.ReadToEndAsync();
        _ = cli.StandardError.ReadToEndAsync();
        var started = Stopwatch.StartNew();
        while (!cli.HasExited && !await WritingAsync(database) && started.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(50);
        }

        var atKill = started.Elapsed.TotalSeconds;
        var exitedAlready = cli.HasExited;
        cli.Kill(); // SIGKILL on Linux, as kill -9
        await cli.WaitForExitAsync();
        var integrity = await IntegrityAsync(database);
        var afterKill = await CountAsync(database, "SELECT COUNT(*) FROM enterprises");
        await ServerProcess.Cli(database, $"import enterprises {file}");
        var afterRerun = await CountAsync(database, "SELECT COUNT(*) FROM enterprises");
        return
        [
            $"| {provider} | kill -9 of the CLI during `import enterprises` of {rows:N0} rows ({(exitedAlready ? "it had already finished" : $"while writing, {atKill:F1} s in")}) | integrity check: {integrity} | enterprises {before:N0} → {afterKill:N0} | {(afterKill == before ? "all-or-nothing: nothing written" : afterKill == before + rows ? "committed before the kill" : "PARTIAL WRITE")} |",
            $"| {provider} | …the same import run again | enterprises {afterRerun:N0} (+{afterRerun - before:N0}) | | |",
        ];
    }

    /// <summary>Whether a write transaction is under way: SQLite's WAL growing, or a COPY/INSERT running on PostgreSQL.</summary>
    private static async Task<bool> WritingAsync(BenchDatabase database) => database.Provider == "sqlite"
        ? File.Exists(database.SqliteFile + "-wal") && new FileInfo(database.SqliteFile + "-wal").Length > 8 * 1024 * 1024
        : await CountAsync(database, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND (query ILIKE 'COPY%' OR query ILIKE 'INSERT%') AND pid <> pg_backend_pid()") > 0;

    private static HttpClient Client(ServerProcess server, string token)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonNode> WaitForAsync(HttpClient http, string location, Func<JsonNode, bool> condition, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var job = JsonNode.Parse(await http.GetStringAsync(location))!;
            if (condition(job) || job["state"]!.GetValue<string>() is "Succeeded" or "Failed")
            {
                return job;
            }

            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"job {location}: {job.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<long> CountAsync(BenchDatabase database, string sql)
    {
        await using System.Data.Common.DbConnection connection = database.Provider == "sqlite"
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database.SqliteFile};Mode=ReadOnly")
            : new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>SQLite's PRAGMA integrity_check; on PostgreSQL, amcheck over every B-tree index of the database.</summary>
    public static async Task<string> IntegrityAsync(BenchDatabase database)
    {
        if (database.Provider == "sqlite")
        {
            await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database.SqliteFile}");
            await sqlite.OpenAsync();
            await using var check = sqlite.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            return (string)(await check.ExecuteScalarAsync())!;
        }

        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE EXTENSION IF NOT EXISTS amcheck;
            SELECT COUNT(*) FROM (SELECT bt_index_check(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE a.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence = 'p' AND i.indisvalid) checked
            """;
        var indexes = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return $"ok (amcheck, {indexes} B-tree indexes)";
    }

    public static async Task<string> AuditVerifyAsync(BenchDatabase database)
    {
        try
        {
            var output = await ServerProcess.Cli(database, "audit verify");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith("Audit trail", StringComparison.Ordinal)) ?? output;
        }
        catch (InvalidOperationException ex)
        {
            return "FAILED: " + ex.Message;
        }
    }

    public static string Percentiles(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return "-";
        }

        samples.Sort();
        return $"p50 {BenchHost.Percentile(samples, 0.50):F0} ms, p95 {BenchHost.Percentile(samples, 0.95):F0} ms, p99 {BenchHost.Percentile(samples, 0.99):F0} ms";
    }

    private static string Statuses(List<Sample> samples) =>
        string.Join(", ", samples.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
}
