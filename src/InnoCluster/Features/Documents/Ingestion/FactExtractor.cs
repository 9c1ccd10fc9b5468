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
    int? CarrierId = null,
    string? Ambiguity = null);

/// <summary>
/// Reads the facts of each sentence: figures with unit and qualifier (超2300亿元), counts (15家), targets
/// for a future year (到2025年…超过300亿元), with the subject and metric of the clause that states them
/// (苏州市人工智能产业 · 营收) and the year the sentence names. Rules, not a model: each is visible here.
/// </summary>
[FeatureContract]
public static partial class FactExtractor
{
    /// <summary>
    /// Raise it with any change to what the rules read: at the next start every stored document's facts
    /// are read again (<see cref="DocumentFactsSeedStep"/>), so no document keeps an older reading.
    /// </summary>
    public const int Version = 2;

    private static readonly string[] Verbs =
    [
        "实现", "达到", "突破", "超过", "聚集", "集聚", "拥有", "培育", "获得", "累计", "新增", "组织", "完成", "建成", "建设", "打造",
        "带动", "引进", "入选", "认定", "实施", "推动", "形成", "布局", "发布", "举办", "助推", "服务", "占比", "增长", "降低", "提升", "下降",
        "已有", "现有", "有",
    ];

    private static readonly string[] TrailingAdverbs = ["已经", "累计", "共计", "力争", "已", "共", "将", "也", "还"];

    private static readonly string[] MetricNouns = ["营业收入", "营收", "总产值", "产值", "核心产业规模", "相关产业规模", "产业规模", "总规模", "规模", "总投资", "投资额", "融资", "收入", "出货量", "总算力规模", "算力规模"];

    [GeneratedRegex(@"(?:到|至|力争到|预计到)\s*(?<y>20\d{2})\s*年", RegexOptions.CultureInvariant)]
    private static partial Regex TargetYear();

    [GeneratedRegex(@"(?<y>(19|20)\d{2})\s*年", RegexOptions.CultureInvariant)]
    private static partial Regex AnyYear();

