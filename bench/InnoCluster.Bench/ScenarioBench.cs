using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Bench;

/// <summary>
/// Scenario matching at scale: 100k enterprises (the registry's synthetic import) and 100k solutions built
/// from the judged set's offers with varied wording; then one demand's matches over HTTP (the 33 judged
/// demands, round robin) and the nightly all-pairs run — 5k demands (the 371 real ones, varied) each
/// matched against everything — with time and memory.
/// </summary>
public static class ScenarioBench
{
    private sealed record SolutionSpec(string Title, string Description, List<string> Capabilities, List<string> Sectors, List<string>? ChainNodes);

    private sealed record DemandSpec(string? ExternalId, string? Title, string? Description, string? Sector, List<string>? Capabilities);

    private sealed record JudgedSet(List<SolutionSpec> Solutions, List<DemandSpec> Demands);

    public static async Task<IReadOnlyList<string>> RunAsync(string provider, int rows, int demands, int requests)
    {
        var lines = new List<string>();
        var set = JsonSerializer.Deserialize<JudgedSet>(await File.ReadAllTextAsync(Path.Combine(BenchHost.RepositoryRoot, "tests", "fixtures", "scenarios", "judged-matching.json")), JsonSerializerOptions.Web)!;
        var (corpus, _) = DemandFile.Read(await File.ReadAllTextAsync(Path.Combine(BenchHost.RepositoryRoot, "tests", "fixtures", "corpus", "tech-demands.csv")));
        await using var host = new BenchHost(provider);
        var client = host.StartKestrel();
        var clock = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await SyntheticRegistry.ImportAsync(scope.ServiceProvider, rows);
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | import {rows:N0} enterprises (indexed) | {clock.Elapsed.TotalSeconds:F0} s | | |"));

        clock.Restart();
        var random = new Random(11);
        int[] enterpriseIds;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            enterpriseIds = await scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>().Set<Enterprise>().Select(e => e.Id).ToArrayAsync();
        }

