using System.Text.Json;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Scenarios;

/// <summary>An app of its own: the judged pool of vendors changes what matches find.</summary>
public sealed class MatchingApp<TTarget> : TestApp<TTarget>
    where TTarget : DatabaseTarget, new();

/// <summary>
/// Matching quality on the judged set (tests/fixtures/scenarios/judged-matching.json): 33 demands (25 real
/// ones from the CCF file, 8 AI scenarios from 004) against 41 solutions and 6 solution-less enterprises,
/// among the seed registry's enterprises. nDCG@10 with gain 2^grade − 1 and recall@10; fails under the floor.
/// </summary>
public abstract class JudgedMatchingTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private const int Depth = 10;
    private readonly MatchingApp<TTarget> app;

    protected JudgedMatchingTests(MatchingApp<TTarget> app)
        : base(app) => this.app = app;

    protected abstract (double Ndcg, double Recall) Floor { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record SolutionSpec(string Key, string Vendor, string Title, string Description, List<string> Capabilities, List<string> Sectors, List<string>? ChainNodes);

    private sealed record EnterpriseSpec(string Key, string Name, string Business, string? ChainNode);

    private sealed record DemandSpec(string Key, string? ExternalId, string? Title, string? Description, string? Sector, List<string>? Capabilities, Dictionary<string, int> Relevant);

    private sealed record JudgedSet(List<SolutionSpec> Solutions, List<EnterpriseSpec> Enterprises, List<DemandSpec> Demands);

    [Fact]
    public async Task Matching_OnTheJudgedSet_MeetsTheQualityFloor()
    {
        var set = JsonSerializer.Deserialize<JudgedSet>(await File.ReadAllTextAsync(TestPaths.Fixture("scenarios/judged-matching.json"), Ct), JsonSerializerOptions.Web)!;
        var (corpus, _) = DemandFile.Read(await File.ReadAllTextAsync(TestPaths.Corpus("tech-demands.csv"), Ct));
        var keyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var demandIds = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var scope = app.Scope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>();
            var nodes = await db.Set<ChainNode>().ToDictionaryAsync(n => n.Code, n => n.Id, Ct);
            var enterprises = new List<Enterprise>();
            foreach (var spec in set.Enterprises)
            {
                var enterprise = new Enterprise { Name = spec.Name, Business = spec.Business, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
                if (spec.ChainNode is not null)
                {
                    enterprise.ChainLinks.Add(new EnterpriseChainLink { ChainNodeId = nodes[spec.ChainNode] });
                }

                db.Add(enterprise);
                enterprises.Add(enterprise);
            }

            var vendors = set.Solutions.Select(s => s.Vendor).Distinct().Select(name => new Enterprise { Name = name, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() }).ToList();
            db.AddRange(vendors);
            await db.SaveChangesAsync(Ct);
            await services.GetRequiredService<EnterpriseSearchIndexer>().IndexAsync(db, [.. enterprises.Concat(vendors).Select(e => e.Id)], Ct);
            foreach (var (spec, enterprise) in set.Enterprises.Zip(enterprises))
            {
                keyOf[MatchCandidateKey.Enterprise(enterprise.Id)] = spec.Key;
            }

            var createSolution = services.GetRequiredService<CreateSolution>();
            var createDemand = services.GetRequiredService<CreateDemand>();
            var official = new ScenarioActor("judged-set", "judged-set", true, null);
            foreach (var spec in set.Solutions)
            {
                var vendor = vendors.Single(v => v.Name == spec.Vendor);
                var created = await createSolution.RunAsync(new SolutionInput(spec.Title, spec.Description, spec.Capabilities, spec.Sectors, spec.ChainNodes, null, null, vendor.Id), official, Ct);
                Assert.True(created.Succeeded, spec.Key + ": " + created.Problem?.Message);
                var saved = created.Value!;
                keyOf[MatchCandidateKey.Solution(saved.Id)] = spec.Key;
            }

            foreach (var spec in set.Demands)
            {
                var real = spec.ExternalId is null ? null : corpus.Single(r => r.ExternalId == spec.ExternalId);
                var input = new DemandInput(real?.Title ?? spec.Title, real?.Problem ?? spec.Description, spec.Sector, spec.Capabilities, null, null, null, null);
                var created = await createDemand.RunAsync(input, official, Ct);
                Assert.True(created.Succeeded, spec.Key + ": " + created.Problem?.Message);
                var saved = created.Value!;
                demandIds[spec.Key] = saved.Id;
            }
        }

        async Task<List<(string Demand, double Ndcg, double Recall)>> MeasureAsync(MatchWeights? weights)
        {
            var scores = new List<(string Demand, double Ndcg, double Recall)>();
            foreach (var spec in set.Demands)
            {
                await using var scope = app.Scope();
                var services = scope.ServiceProvider;
                var finder = weights is null
                    ? services.GetRequiredService<MatchFinder>()
                    : new MatchFinder(services.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>(), services.GetRequiredService<InnoCluster.Infrastructure.Search.ISearchDialect>(),
                        Microsoft.Extensions.Options.Options.Create(new MatchingOptions { Weights = weights }), services.GetRequiredService<InnoCluster.Features.Registry.IRegistryDirectory>());
                var result = await finder.ForDemandAsync(demandIds[spec.Key], Depth, Ct);
                var ranked = result!.Matches.Select(m => keyOf.GetValueOrDefault(m.Kind == "Solution" ? MatchCandidateKey.Solution(m.Id) : MatchCandidateKey.Enterprise(m.Id))).ToList();
                var dcg = ranked.Select((key, i) => (Math.Pow(2, key is null ? 0 : spec.Relevant.GetValueOrDefault(key)) - 1) / Math.Log2(i + 2)).Sum();
                var ideal = spec.Relevant.Values.OrderDescending().Take(Depth).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
                var found = ranked.Count(k => k is not null && spec.Relevant.ContainsKey(k));
                scores.Add((spec.Key, dcg / ideal, (double)found / spec.Relevant.Count));
            }

            return scores;
        }

        var scores = await MeasureAsync(null);
        // The same retrieval scored on words alone: what the structured features (capabilities, chain nodes, sector …) add.
        var wordsOnly = await MeasureAsync(new MatchWeights { Text = 1, Capabilities = 0, ChainNodes = 0, Sector = 0, District = 0, TrackRecord = 0 });
        var report = $"nDCG@10 {scores.Average(s => s.Ndcg):F3}, recall@10 {scores.Average(s => s.Recall):F3} over {scores.Count} demands (words only: nDCG@10 {wordsOnly.Average(s => s.Ndcg):F3}); weakest: "
            + string.Join(", ", scores.OrderBy(s => s.Ndcg).Take(6).Select(s => $"{s.Demand} {s.Ndcg:F2}"));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(scores.Average(s => s.Ndcg) >= Floor.Ndcg, report);
        Assert.True(scores.Average(s => s.Recall) >= Floor.Recall, report);
        Assert.True(scores.Average(s => s.Ndcg) >= wordsOnly.Average(s => s.Ndcg) - 0.005, "the configured weights rank worse than words alone: " + report);
    }
}

public sealed class SqliteJudgedMatchingTests(MatchingApp<SqliteTarget> app) : JudgedMatchingTests<SqliteTarget>(app), IClassFixture<MatchingApp<SqliteTarget>>
{
    protected override (double Ndcg, double Recall) Floor => (0.93, 0.88);
}

public sealed class PostgresJudgedMatchingTests(MatchingApp<PostgresTarget> app) : JudgedMatchingTests<PostgresTarget>(app), IClassFixture<MatchingApp<PostgresTarget>>
{
    protected override (double Ndcg, double Recall) Floor => (0.93, 0.88);
}
