using InnoCluster.Text;

namespace InnoCluster.Features.Documents;

/// <summary>
/// Everyday words a question uses for what laws and policies write otherwise (社保 → 社会保险, 驾照 → 机动车驾驶证,
/// 房东 → 出租人): the team's list (everyday-words.tsv, embedded). A question's terms get the written words added,
/// each marked with the everyday word it was added for, so the page can say what else was searched.
/// </summary>
public sealed class EverydayWords
{
    private const string ResourceName = "InnoCluster.everyday-words.tsv";
    private static readonly Lazy<EverydayWords> Written = new(() => Parse(Infrastructure.EmbeddedLines.Read(ResourceName), SearchAnalyzer.Default));

    private readonly IReadOnlyList<Entry> _entries;

    private EverydayWords(IReadOnlyList<Entry> entries) => _entries = entries;

    /// <summary>The team's list, read once.</summary>
    public static EverydayWords Default => Written.Value;

    /// <summary>How many everyday words the list holds.</summary>
    public int Count => _entries.Count;

    /// <param name="Everyday">The everyday word's terms, in order (聊天记录: 聊天, 记录).</param>
    /// <param name="Written">The terms of the words laws write for it.</param>
    private sealed record Entry(string Word, IReadOnlyList<string> Everyday, IReadOnlyList<QueryTerm> Written);

    /// <summary>
    /// <paramref name="terms"/> and, after them, the written words of each everyday word they hold (its terms one after
    /// another), those the query does not already ask for, each marked with the everyday word (<see cref="QueryTerm.For"/>).
    /// </summary>
    public IReadOnlyList<QueryTerm> Expand(IReadOnlyList<QueryTerm> terms)
    {
        var texts = terms.Select(t => t.Text).ToList();
        var added = new List<QueryTerm>();
        foreach (var entry in _entries.Where(e => HoldsInOrder(texts, e.Everyday)))
        {
            added.AddRange(entry.Written.Where(w => !texts.Contains(w.Text) && !added.Exists(a => a.Text == w.Text)).Select(w => w with { For = entry.Word }));
        }

        return added.Count == 0 ? terms : [.. terms, .. added];
    }

    /// <summary>Whether <paramref name="words"/> stand one after another somewhere in <paramref name="texts"/>.</summary>
    private static bool HoldsInOrder(List<string> texts, IReadOnlyList<string> words) =>
        Enumerable.Range(0, Math.Max(0, texts.Count - words.Count + 1)).Any(start => texts.Skip(start).Take(words.Count).SequenceEqual(words, StringComparer.Ordinal));

    /// <summary>Reads the list's format (see the file's header); a line that could never be used is refused with its number and why.</summary>
    public static EverydayWords Parse(IEnumerable<string> lines, SearchAnalyzer analyzer)
    {
        var entries = new List<Entry>();
        foreach (var (number, columns) in Infrastructure.EmbeddedLines.TabRows(lines, "everyday-words", "everyday word", "written words"))
        {
            var everyday = analyzer.QueryTerms(columns[0]).Select(t => t.Text).ToList();
            var written = columns[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(analyzer.QueryTerms).DistinctBy(t => t.Text).Where(t => !everyday.Contains(t.Text)).ToList();
            if (everyday.Count == 0 || written.Count == 0)
            {
                throw Infrastructure.EmbeddedLines.Refused("everyday-words", number, everyday.Count == 0
                    ? $"'{columns[0]}' gives no search term (a single character or a question word), so no question could use it"
                    : $"'{columns[1]}' adds no word '{columns[0]}' does not already ask for");
            }

            entries.Add(new Entry(TextNormalizer.Normalize(columns[0].Trim()), everyday, written));
        }

        return new EverydayWords(entries);
    }
}
