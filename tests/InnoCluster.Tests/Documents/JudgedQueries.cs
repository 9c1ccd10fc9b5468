using System.Text.Json;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Documents;

/// <summary>
/// The judged query set (tests/fixtures/search/judged-queries.json): queries with graded relevance over the
/// paragraphs of the five source documents, and the two measures the search is held to.
/// </summary>
public static class JudgedQueries
{
    public const int Depth = 10;

    public sealed record Judgement(string File, string Quote, int Grade);

    public sealed record Query(string Text, IReadOnlyList<Judgement> Relevant);

    public sealed record Retrieved(string? File, string Text);

    public sealed record Score(string Query, double Ndcg, double Recall);

    public static IReadOnlyList<Query> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("search/judged-queries.json")));
        return json.RootElement.GetProperty("queries").EnumerateArray().Select(q => new Query(
            q.GetProperty("query").GetString()!,
            q.GetProperty("relevant").EnumerateArray().Select(r => new Judgement(r.GetProperty("file").GetString()!, r.GetProperty("quote").GetString()!, r.GetProperty("grade").GetInt32())).ToList())).ToList();
    }

    public static int GradeOf(Query query, Retrieved hit) =>
        query.Relevant.Where(r => r.File == hit.File && hit.Text.Contains(r.Quote, StringComparison.Ordinal)).Select(r => r.Grade).DefaultIfEmpty(0).Max();

    /// <summary>nDCG@10 with gain 2^grade − 1, and recall@10: the share of judged paragraphs in the first ten.</summary>
    public static Score Measure(Query query, IReadOnlyList<Retrieved> results)
    {
        var top = results.Take(Depth).ToList();
        var dcg = top.Select((hit, i) => (Math.Pow(2, GradeOf(query, hit)) - 1) / Math.Log2(i + 2)).Sum();
        var ideal = query.Relevant.Select(r => r.Grade).OrderDescending().Take(Depth).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        var found = query.Relevant.Count(r => top.Any(hit => hit.File == r.File && hit.Text.Contains(r.Quote, StringComparison.Ordinal)));
        return new Score(query.Text, ideal == 0 ? 0 : dcg / ideal, (double)found / query.Relevant.Count);
    }

    public static string Report(IReadOnlyList<Score> scores) =>
        $"nDCG@10 {scores.Average(s => s.Ndcg):F3}, recall@10 {scores.Average(s => s.Recall):F3} over {scores.Count} queries; weakest: "
        + string.Join(", ", scores.OrderBy(s => s.Ndcg).Take(5).Select(s => $"{s.Query} {s.Ndcg:F2}"));
}
