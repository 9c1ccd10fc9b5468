using System.Text.Json;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Scenarios;

/// <summary>An app of its own: the judged pool of vendors changes what matches find.</summary>
public sealed class MatchingApp<TTarget> : TestApp<TTarget>
    where TTarget : DatabaseTarget, new();

/// <summary>
/// A judged matching set (tests/fixtures/scenarios/*.json) loaded into an app through the same use cases an
/// official uses: its vendors and solution-less enterprises, then its demands; and the ranking each demand gets.
/// </summary>
internal sealed class JudgedPool
{
    public sealed record SolutionSpec(string Key, string Vendor, string Title, string Description, List<string> Capabilities, List<string> Sectors, List<string>? ChainNodes);

    public sealed record EnterpriseSpec(string Key, string Name, string Business, string? ChainNode);

    public sealed record DemandSpec(string Key, string? Part, string? ExternalId, string? Title, string? Description, string? Sector, List<string>? Capabilities, Dictionary<string, int> Relevant);

    public sealed record JudgedSet(List<SolutionSpec> Solutions, List<EnterpriseSpec> Enterprises, List<DemandSpec> Demands);

    /// <summary>A seed registry enterprise is judged by its name: "seed:九识(苏州)智能科技有限公司".</summary>
    public const string SeedKey = "seed:";

    /// <summary>One demand's ranking, as the set's keys (null for a solution outside the set).</summary>
    public sealed record Ranking(DemandSpec Demand, IReadOnlyList<string?> Keys, IReadOnlyList<MatchFinder.Match> Matches);

    private readonly Dictionary<string, string> keyOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> demandIds = new(StringComparer.Ordinal);

    private JudgedPool(JudgedSet set) => Set = set;

    public JudgedSet Set { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JudgedPool> LoadAsync<TTarget>(TestApp<TTarget> app, string fixture)
        where TTarget : DatabaseTarget, new()
    {
        var pool = new JudgedPool(JsonSerializer.Deserialize<JudgedSet>(await File.ReadAllTextAsync(TestPaths.Fixture(fixture), Ct), JsonSerializerOptions.Web)!);
        var set = pool.Set;
        var (corpus, _) = DemandFile.Read(await File.ReadAllTextAsync(TestPaths.Corpus("tech-demands.csv"), Ct));
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<InnoClusterDbContext>();
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
            pool.keyOf[MatchCandidateKey.Enterprise(enterprise.Id)] = spec.Key;
        }

        var createSolution = services.GetRequiredService<CreateSolution>();
        var createDemand = services.GetRequiredService<CreateDemand>();
        var official = new ScenarioActor("judged-set", "judged-set", true, null);
        foreach (var spec in set.Solutions)
        {
            var vendor = vendors.Single(v => v.Name == spec.Vendor);
            var created = await createSolution.RunAsync(new SolutionInput(spec.Title, spec.Description, spec.Capabilities, spec.Sectors, spec.ChainNodes, null, null, vendor.Id), official, Ct);
            Assert.True(created.Succeeded, spec.Key + ": " + created.Problem?.Message);
            pool.keyOf[MatchCandidateKey.Solution(created.Value!.Id)] = spec.Key;
        }

        foreach (var spec in set.Demands)
        {
            var real = spec.ExternalId is null ? null : corpus.Single(r => r.ExternalId == spec.ExternalId);
            var input = new DemandInput(real?.Title ?? spec.Title, real?.Problem ?? spec.Description, spec.Sector, spec.Capabilities, null, null, null, null);
            var created = await createDemand.RunAsync(input, official, Ct);
            Assert.True(created.Succeeded, spec.Key + ": " + created.Problem?.Message);
            pool.demandIds[spec.Key] = created.Value!.Id;
        }

        return pool;
    }

    /// <summary>Every demand's top <paramref name="depth"/>, found as the app finds them or with other weights.</summary>
    public async Task<List<Ranking>> RankAsync<TTarget>(TestApp<TTarget> app, int depth, MatchWeights? weights = null)
        where TTarget : DatabaseTarget, new()
    {
        var rankings = new List<Ranking>();
        foreach (var spec in Set.Demands)
        {
            await using var scope = app.Scope();
            var services = scope.ServiceProvider;
            var finder = weights is null
                ? services.GetRequiredService<MatchFinder>()
                : new MatchFinder(services.GetRequiredService<InnoClusterDbContext>(), services.GetRequiredService<InnoCluster.Infrastructure.Search.ISearchDialect>(),
                    Microsoft.Extensions.Options.Options.Create(new MatchingOptions { Weights = weights }), services.GetRequiredService<IRegistryDirectory>());
            var result = await finder.ForDemandAsync(demandIds[spec.Key], depth, Ct);
            var keys = result!.Matches.Select(m => keyOf.GetValueOrDefault(m.Kind == "Solution" ? MatchCandidateKey.Solution(m.Id) : MatchCandidateKey.Enterprise(m.Id))
                ?? (m.Kind == "Enterprise" ? SeedKey + m.Name : null)).ToList();
            rankings.Add(new Ranking(spec, keys, result.Matches));
        }

        return rankings;
    }
}
