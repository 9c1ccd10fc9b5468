using System.Diagnostics;
using System.Globalization;
using System.Text;
using InnoCluster.Features.Registry.Import;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Bench;

/// <summary>Registry benchmarks: import throughput at 100k rows, list/filter latency over HTTP at that size.</summary>
public static class RegistryBench
{
    public static async Task<IReadOnlyList<string>> RunAsync(string provider, int rows, int requests)
    {
        var lines = new List<string>();
        await using var host = new BenchHost(provider);
        var client = host.StartKestrel();

        var csv = Encoding.UTF8.GetBytes(SyntheticRegistry.Csv(rows));
        var clock = Stopwatch.StartNew();
        ImportReport report;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<EnterpriseImport>()
                .RunAsync("bench.csv", new MemoryStream(csv), null, dryRun: false, CancellationToken.None);
        }

        clock.Stop();
        if (!report.Applied)
        {
            throw new InvalidOperationException("bench import failed: " + (report.FileError ?? string.Join("; ", report.Errors.Take(5).Select(e => e.Message))));
        }

        var rate = rows / clock.Elapsed.TotalSeconds;
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | import {rows:N0} rows (validate + upsert + index) | {clock.Elapsed.TotalSeconds:F1} s | {rate:N0} rows/s | target ≥ 20,000 rows/s: {(rate >= 20_000 ? "met" : "not met")} ({rate / 20_000:P0}) |"));

        var reimport = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<EnterpriseImport>()
                .RunAsync("bench.csv", new MemoryStream(csv), null, dryRun: false, CancellationToken.None);
            if (again.Unchanged != rows)
            {
                throw new InvalidOperationException($"re-import should change nothing, changed {again.Updated}");
            }
        }

        reimport.Stop();
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | re-import the same {rows:N0} rows (all unchanged) | {reimport.Elapsed.TotalSeconds:F1} s | {rows / reimport.Elapsed.TotalSeconds:N0} rows/s | idempotent |"));

        string[] queries =
        [
            "/api/enterprises?page=1&pageSize=20",
            "/api/enterprises?district=sip&pageSize=20",
            "/api/enterprises?tier=high-tech&pageSize=20",
            "/api/enterprises?node=foundation&pageSize=20",
            "/api/enterprises?q=" + Uri.EscapeDataString("机器人") + "&pageSize=20",
            "/api/enterprises?q=" + Uri.EscapeDataString("计算机视觉") + "&district=wuzhong&pageSize=20",
            "/api/enterprises?district=kunshan&tier=specialised-sme&node=industrial-robots&page=3&pageSize=20",
        ];
        foreach (var warm in queries)
        {
            (await client.GetAsync(warm)).EnsureSuccessStatusCode();
        }

        var all = new List<double>();
        foreach (var query in queries)
        {
            var samples = await BenchHost.TimeGetsAsync(client, query, requests);

            all.AddRange(samples);
            var (p50, p95, max) = BenchHost.Latencies(samples);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | GET {Uri.UnescapeDataString(query)} | p50 {p50:F1} ms | p95 {p95:F1} ms | max {max:F1} ms |"));
        }

        var overall = BenchHost.Latencies(all);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | all list/filter requests at {rows:N0} enterprises | p50 {overall.P50:F1} ms | p95 {overall.P95:F1} ms | target p95 < 50 ms: {(overall.P95 < 50 ? "met" : "not met")} |"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | peak working set of the process | {BenchHost.PeakWorkingSetMb()} MB | | |"));
        return lines;
    }
}
