using System.Text.RegularExpressions;

namespace InnoCluster.Text;

/// <summary>A heading of a document's outline: 一、 / (一) / 专栏4 / 1. / 第一章 / 第一节 / 第一条.</summary>
public sealed record OutlineEntry(int Level, string Label, string Title, int Start);

/// <summary>
/// Finds the outline of Chinese government documents and laws from their heading conventions: chapters
/// (第一章), sections (第一节), articles (第一条), parts (一、), sub-parts ((一) or （一）), boxes (专栏N)
/// and numbered items (1.) under a box. Levels are relative: part 1, sub-part 2, box 2, item 3; chapter 1,
/// section 2, article 3.
/// </summary>
public static partial class Outline
{
    [GeneratedRegex(@"^(?<label>第[一二三四五六七八九十百零〇]+章)\s*(?<title>.{0,40})$", RegexOptions.CultureInvariant)]
    private static partial Regex Chapter();

    [GeneratedRegex(@"^(?<label>第[一二三四五六七八九十百零〇]+节)\s*(?<title>.{0,40})$", RegexOptions.CultureInvariant)]
    private static partial Regex Section();

    [GeneratedRegex(@"^(?<label>第[一二三四五六七八九十百千零〇]+条)(?<title>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Article();

    [GeneratedRegex(@"^[\s#*]*第[一二三四五六七八九十百千零〇]+条[\s\u3000]", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ArticleLine();

    [GeneratedRegex(@"^(?<label>[一二三四五六七八九十]+)(?:、|\s|(?=[\u4E00-\u9FFF]))(?<title>[^。；;]{1,30})$", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    [GeneratedRegex(@"^(?<label>[(（][一二三四五六七八九十]+[)）])\s*(?<title>[^。]{1,40}?)(?:[。]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SubPart();

    [GeneratedRegex(@"^(?<label>专栏\s*\d+)\s*(?<title>.{0,40})$", RegexOptions.CultureInvariant)]
    private static partial Regex Box();

    [GeneratedRegex(@"^(?<label>\d{1,2})[.．、]\s*(?<title>[^。]{1,40})[。]", RegexOptions.CultureInvariant)]
    private static partial Regex Item();

    /// <summary>
    /// Whether the text is a law's, numbered in articles: it has 第一条, or, a book of a code (民法典's 婚姻家庭编
    /// starts at 第一千零四十条), a line opening with an article.
    /// </summary>
    public static bool ReadsAsLaw(string text) =>
        text.Contains("第一条", StringComparison.Ordinal) || ArticleLine().IsMatch(text.Length > 20000 ? text[..20000] : text);

    /// <summary>Headings in text order with their start offsets in <paramref name="text"/>.</summary>
    public static IReadOnlyList<OutlineEntry> Parse(string text)
    {
        var entries = new List<OutlineEntry>();
        var offset = 0;
        var inBox = false;
        var law = ReadsAsLaw(text);
        foreach (var rawLine in text.Split('\n'))
        {
            var lineStart = offset;
            offset += rawLine.Length + 1;
            var leading = rawLine.Length - rawLine.TrimStart().Length;
            var line = rawLine.Trim().TrimStart('#', ' ', '*').TrimEnd('*', ' ');
            if (line.Length == 0)
            {
                continue;
            }

            var start = lineStart + leading;
            Match m;
            if ((m = Chapter().Match(line)).Success)
            {
                entries.Add(new OutlineEntry(1, m.Groups["label"].Value, m.Groups["title"].Value.Trim(), start));
            }
            else if ((m = Section().Match(line)).Success)
            {
                entries.Add(new OutlineEntry(2, m.Groups["label"].Value, m.Groups["title"].Value.Trim(), start));
            }
            else if (law && (m = Article().Match(line)).Success)
            {
                var title = m.Groups["title"].Value.Trim();
                entries.Add(new OutlineEntry(3, m.Groups["label"].Value, title.Length > 30 ? title[..30] + "…" : title, start));
            }
            else if ((m = Box().Match(line)).Success)
            {
                inBox = true;
                entries.Add(new OutlineEntry(2, m.Groups["label"].Value.Replace(" ", string.Empty, StringComparison.Ordinal), m.Groups["title"].Value.Trim(), start));
            }
            else if (!law && (m = Part().Match(line)).Success)
            {
                inBox = false;
                entries.Add(new OutlineEntry(1, m.Groups["label"].Value + "、", m.Groups["title"].Value.Trim(), start));
            }
            else if (!law && (m = SubPart().Match(line)).Success)
            {
                inBox = false;
                entries.Add(new OutlineEntry(2, m.Groups["label"].Value.Replace('（', '(').Replace('）', ')'), m.Groups["title"].Value.Trim(), start));
            }
            else if (!law && inBox && (m = Item().Match(line)).Success)
            {
                entries.Add(new OutlineEntry(3, m.Groups["label"].Value + ".", m.Groups["title"].Value.Trim(), start));
            }
        }

        return entries;
    }
}
