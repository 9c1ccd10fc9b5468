using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Operations;

/// <summary>
/// Two server processes on one PostgreSQL database, as a several-node deployment runs: the first prepares
/// the database, the second (Database:PrepareAtStart=false) waits for it; a document written through the
/// first node's CLI is read and found by search on the second; both share the key ring (in the database),
/// the audit key and the uploads directory (a file uploaded to one is downloaded from the other), and a
/// job queued on one is followed on the other.
/// </summary>
public sealed class TwoNodesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string App => Path.Combine(TestPaths.RepositoryRoot, "src", "InnoCluster", "bin",
        AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release", "net10.0", "InnoCluster.dll");

    [Fact]
    public async Task ASecondNode_WaitsForTheDeployStep_AndSeesWhatTheFirstWrote()
    {
        Assert.SkipUnless(DatabaseTarget.PostgresAvailable, "PostgreSQL is not provisioned here; scripts/test.sh starts a throw-away server and runs these.");
        await using var database = new PostgresTarget();
        var shared = TestPaths.NewTempDirectory();
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["InnoCluster__UploadsDirectory"] = Path.Combine(shared, "uploads"),
            ["InnoCluster__SeedDirectory"] = TestPaths.Seed,
            ["Audit__KeyFile"] = Path.Combine(shared, "audit-hmac.key"),
            ["Security__SecureCookies"] = "false",
            ["Logging__Console__FormatterName"] = "simple",
        };
        using var first = ServerProcesses.Start(Info(Node(common, "a", shared), []));
        using var second = ServerProcesses.Start(Info(Node(common, "b", shared, ("Database__PrepareAtStart", "false")), []));
        try
        {
            using var a = await first.WaitHealthyAsync(TimeSpan.FromMinutes(4));
            using var b = await second.WaitHealthyAsync(TimeSpan.FromMinutes(4));

            var word = "双节点验证" + Guid.NewGuid().ToString("N")[..6];
            var file = Path.Combine(shared, "notice.txt");
            await File.WriteAllTextAsync(file, $"关于{word}的通知\n\n为推动人工智能产业创新集群建设，现就{word}有关事项通知如下。", Ct);
            var (imported, log) = await ServerProcesses.RunAsync(Info(Node(common, "a", shared), ["import", "documents", file]), TimeSpan.FromMinutes(3));
            Assert.True(imported == 0, log);

            var found = JsonNode.Parse(await b.GetStringAsync($"/api/search?q={Uri.EscapeDataString(word)}", Ct))!;
            var hit = found["page"]!["items"]!.AsArray().Single()!;
            Assert.Contains(word, (await b.GetStringAsync($"/api/documents/{hit["id"]}", Ct)), StringComparison.Ordinal);

            // A person's token made on one node works on the other; a file uploaded to one is downloaded from the other.
            var (added, addLog) = await ServerProcesses.RunAsync(Info(Node(common, "a", shared), ["users", "add", "--role", "Official,ScenarioOwner", "two-nodes@example.gov.cn"]), TimeSpan.FromMinutes(2));
            Assert.True(added == 0, addLog);
            var (tokenCode, tokenLog) = await ServerProcesses.RunAsync(Info(Node(common, "b", shared), ["tokens", "create", "two-nodes@example.gov.cn"]), TimeSpan.FromMinutes(2));
            Assert.True(tokenCode == 0, tokenLog);
            var token = tokenLog.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last(l => l.StartsWith("ic_", StringComparison.Ordinal));
            a.DefaultRequestHeaders.Authorization = b.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
            using var upload = await a.PostAsync("/api/me/files", new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "两节点.pdf" }, { new StringContent("attachment"), "purpose" } }, Ct);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            var fileId = JsonNode.Parse(await upload.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<string>();
            Assert.Equal(pdf, await b.GetByteArrayAsync($"/api/files/{fileId}", Ct));

            // A document batch queued on one node is followed, and its result read, on the other (whichever node ran it).
            var queuedWord = "双节点任务" + Guid.NewGuid().ToString("N")[..6];
            using var queued = new HttpRequestMessage(HttpMethod.Post, "/api/documents")
            {
                Content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"关于{queuedWord}的通知\n\n现就{queuedWord}有关事项通知如下。")), "file", "job-notice.txt" } },
            };
            queued.Headers.Add("Prefer", "respond-async");
            using var accepted = await a.SendAsync(queued, Ct);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var job = await Jobs.WaitAsync(b, accepted.Headers.Location!.OriginalString, TimeSpan.FromMinutes(2));
            Assert.Equal("Succeeded", job["state"]!.GetValue<string>());
            Assert.Equal("Created", job["result"]![0]!["outcome"]!.GetValue<string>());
            Assert.Contains(queuedWord, await b.GetStringAsync($"/api/search?q={Uri.EscapeDataString(queuedWord)}", Ct), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var node in new[] { first, second })
            {
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync(Ct);
            }

            Directory.Delete(shared, recursive: true);
        }
    }

    private static Dictionary<string, string> Node(Dictionary<string, string> common, string name, string shared, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>(common)
        {
            ["InnoCluster__DataDirectory"] = Path.Combine(shared, "node-" + name),
            ["ASPNETCORE_URLS"] = ServerProcesses.AnyLoopbackPort,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static ProcessStartInfo Info(Dictionary<string, string> environment, string[] arguments) =>
        ServerProcesses.StartInfo("dotnet", [App, .. arguments], Path.GetDirectoryName(App)!, environment);
}
