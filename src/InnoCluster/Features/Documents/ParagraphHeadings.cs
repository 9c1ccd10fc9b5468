namespace InnoCluster.Features.Documents;

/// <summary>
/// The headings a paragraph stands under — its chapter's and section's titles (第四章 劳动合同的解除和终止), or a plan's
/// part and sub-part (三、重点任务 / （一）加快算力基础设施建设) — which paragraph search weighs as the paragraph's title.
/// An article's own line (第三十九条) is not a heading: laws give articles no titles.
/// </summary>
public static class ParagraphHeadings
{
    /// <summary>The outline level of articles (and of numbered items in a plan's box), below the headings.</summary>
    public const int ArticleLevel = 3;

    /// <summary>
    /// How much a question's word in a paragraph's headings counts beside one in its text. Measured on the question set
    /// (README, "Search quality"): 0.15 to 1 all help, 0.3 to 0.6 the most; the document's title as a heading too did worse.
    /// </summary>
    public const float Weight = 0.4f;

    public sealed record Heading(int Level, int Start, string Title);

    /// <summary>
    /// The titles of the nearest heading of each level above the paragraph at [<paramref name="start"/>,
    /// <paramref name="end"/>), outermost first, one per line. A heading line is a paragraph of its own: it stands
    /// under its parents, not under itself (its words are its text already) nor under the heading before it.
    /// </summary>
    public static string Above(IReadOnlyList<Heading> headings, int start, int end) => Above(headings, [(start, end)])[0];

    /// <summary>
    /// <see cref="Above(IReadOnlyList{Heading}, int, int)"/> for each of a document's paragraphs, in one pass over
    /// its headings (a law holds hundreds of articles under tens of chapters).
    /// </summary>
    public static IReadOnlyList<string> Above(IReadOnlyList<Heading> headings, IReadOnlyList<(int Start, int End)> paragraphs)
    {
        var ordered = headings.Where(h => h.Level < ArticleLevel).OrderBy(h => h.Start).ToList();
        var above = new string[paragraphs.Count];
        var chain = new List<Heading>();
        var next = 0;
        foreach (var i in Enumerable.Range(0, paragraphs.Count).OrderBy(i => paragraphs[i].Start))
        {
            var (start, end) = paragraphs[i];
            for (; next < ordered.Count && ordered[next].Start < start; next++)
            {
                Enter(chain, ordered[next]);
                chain.Add(ordered[next]);
            }

            var own = chain;
            for (var within = next; within < ordered.Count && ordered[within].Start < end; within++)
            {
                own = ReferenceEquals(own, chain) ? [.. chain] : own;
                Enter(own, ordered[within]);
            }

            above[i] = string.Join('\n', own.Select(h => h.Title).Where(t => t.Length > 0));
        }

        return above;
    }

    /// <summary>A heading closes the headings of its level and below.</summary>
    private static void Enter(List<Heading> chain, Heading heading) => chain.RemoveAll(h => h.Level >= heading.Level);
}
