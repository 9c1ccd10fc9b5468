using System.Globalization;
using System.Text.RegularExpressions;
using InnoCluster.Text;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Documents.Ingestion;

/// <summary>A fact found in a sentence, before it is stored.</summary>
[FeatureContract]
public sealed record ExtractedFact(
    FactKind Kind,
    string? Subject,
    string? Metric,
    Quantity? Quantity,
    int? Year,
    string Text,
    int TextStart,
    Sentence Sentence,
    int? EnterpriseId = null,
    int? CarrierId = null);

/// <summary>
/// Reads the facts of each sentence: figures with unit and qualifier (超2300亿元), counts (15家), targets
/// for a future year (到2025年…超过300亿元), with the subject and metric of the clause that states them
/// (苏州市人工智能产业 · 营收) and the year the sentence names. Rules, not a model: each is visible here.
/// </summary>
[FeatureContract]
public static partial class FactExtractor
{
    private static readonly string[] Verbs =
    [
        "实现", "达到", "突破", "超过", "聚集", "集聚", "拥有", "培育", "获得", "累计", "新增", "组织", "完成", "建成", "建设", "打造",
        "带动", "引进", "入选", "认定", "实施", "推动", "形成", "布局", "发布", "举办", "助推", "服务", "占比", "增长", "降低", "提升", "下降",
        "已有", "现有", "有",
    ];

    private static readonly string[] TrailingAdverbs = ["已经", "累计", "共计", "已", "共", "将", "也", "还"];

    private static readonly string[] MetricNouns = ["营业收入", "营收", "总产值", "产值", "产业规模", "总规模", "规模", "总投资", "投资额", "融资", "收入", "出货量", "总算力规模", "算力规模"];

    [GeneratedRegex(@"(?:到|至|力争到|预计到)\s*(?<y>20\d{2})\s*年", RegexOptions.CultureInvariant)]
    private static partial Regex TargetYear();

    [GeneratedRegex(@"(?<y>(19|20)\d{2})\s*年", RegexOptions.CultureInvariant)]
    private static partial Regex AnyYear();