    [GeneratedRegex(@"^(?:(?:19|20)\d{2}\s*年(?:\d{1,2}月)?(?:\d{1,2}日)?|——|目前|当前|如今|现在|今天|其中|同时|此外|截至\S*?|近年来|今年|去年|全年|已|共|都|也|还|并|将|力争)\s*[,，]?", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTime();

    private static readonly char[] ClauseDelimiters = [',', '，', ';', '；', ':', '：', '、', '。', '!', '！', '?', '？'];

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create(ClauseDelimiters);

    /// <summary>
    /// The facts of a text. <paramref name="isPlan"/>: the text is a plan or policy, whose figures are goals
    /// unless a sentence dates them in the past or says they stand now (目前, 现有).
    /// </summary>
    public static IReadOnlyList<ExtractedFact> Extract(string text, int? documentYear, bool isPlan = false)
    {
        var facts = new List<ExtractedFact>();
        var headings = Outline.Parse(text).Select(o => o.Start).ToList();
        var nextHeading = 0;
        int? sectionTargetYear = null;
        int? paragraphYear = null;
        int? previousYear = null;
        string? previousSubject = null;
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
            var targetMatch = TargetYear().Match(normalized);
            var stated = targetMatch.Success ? int.Parse(targetMatch.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
            var statedAt = targetMatch.Success ? targetMatch.Index : -1;
            var speaksOfNow = StandingWords.Any(w => normalized.Contains(w, StringComparison.Ordinal))
                || AnyYear().Matches(normalized).Any(m => documentYear is { } y && int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) <= y && !IsTargetYear(normalized, m.Index));
            if (speaksOfNow && stated is null)
            {
                sectionTargetYear = null; // 2024年…, 目前…: the goals' list has ended
            }

            if (stated is not null && (documentYear is null || stated >= documentYear) && headings.Count > 0)
            {
                // Only a heading ends a list of goals, so only a text with headings carries the year on.
                sectionTargetYear = stated;
            }

            var targetYear = stated ?? sectionTargetYear;
            var isTarget = targetYear is not null || GoalWords.Any(w => normalized.Contains(w, StringComparison.Ordinal)) || (isPlan && !speaksOfNow);
            var asOf = AsOfYear(normalized, documentYear);
            var opening = OpeningSubject(normalized);
            if (normalized.StartsWith("其中", StringComparison.Ordinal) || normalized.StartsWith("在其中", StringComparison.Ordinal))
            {
                // 其中…: the sentence before names what it is about, and when.
                asOf ??= previousYear;
                opening ??= previousSubject;
            }
            string? carriedSubject = null;
            int? sentenceYear = null;
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
                // What is counted often follows the figure: 认定5个省级人工智能首版次软件, 园区4个大模型通过…备案.
                var after = sentence.Text[(figure.Start + figure.Length)..];
                var stop = after.AsSpan().IndexOfAny(ClauseEnds);
                var following = Meaningful(TextNormalizer.Normalize(stop < 0 ? after : after[..stop]).Trim().TrimStart('的'));
                following = following is { Length: > 30 } ? following[..30] : following;

                var (subject, metric) = SubjectAndMetric(clause);
                subject = Meaningful(subject);
                var metricBefore = Meaningful(metric);
                if (metricBefore is null && subject is not null && Meaningful(clause) is { } whole)
                {
                    // 让效率提升了66%: the clause itself says what changed; who it is about is said before.
                    (subject, metricBefore) = (null, whole);
                }

                metric = metricBefore;
                if (following is not null && (metric is null || Verbs.Contains(metric) || NamesWhatFollows(metric)))
                {
                    // A verb (建成, 覆盖), a list of examples (艾信医疗等) or a conjunction (…和) before the figure: the counted thing follows it.
                    if (metric is not null && subject is null && !Verbs.Contains(metric) && metric.Length >= 2 && !NamesWhatFollows(metric))
                    {
                        subject = metric;
                    }

                    metric = following;
                }
                else if (metric is not null && subject is null && following is not null && IsPlaceOrBody(metric))
                {
                    // 园区4个大模型通过…备案, 区内四个项目在大会上签约: a short name before the figure is who; what follows is counted.
                    (subject, metric) = (metric, following);
                }

                subject = string.IsNullOrEmpty(subject) ? carriedSubject ?? opening ?? NameOpeningAClause(normalized, clauseStart) ?? NameBeforeAVerb(normalized, clauseStart) : subject;
                carriedSubject = subject ?? carriedSubject;
                var quantity = figure.Quantity;

                // A goal word before the figure in its own sentence (将, 力争, 规划了) makes it a goal even in a report.
                var before = normalized[..Math.Min(normalized.Length, figure.Start)];
                var standsBeforeTheGoal = stated is not null && sectionTargetYear is null && statedAt > figure.Start && !GoalWords.Any(w => before.Contains(w, StringComparison.Ordinal));
                var figureIsTarget = (isTarget && !standsBeforeTheGoal) || ClauseGoalWords.Any(w => before.Contains(w, StringComparison.Ordinal)) || WillBefore().IsMatch(before);
                var year = figureIsTarget ? targetYear ?? FutureYear(normalized, documentYear) : YearBefore(normalized, figure.Start) ?? sentenceYear ?? paragraphYear ?? asOf;
                sentenceYear = figureIsTarget ? sentenceYear : year;
                if (!isTarget && year is not null)
                {
                    paragraphYear = year;
                }

                string? ambiguity = null;
                if (!figureIsTarget && year is not null && YearsListedBefore(normalized, figure.Start) is { Count: >= 2 } candidates
                    && YearBefore(normalized[clauseStart..figure.Start], figure.Start - clauseStart) is null)
                {
                    // "2022年和2023年,…分别实现…": the figure's own clause names no year, the one before lists several.
                    ambiguity = $"年份不定：句中有{string.Join("、", candidates)}年，未写明此数属哪一年";
                    year = null;
                }

                if (quantity.Unit.Length == 0)
                {
                    var unstated = $"单位未写明：只写了“{figure.Quantity.Text.Trim()}”";
                    ambiguity = ambiguity is null ? unstated : $"{ambiguity}；{unstated}";
                }

                var kind = figureIsTarget && (year is null || documentYear is null || year >= documentYear)
                    ? FactKind.Target
                    : quantity.IsMoney || quantity.Unit is "%" or "p" or "pflops" or "倍" or "亿台" or "万颗" or "公里" or "分钟" or "天" ? FactKind.Figure
                    : FactKind.Count;
                facts.Add(new ExtractedFact(kind, Trim(subject), Trim(metric), quantity, year, figure.Quantity.Text, sentence.Start + figure.Start, sentence, Ambiguity: ambiguity));
            }

            previousYear = facts.Count > 0 && facts[^1].Sentence.Start == sentence.Start ? facts[^1].Year ?? asOf : asOf;
            previousSubject = facts.Count > 0 && facts[^1].Sentence.Start == sentence.Start ? facts[^1].Subject ?? opening : opening;
        }

        return facts;
    }

