using System.Globalization;
using InnoCluster.Text;

namespace InnoCluster.Tests.Documents;

/// <summary>
/// The development question set (tests/fixtures/search/law-questions.tsv): questions in everyday words over
/// the laws corpus and the seed documents, each with the document that answers it and a quote from the
/// answering article or paragraph. Written by the team; never tuned against question sets published about these laws.
/// </summary>
public static class LawQuestions
{
    public const int Depth = 10;

    private const string SeedPrefix = "seed:";

    /// <param name="Document">The document's title as ingested, or "seed:NNN" for a seed file.</param>
    /// <param name="Article">第N条 the quote stands in, when the document has articles.</param>
    public sealed record Question(string Text, string Document, string? Article, string Quote);

    /// <summary>hit@1, recall@10 (one right document per question, so the share with it in the first ten) and MRR over the first ten.</summary>
    public sealed record Scores(int Count, double HitAt1, double RecallAt10, double Mrr)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"hit@1 {HitAt1:F3}, recall@10 {RecallAt10:F3}, MRR {Mrr:F3} over {Count} questions");
    }

    public static IReadOnlyList<Question> Load() =>
        File.ReadLines(Infrastructure.TestPaths.Fixture("search/law-questions.tsv")).Skip(1).Where(l => l.Length > 0).Select((line, i) =>
        {
            var cells = line.Split('\t');
            return cells.Length == 4 && cells.All(c => c == cells[2] || c.Length > 0)
                ? new Question(cells[0], cells[1], cells[2].Length == 0 ? null : cells[2], cells[3])
                : throw new FormatException($"law-questions.tsv row {i + 2}: expected question, document, article, quote separated by tabs");
        }).ToList();

    public static bool IsSeed(Question question, out string prefix)
    {
        prefix = question.Document.StartsWith(SeedPrefix, StringComparison.Ordinal) ? question.Document[SeedPrefix.Length..] + "_" : "";
        return prefix.Length > 0;
    }

    public static bool IsAnswer(Question question, string title, string? seedFile) =>
        IsSeed(question, out var prefix) ? seedFile?.StartsWith(prefix, StringComparison.Ordinal) == true : title == question.Document;

    public static bool Quotes(Question question, string text) =>
        TextNormalizer.Normalize(text).Contains(TextNormalizer.Normalize(question.Quote), StringComparison.Ordinal);

    /// <param name="ranks">For each question, the 1-based place of its first right answer in the first ten, or null.</param>
    public static Scores Measure(IReadOnlyList<int?> ranks) => new(
        ranks.Count,
        ranks.Count(r => r == 1) / (double)ranks.Count,
        ranks.Count(r => r <= Depth) / (double)ranks.Count,
        ranks.Sum(r => r <= Depth ? 1.0 / r.Value : 0) / ranks.Count);

    public static int? RankOf<T>(IEnumerable<T> results, Func<T, bool> right) =>
        results.Take(Depth).Select((r, i) => (r, i)).Where(x => right(x.r)).Select(x => (int?)(x.i + 1)).FirstOrDefault();
}