    [GeneratedRegex(@"^(?:(?:19|20)\d{2}\s*年(?:\d{1,2}月)?(?:\d{1,2}日)?|——|目前|当前|如今|现在|其中|同时|此外|截至\S*?|近年来|今年|去年|全年|已|共|都|也|还|并|将|力争)\s*[,，]?", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTime();

    private static readonly char[] ClauseDelimiters = [',', '，', ';', '；', ':', '：', '、', '。', '!', '！', '?', '？'];

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create(ClauseDelimiters);

    public static IReadOnlyList<ExtractedFact> Extract(string text, int? documentYear)
    {
        var facts = new List<ExtractedFact>();
        var headings = Outline.Parse(text).Select(o => o.Start).ToList();
        var nextHeading = 0;
        int? sectionTargetYear = null;
        int? paragraphYear = null;
        var paragraphEnd = -1;
        foreach (var sentence in Sentences.Split(text))
        {
            if (sentence.Start > paragraphEnd)
            {
                // A new paragraph: a year stated earlier no longer applies.
                paragraphYear = null;
                var lineEnd = text.IndexOf('\n', sentence.Start);
                paragraphEnd = lineEnd < 0 ? text.Length : lineEnd;
            }

            // A "到2025年…" sentence sets the deadline for the figures that follow it in the same section
            // (the target bullets of a plan's 发展目标), until the next heading.
            while (nextHeading < headings.Count && headings[nextHeading] <= sentence.Start)
            {
                sectionTargetYear = null;
                nextHeading++;
            }

            var normalized = TextNormalizer.Normalize(sentence.Text);
            var stated = TargetYear().Match(normalized) is { Success: true } t ? int.Parse(t.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
            if (stated is not null && (documentYear is null || stated >= documentYear))
            {
                sectionTargetYear = stated;
            }

            var targetYear = stated ?? sectionTargetYear;
            var isTarget = targetYear is not null || normalized.Contains("力争", StringComparison.Ordinal) || normalized.Contains("目标", StringComparison.Ordinal);
            string? carriedSubject = null;
            foreach (var figure in Figures.Find(sentence.Text))
            {
                var clauseStart = sentence.Text.LastIndexOfAny(ClauseDelimiters, Math.Max(0, figure.Start - 1)) + 1;
                if (clauseStart > figure.Start)
                {
                    clauseStart = 0;
                }

                var clause = TextNormalizer.Normalize(sentence.Text[clauseStart..figure.Start]).Trim();
                for (var previous = ""; previous != clause;)
                {
                    previous = clause;
                    clause = LeadingTime().Replace(clause, string.Empty).Trim();
                }
                var (subject, metric) = SubjectAndMetric(clause);
                subject = string.IsNullOrEmpty(subject) ? carriedSubject : subject;
                carriedSubject = subject ?? carriedSubject;

                var quantity = figure.Quantity;
                if (metric is null || Verbs.Contains(metric))
                {
                    // Chinese often names what is counted after the figure: 认定5个省级人工智能首版次软件.
                    var after = sentence.Text[(figure.Start + figure.Length)..];
                    var stop = after.AsSpan().IndexOfAny(ClauseEnds);
                    var following = TextNormalizer.Normalize(stop < 0 ? after : after[..stop]).Trim();
                    metric = (metric ?? string.Empty) + (following.Length > 24 ? following[..24] : following);
                }

                var year = isTarget ? targetYear ?? FutureYear(normalized, documentYear) : YearBefore(normalized, figure.Start) ?? paragraphYear;
                if (!isTarget && year is not null)
                {
                    paragraphYear = year;
                }

                var kind = isTarget && (year is null || documentYear is null || year >= documentYear)
                    ? FactKind.Target
                    : quantity.IsMoney || quantity.Unit is "%" or "p" or "pflops" or "倍" or "亿台" or "万颗" or "公里" or "分钟" or "天" ? FactKind.Figure
                    : FactKind.Count;
                facts.Add(new ExtractedFact(kind, Trim(subject), Trim(metric), quantity, year, figure.Quantity.Text, sentence.Start + figure.Start, sentence));
            }
        }

        return facts;
    }

    private static (string? Subject, string? Metric) SubjectAndMetric(string clause)
    {
        if (clause.Length == 0)
        {
            return (null, null);
        }

        var verb = Verbs.Select(v => (Verb: v, At: clause.IndexOf(v, StringComparison.Ordinal))).Where(x => x.At >= 0).OrderBy(x => x.At).FirstOrDefault();
        if (verb.Verb is not null)
        {
            var subject = clause[..verb.At];
            var metric = clause[(verb.At + verb.Verb.Length)..];
            return (subject, metric.Length == 0 ? verb.Verb : metric);
        }

        foreach (var noun in MetricNouns)
        {
            if (clause.EndsWith(noun, StringComparison.Ordinal) && clause.Length > noun.Length)
            {
                return (clause[..^noun.Length], noun);
            }
        }

        return (null, clause);
    }

    private static int? YearBefore(string sentence, int position)
    {
        int? year = null;
        foreach (Match m in AnyYear().Matches(sentence))
        {
            if (m.Index < position && !sentence[..m.Index].EndsWith('-') && !(m.Index + m.Length < sentence.Length && sentence[m.Index + m.Length] is '-' or '—'))
            {
                year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            }
        }

        return year;
    }

    private static int? FutureYear(string sentence, int? documentYear) =>
        AnyYear().Matches(sentence).Select(m => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)).Where(y => documentYear is null || y > documentYear).Select(y => (int?)y).LastOrDefault();

    private static string? Trim(string? value)
    {
        // Quotation marks only decorate names here (“头雁”企业); adverbs before the verb are not the subject (区内已).
        var trimmed = value?.Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)
            .Trim(' ', '(', ')', '（', '）', '—', '-', '《', '》', ',', '，', '、');
        foreach (var adverb in TrailingAdverbs)
        {
            if (trimmed is not null && trimmed.Length > adverb.Length && trimmed.EndsWith(adverb, StringComparison.Ordinal))
            {
                trimmed = trimmed[..^adverb.Length];
                break;
            }
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > 60 ? trimmed[^60..] : trimmed;
    }
}