    /// <summary>"在设计环节," "在模型层研发方面,": an aspect, not who the figures are about.</summary>
    private static readonly string[] NotAPlace = ["方面", "环节", "领域", "过程", "阶段", "中", "上", "层"];

    /// <summary>Words that say a figure stands at the document's date.</summary>
    private static readonly string[] StandingWords = ["目前", "现有", "迄今", "截至目前", "当前", "如今"];

    /// <summary>Words that make a whole sentence a goal.</summary>
    private static readonly string[] GoalWords = ["力争", "目标"];

    /// <summary>Words that make the figures after them a goal or a plan.</summary>
    private static readonly string[] ClauseGoalWords = ["预计", "规划了"];

    /// <summary>将 as "will" (将增加, 将围绕), not 将近 (nearly) nor 将…与 (taking one thing to another).</summary>
    [GeneratedRegex(@"将(?!近)(?![^,，;；]*与)", RegexOptions.CultureInvariant)]
    private static partial Regex WillBefore();

    /// <summary>Function words and particles that are no label on their own (了, 从, 在, 对全国, 就在).</summary>
    private static readonly string[] Particles = ["就在", "对全国", "外的", "了", "从", "后", "在", "至", "让", "一批", "设立", "依然", "迄今", "今年", "目前", "已"];

    /// <summary>The year a figure without a year of its own stands at: 目前/累计/今年 → the document's year, 去年 → the one before.</summary>
    private static int? AsOfYear(string sentence, int? documentYear)
    {
        if (documentYear is not { } year)
        {
            return null;
        }

        if (sentence.Contains("去年", StringComparison.Ordinal))
        {
            return year - 1;
        }

        if (RangeYear().Match(sentence) is { Success: true } range)
        {
            return int.Parse(range.Groups["to"].Value, CultureInfo.InvariantCulture); // 2023-2024年: the range's end
        }

        return StandingWords.Concat(["今年", "已"]).Any(w => sentence.Contains(w, StringComparison.Ordinal)) ? year : null;
    }

    [GeneratedRegex(@"(?:19|20)\d{2}\s*[-—–至]\s*(?<to>(?:19|20)\d{2})\s*年", RegexOptions.CultureInvariant)]
    private static partial Regex RangeYear();

    private static bool IsTargetYear(string sentence, int yearIndex)
    {
        var before = sentence[..yearIndex];
        return before.EndsWith('到') || before.EndsWith("到 ", StringComparison.Ordinal) || before.EndsWith('至') || before.EndsWith("力争到", StringComparison.Ordinal) || before.EndsWith("预计到", StringComparison.Ordinal);
    }

    private static bool InsideBrackets(string text, int at)
    {
        var open = Math.Max(Math.Max(text.LastIndexOf('(', at), text.LastIndexOf('（', at)), text.LastIndexOf('《', at));
        var close = Math.Max(Math.Max(text.LastIndexOf(')', at), text.LastIndexOf('）', at)), text.LastIndexOf('》', at));
        return open > close;
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

    /// <summary>
    /// The years listed together in the clause that names the last year before a position ("2022年和2023年"),
    /// not counting the deadlines of goals (到2025年). One year there ("2024年新增…") decides the figure's year.
    /// </summary>
    private static List<int> YearsListedBefore(string sentence, int position)
    {
        var named = AnyYear().Matches(sentence).Where(m => m.Index < position && !IsTargetYear(sentence, m.Index)).ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var last = named[^1].Index;
        var start = sentence.LastIndexOfAny(ClauseDelimiters, last) + 1;
        return [.. named.Where(m => m.Index >= start).Select(m => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)).Distinct().Order()];
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
