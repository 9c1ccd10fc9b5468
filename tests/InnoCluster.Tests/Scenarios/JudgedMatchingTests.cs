using InnoCluster.Features.Scenarios;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Scenarios;

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

    [Fact]
    public async Task Matching_OnTheJudgedSet_MeetsTheQualityFloor()
    {
        var pool = await JudgedPool.LoadAsync(app, "scenarios/judged-matching.json");
        async Task<List<(string Demand, double Ndcg, double Recall)>> MeasureAsync(MatchWeights? weights) =>
            (await pool.RankAsync(app, Depth, weights)).Select(r =>
            {
                var spec = r.Demand;
                var dcg = r.Keys.Select((key, i) => (Math.Pow(2, key is null ? 0 : spec.Relevant.GetValueOrDefault(key)) - 1) / Math.Log2(i + 2)).Sum();
                var ideal = spec.Relevant.Values.OrderDescending().Take(Depth).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
                var found = r.Keys.Count(k => k is not null && spec.Relevant.ContainsKey(k));
                return (spec.Key, dcg / ideal, (double)found / spec.Relevant.Count);
            }).ToList();

        var scores = await MeasureAsync(null);
        // The same retrieval scored on words alone: what the structured features (capabilities, chain nodes, sector …) add.
        var wordsOnly = await MeasureAsync(new MatchWeights { Text = 1, Capabilities = 0, ChainNodes = 0, Sector = 0, District = 0, TrackRecord = 0 });
        var withoutConcepts = await MeasureAsync(new MatchWeights { Concepts = 0 });
        var report = $"nDCG@10 {scores.Average(s => s.Ndcg):F3}, recall@10 {scores.Average(s => s.Recall):F3} over {scores.Count} demands (words only: nDCG@10 {wordsOnly.Average(s => s.Ndcg):F3}; "
            + $"without the concept layer: {withoutConcepts.Average(s => s.Ndcg):F3}, {withoutConcepts.Average(s => s.Recall):F3}); changed by concepts: " + string.Join(", ", scores.Zip(withoutConcepts).Where(p => Math.Abs(p.First.Ndcg - p.Second.Ndcg) > 0.001 || p.First.Recall != p.Second.Recall).Select(p => $"{p.First.Demand} {p.First.Ndcg:F2}/{p.First.Recall:F2} vs {p.Second.Ndcg:F2}/{p.Second.Recall:F2}")) + "; weakest: "
            + string.Join(", ", scores.OrderBy(s => s.Ndcg).Take(6).Select(s => $"{s.Demand} {s.Ndcg:F2}"));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        QualityReports.Write("judged-matching-" + typeof(TTarget).Name, [report]);
        Assert.True(scores.Average(s => s.Ndcg) >= Floor.Ndcg, report);
        Assert.True(scores.Average(s => s.Recall) >= Floor.Recall, report);
        Assert.True(scores.Average(s => s.Ndcg) >= wordsOnly.Average(s => s.Ndcg) - 0.005, "the configured weights rank worse than words alone: " + report);
        Assert.True(scores.Average(s => s.Ndcg) >= withoutConcepts.Average(s => s.Ndcg) - 0.005 && scores.Average(s => s.Recall) >= withoutConcepts.Average(s => s.Recall) - 0.005,
            "the concept layer makes the judged set worse: " + report);
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
