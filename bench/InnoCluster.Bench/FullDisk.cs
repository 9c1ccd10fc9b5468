using System.Net.Http.Json;
using System.Text;

namespace InnoCluster.Bench;

/// <summary>
/// The drill of a full data disk: the server's SQLite folder on a small file system of its own
/// (INNOCLUSTER_BENCH_SMALL_DISK, a tmpfs bench/run.sh mounts), filled to the last few hundred KB while
/// people write; then the space is given back. What each request answered, whether the database is whole,
/// and whether writing works again without a restart.
/// </summary>
public static class FullDisk
{
    public static async Task<List<string>> RunAsync(string root)
    {
        await using var database = BenchDatabase.Create("sqlite", root);
        await using var server = await ServerProcess.StartAsync(database, null, ownsDatabase: false);
        var owner = await server.TokenAsync("ScenarioOwner");
        var official = await server.TokenAsync("Official");
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var before = await DrillBench.CountAsync(database, "SELECT COUNT(*) FROM demands");
        var paragraphs = SyntheticDocuments.SourceParagraphs();

        var filler = Path.Combine(root, "filler-" + Guid.NewGuid().ToString("N"));
        await FillAsync(filler, root, leave: 256 * 1024);
        var statuses = new Dictionary<string, int>();
        string? message = null;
        var accepted = 0;
        try
        {
            for (var i = 0; i < 40; i++)
            {
                using var write = await SendAsync(http, owner, HttpMethod.Post, "/api/scenarios", JsonContent.Create(new { title = $"满盘演练需求 {i}", description = "满盘时提交的需求：工厂质检场景，需要视觉检测方案。" }));
                Count(statuses, "POST /api/scenarios", write);
                accepted += write.IsSuccessStatusCode ? 1 : 0;
                message ??= write.IsSuccessStatusCode ? null : await write.Content.ReadAsStringAsync();
            }

            var form = new MultipartFormDataContent();
            for (var i = 0; i < 20; i++)
            {
                var (name, text) = SyntheticDocuments.Build(700_000 + i, paragraphs);
                form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name);
            }

            using var documents = await SendAsync(http, official, HttpMethod.Post, "/api/documents", form);
            Count(statuses, "POST /api/documents (20 files)", documents);
            using var read = await http.GetAsync("/api/enterprises?page=1&pageSize=20");
            Count(statuses, "GET /api/enterprises", read);
            using var health = await http.GetAsync("/health");
            Count(statuses, "GET /health", health);
        }
        finally
        {
            File.Delete(filler);
        }

        var integrity = await DrillBench.IntegrityAsync(database);
        var stored = await DrillBench.CountAsync(database, "SELECT COUNT(*) FROM demands") - before;
        using var again = await SendAsync(http, owner, HttpMethod.Post, "/api/scenarios", JsonContent.Create(new { title = "空间恢复后的需求", description = "空间恢复后提交：智能制造质检场景。" }));
        var detail = message is null ? "" : System.Text.Json.Nodes.JsonNode.Parse(message)?["detail"]?.GetValue<string>() ?? message;
        return
        [
            $"| sqlite | full data disk (256 KB left on a 24 MB tmpfs): what each request answered | {string.Join("; ", statuses.Select(s => $"{s.Key}×{s.Value}"))} | | first refusal: “{(detail.Length > 120 ? detail[..120] + "…" : detail)}” |",
            $"| sqlite | …while full: demands answered 2xx / stored | {accepted} | {stored} | {(accepted == stored ? "nothing half-written" : "MISMATCH")}; integrity check: {integrity} |",
            $"| sqlite | …space given back, no restart: POST /api/scenarios | {(int)again.StatusCode} | | recovers by itself |",
        ];
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string token, HttpMethod method, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private static void Count(Dictionary<string, int> statuses, string what, HttpResponseMessage response)
    {
        var key = $"{what} →";
        var text = $"{(int)response.StatusCode}";
        statuses[key + text] = statuses.GetValueOrDefault(key + text) + 1;
    }

    /// <summary>Writes a file until <paramref name="leave"/> bytes are free (written, not sized: a sparse file would take no room).</summary>
    private static async Task FillAsync(string filler, string root, long leave)
    {
        var free = new DriveInfo(root).AvailableFreeSpace;
        await using var stream = File.Create(filler);
        var chunk = new byte[64 * 1024];
        for (var left = free - leave; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
        }
    }
}
