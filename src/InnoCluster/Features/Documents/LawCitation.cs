using System.Globalization;
using System.Text.RegularExpressions;
using InnoCluster.Text;

namespace InnoCluster.Features.Documents;

/// <summary>
/// The laws a query may name and the article it asks for: 民法典第一千零六十二条, 《商标法》 先用权, 劳动合同法第19条.
/// <see cref="Names"/> are candidates: every stretch of the query that ends as a law's name does (…法, …条例, …办法),
/// to be looked up among the documents' names; only those a document bears count.
/// </summary>
public sealed partial record LawCitation(IReadOnlyList<string> Names, int? Article)
{
    public static readonly LawCitation None = new([], null);

    private const string CountryPrefix = "中华人民共和国";

    private const int LongestName = 30;

    /// <summary>How names of laws, regulations and rules end.</summary>
    private static readonly string[] NameEndings = ["法", "法典", "条例", "规定", "办法", "细则", "决定", "解释", "规则", "意见", "通知"];

    /// <summary>法 that starts another word (法律, 法院, 法人) does not end a name.</summary>
    private const string ContinuesAfterFa = "律院人官庭学";

    /// <summary>How the parts of a code end: its books (婚姻家庭编), 总则, 分则, 附则.</summary>
    private static readonly string[] CodeParts = ["编", "总则", "分则", "附则"];

    public bool IsEmpty => Names.Count == 0;

    /// <summary>第十九条 for 19.</summary>
    public string? ArticleLabel => Article is { } n ? ArticleLabelOf(n) : null;

    public static string ArticleLabelOf(int number) => "第" + ChineseNumerals.Format(number) + "条";

    /// <summary>
    /// The name a query calls a document by: its title normalised, without 中华人民共和国, and without the book
    /// of a code (中华人民共和国民法典 婚姻家庭编 → 民法典, 中华人民共和国民法典 总则 → 民法典).
    /// </summary>
    public static string NameOf(string title)
    {
        var name = TextNormalizer.Normalize(title).Trim();
        if (name.StartsWith(CountryPrefix, StringComparison.Ordinal) && name.Length > CountryPrefix.Length)
        {
            name = name[CountryPrefix.Length..];
        }

        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && Array.Exists(CodeParts, name.EndsWith) ? name[..space] : name;
    }

    public static LawCitation Read(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return None;
        }

        var text = TextNormalizer.Normalize(query);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match quoted in Quoted().Matches(text))
        {
            names.Add(NameOf(quoted.Groups["name"].Value));
        }

        foreach (Match run in HanRun().Matches(text))
        {
            AddNamesEndingIn(run.Value, names);
        }

        names.RemoveWhere(n => n.Length < 2);
        if (names.Count == 0)
        {
            return None;
        }

        return new LawCitation([.. names.Order(StringComparer.Ordinal)], ArticleIn(text));
    }

    private static void AddNamesEndingIn(string run, HashSet<string> names)
    {
        for (var end = 2; end <= run.Length; end++)
        {
            var ending = Array.Find(NameEndings, e => run.AsSpan(0, end).EndsWith(e, StringComparison.Ordinal));
            if (ending is null || (ending == "法" && end < run.Length && ContinuesAfterFa.Contains(run[end], StringComparison.Ordinal)))
            {
                continue;
            }

            for (var start = Math.Max(0, end - LongestName); start <= end - 2; start++)
            {
                names.Add(NameOf(run[start..end]));
            }
        }
    }

    /// <summary>19 for 第十九条 (or 第19条); null for any other heading.</summary>
    public static int? ArticleNumberOf(string? label)
    {
        if (label is null)
        {
            return null;
        }

        var m = ArticleNumber().Match(label);
        return m.Success && m.Index == 0 && m.Length == label.Length ? NumberOf(m) : null;
    }

    private static int? ArticleIn(string text)
    {
        var m = ArticleNumber().Match(text);
        return m.Success ? NumberOf(m) : null;
    }

    private static int? NumberOf(Match m)
    {
        var digits = m.Groups["n"].Value;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var arabic))
        {
            return arabic is >= 1 and <= 9999 ? arabic : null;
        }

        return ChineseNumerals.TryParse(digits, out var value) && value is >= 1 and <= 9999 ? (int)value : null;
    }

    [GeneratedRegex(@"《(?<name>[^《》]{2,60})》", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+", RegexOptions.CultureInvariant)]
    private static partial Regex HanRun();

    [GeneratedRegex(@"第(?<n>[0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})条", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleNumber();
}
