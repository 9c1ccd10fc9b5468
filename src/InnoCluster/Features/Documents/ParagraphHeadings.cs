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
    public static string Above(IReadOnlyList<Heading> headings, int start, int end)
    {
        var chain = new List<Heading>();
        foreach (var heading in headings.Where(h => h.Start < end && h.Level < ArticleLevel).OrderBy(h => h.Start))
        {
            chain.RemoveAll(h => h.Level >= heading.Level);
            if (heading.Start < start)
            {
                chain.Add(heading);
            }
        }

        return string.Join('\n', chain.Select(h => h.Title).Where(t => t.Length > 0));
    }
}
