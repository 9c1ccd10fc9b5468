using InnoCluster.Features.Scenarios;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Scenarios;

/// <summary>
/// Demands in everyday words against vendors that write trade words (tests/fixtures/scenarios/paraphrased-demands.json):
/// 医生口述就能生成病历 must find the 语音识别 vendor. Measured per part ("dev", written with the thesaurus;
/// "after", written once it was frozen) with and without the concept layer: the answering vendor (grade 2)
/// in the top 5, first, and its reciprocal rank. Fails under the floors set from measurement.
/// </summary>
public abstract class ParaphrasedMatchingTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private const int Depth = 10;
    private readonly MatchingApp<TTarget> app;

    protected ParaphrasedMatchingTests(MatchingApp<TTarget> app)
        : base(app) => this.app = app;

    /// <summary>The share of demands with an answering vendor in the top 5, per part.</summary>
    protected abstract (double Dev, double After) TopFiveFloor { get; }

    private sealed record Figures(double TopFive, double First, double Mrr, int Demands)
    {
        public override string ToString() => $"top-5 {TopFive:F3}, first {First:F3}, MRR {Mrr:F3} over {Demands}";
    }

    private static Figures Measure(IEnumerable<JudgedPool.Ranking> rankings)
    {
        var ranks = rankings.Select(r => r.Keys.Select((key, i) => (key, i)).FirstOrDefault(x => x.key is not null && r.Demand.Relevant.GetValueOrDefault(x.key) == 2, (null, -1)).i + 1).ToList();
        return new Figures(ranks.Count(r => r is >= 1 and <= 5) / (double)ranks.Count, ranks.Count(r => r == 1) / (double)ranks.Count,
            ranks.Sum(r => r > 0 ? 1.0 / r : 0) / ranks.Count, ranks.Count);
    }

    [Fact]
    public async Task EverydayDemands_FindTheVendorsThatSayItInTradeWords_AndSayWhichConceptLinkedThem()
    {
        var pool = await JudgedPool.LoadAsync(app, "scenarios/paraphrased-demands.json");
        var rankings = await pool.RankAsync(app, Depth);
        var without = await pool.RankAsync(app, Depth, new MatchWeights { Concepts = 0 });
        Figures Part(List<JudgedPool.Ranking> from, string part) => Measure(from.Where(r => r.Demand.Part == part));
        var report = $"dev: {Part(rankings, "dev")} (without concepts: {Part(without, "dev")}); after: {Part(rankings, "after")} (without concepts: {Part(without, "after")}); not first: "
            + string.Join(", ", rankings.Where(r => !(r.Keys.Count > 0 && r.Keys[0] is { } first && r.Demand.Relevant.GetValueOrDefault(first) == 2)).Select(r => r.Demand.Key + " → " + string.Join("/", r.Keys.Take(3).Select(k => k ?? "other"))));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        QualityReports.Write("paraphrased-matching-" + typeof(TTarget).Name, [report]);

        Assert.True(Part(rankings, "dev").TopFive >= TopFiveFloor.Dev, report);
        Assert.True(Part(rankings, "after").TopFive >= TopFiveFloor.After, report);
        Assert.True(Measure(rankings).Mrr > Measure(without).Mrr, "the concept layer does not help: " + report);

        // The explanation names the concept and both sides' words.
        var dictation = rankings.Single(r => r.Demand.Key == "a-dictation");
        var asr = dictation.Matches[dictation.Keys.ToList().IndexOf("s-med-asr")];
        var link = Assert.Single(asr.Reasons.SharedConcepts, l => l.Concept == "语音识别");
        Assert.Equal("口述", link.SubjectSays);
        Assert.Equal("语音识别", link.CandidateSays);
        Assert.Contains(asr.SubjectSnippet, part => part.Hit && part.Text == "口述");
    }
}

public sealed class SqliteParaphrasedMatchingTests(MatchingApp<SqliteTarget> app) : ParaphrasedMatchingTests<SqliteTarget>(app), IClassFixture<MatchingApp<SqliteTarget>>
{
    protected override (double Dev, double After) TopFiveFloor => (0.9, 0.75);
}

public sealed class PostgresParaphrasedMatchingTests(MatchingApp<PostgresTarget> app) : ParaphrasedMatchingTests<PostgresTarget>(app), IClassFixture<MatchingApp<PostgresTarget>>
{
    protected override (double Dev, double After) TopFiveFloor => (0.9, 0.75);
}