        string[] qualifiers = ["", "（标准版）", "（行业定制）", "二期", "云端版", "边缘部署版"];
        for (var start = 0; start < rows; start += 2000)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var batch = new List<Solution>();
            for (var i = start; i < Math.Min(rows, start + 2000); i++)
            {
                var spec = set.Solutions[i % set.Solutions.Count];
                var other = set.Solutions[random.Next(set.Solutions.Count)];
                batch.Add(new Solution
                {
                    EnterpriseId = enterpriseIds[random.Next(enterpriseIds.Length)],
                    Title = spec.Title + qualifiers[random.Next(qualifiers.Length)],
                    Description = spec.Description + (random.NextDouble() < 0.5 ? "同时提供" + other.Title + "。" : ""),
                    Capabilities = spec.Capabilities,
                    Sectors = spec.Sectors,
                    ChainNodes = spec.ChainNodes ?? [],
                    CreatedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddRange(batch);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<SolutionIndex>().IndexAsync(db, batch, CancellationToken.None, areNew: true);
            await transaction.CommitAsync();
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | add {rows:N0} solutions (indexed) | {clock.Elapsed.TotalSeconds:F0} s | {rows / clock.Elapsed.TotalSeconds:N0} solutions/s | |"));

        // The judged demands, then the nightly batch of real demands with varied wording.
        var judged = new List<int>();
        var nightly = new List<int>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var createDemand = scope.ServiceProvider.GetRequiredService<CreateDemand>();
            var official = new ScenarioActor("bench", "bench", true, null);
            foreach (var spec in set.Demands)
            {
                var real = spec.ExternalId is null ? null : corpus.Single(r => r.ExternalId == spec.ExternalId);
                var created = await createDemand.RunAsync(new DemandInput(real?.Title ?? spec.Title, real?.Problem ?? spec.Description, spec.Sector, spec.Capabilities, null, null, null, null), official, CancellationToken.None);
                var saved = created.Value ?? throw new InvalidOperationException(created.Problem!.Message);
                judged.Add(saved.Id);
                await scope.ServiceProvider.GetRequiredService<PublishDemand>().RunAsync(saved.Id, spec.Sector, CancellationToken.None);
            }
        }

        for (var start = 0; start < demands; start += 500)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var batch = Enumerable.Range(start, Math.Min(500, demands - start)).Select(i =>
            {
                var real = corpus[i % corpus.Count];
                return new Demand
                {
                    Title = real.Title + (i >= corpus.Count ? $"（{i / corpus.Count + 1}）" : ""),
                    Problem = real.Problem.Length > 0 ? real.Problem : real.Title,
                    Status = DemandStatus.Published,
                    CreatedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow,
                };
            }).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddRange(batch);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<DemandIndex>().IndexAsync(db, batch, CancellationToken.None, areNew: true);
            await transaction.CommitAsync();
            nightly.AddRange(batch.Select(d => d.Id));
        }

        // One demand's matches, as the demand page and the API ask for them.
        foreach (var id in judged.Take(5))
        {
            (await client.GetAsync($"/api/scenarios/{id}/matches")).EnsureSuccessStatusCode();
        }

        var samples = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/api/scenarios/{judged[i % judged.Count]}/matches");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var (p50, p95, max) = BenchHost.Latencies(samples);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | GET /api/scenarios/{{id}}/matches over {rows:N0} solutions + {rows:N0} enterprises ({judged.Count} judged demands, round robin) | p50 {p50:F1} ms | p95 {p95:F1} ms | max {max:F1} ms; target p95 < 100 ms: {(p95 < 100 ? "met" : "not met")} |"));

        // Where one request's time goes: the two full-text retrievals against the whole of matching.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var search = scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Search.ISearchDialect>();
            var finder = scope.ServiceProvider.GetRequiredService<MatchFinder>();
            var names = new MatchFinder.ChainNames(await scope.ServiceProvider.GetRequiredService<IRegistryDirectory>().ChainNodesAsync(CancellationToken.None));
            var retrieveSolutions = new List<double>();
            var retrieveEnterprises = new List<double>();
            var whole = new List<double>();
            var direct = new List<double>();
            var unranked = new List<double>();
            foreach (var id in judged.Concat(judged))
            {
                var demand = await db.Set<Demand>().AsNoTracking().SingleAsync(d => d.Id == id);
                var terms = MatchFinder.RetrievalTerms(MatchFinder.DemandProfile(demand, names), names.Concepts);
                var started = Stopwatch.GetTimestamp();
                await search.MatchAny(db, InnoCluster.Infrastructure.Search.SearchIndex.Solutions, terms).OrderByDescending(m => m.Rank).Select(m => m.Id).Take(150).ToListAsync();
                retrieveSolutions.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                await search.MatchAny(db, InnoCluster.Infrastructure.Search.SearchIndex.Enterprises, terms).OrderByDescending(m => m.Rank).Select(m => m.Id).Take(150).ToListAsync();
                retrieveEnterprises.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (provider == "sqlite")
                {
                    started = Stopwatch.GetTimestamp();
                    var expression = string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
                    await db.Database.SqlQueryRaw<int>("SELECT rowid AS \"Value\" FROM search_solutions WHERE search_solutions MATCH {0} ORDER BY bm25(search_solutions, 10.0, 1.0) LIMIT 150", expression).ToListAsync();
                    direct.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    started = Stopwatch.GetTimestamp();
                    await db.Database.SqlQueryRaw<int>("SELECT rowid AS \"Value\" FROM search_solutions WHERE search_solutions MATCH {0} LIMIT 150", expression).ToListAsync();
                    unranked.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                started = Stopwatch.GetTimestamp();
                await finder.ForDemandAsync(id, 10, CancellationToken.None);
                whole.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            string P(List<double> samples) => string.Create(CultureInfo.InvariantCulture, $"p50 {BenchHost.Latencies(samples).P50:F1} ms, p95 {BenchHost.Latencies(samples).P95:F1} ms");
            lines.Add($"| {provider} | in process, per demand: retrieve solutions {P(retrieveSolutions)}; retrieve enterprises {P(retrieveEnterprises)} | whole match {P(whole)} | {(direct.Count > 0 ? "solutions ORDER BY bm25 LIMIT in FTS5: " + P(direct) + "; unranked: " + P(unranked) : "")} | |");
        }

        // The nightly all-pairs run: every demand matched against everything, top 10 kept.
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        var kept = 0L;
        for (var start = 0; start < nightly.Count; start += 100)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var finder = scope.ServiceProvider.GetRequiredService<MatchFinder>();
            foreach (var id in nightly.Skip(start).Take(100))
            {
                kept += (await finder.ForDemandAsync(id, 10, CancellationToken.None))!.Matches.Count;
            }
        }

        clock.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | all pairs: {nightly.Count:N0} demands × ({rows:N0} solutions + {rows:N0} enterprises), top 10 each | {clock.Elapsed.TotalSeconds:F0} s | {nightly.Count / clock.Elapsed.TotalSeconds:F1} demands/s, {kept:N0} matches kept | {bytes / 1048576.0:N0} MB allocated in all, peak working set {BenchHost.PeakWorkingSetMb()} MB |"));
        return lines;
    }
}
