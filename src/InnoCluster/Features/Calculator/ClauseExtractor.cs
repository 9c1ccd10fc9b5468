using System.Globalization;
using System.Text.RegularExpressions;
using InnoCluster.Text;

namespace InnoCluster.Features.Calculator;

/// <summary>One amount a clause states, as read from its sentence.</summary>
public sealed record ExtractedAmount(string Kind, decimal Value, string Text, SupportMethod Method)
{
    /// <summary>Comparable form used by the judged set: "cap:100000000".</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Kind}:{Value:0.####}");
}

/// <summary>A clause the extractor proposes from one sentence; an official confirms or edits it.</summary>
public sealed record ProposedClause(
    int Start,
    int Length,
    string Sentence,
    string Title,
    SupportMethod Method,
    IReadOnlyList<ExtractedAmount> Amounts,
    IReadOnlyList<SupportTerms> Support,
    IReadOnlyList<Condition> Conditions,
    string? Beneficiary = null);

/// <summary>A name the extractor recognises as a condition on district or chain node.</summary>
public sealed record NamedValue(string Name, string Code);

/// <summary>
/// Proposes policy clauses from a document's text: sentences that give support (奖励, 补贴, 资助, 贴息,
/// 优先推荐, 减按 …), the amounts with their kind (fixed, 最高 cap, 以上 floor, 按…% rate) and the
/// conditions the sentence states (tiers, age, revenue and R&amp;D thresholds, district, chain node), plus
/// text-only conditions the registry cannot answer (中小企业, 人才, 首版次软件). Hand-written: no library here
/// reads Chinese policy language; its precision and recall are measured on a judged set in tests/.
/// </summary>
public static partial class ClauseExtractor
{
    private const string Num = @"[0-9][0-9,，]*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+";

    [GeneratedRegex(@"奖励|奖补|补贴|补助|资助|贴息|一事一议|优先.{0,4}(?:推荐|扶持|支持)|减按|税收优惠|加计扣除|资金支持|给予支持|给予.{0,12}支持|扶持资金|专项资金")]
    private static partial Regex SupportWord();

    /// <summary>A sentence gives support only when it grants something (给予, 享受, 资助 …), not when it merely names a policy.</summary>
    [GeneratedRegex(@"给予|予以|享受|补贴|补助|资助|贴息|奖励|奖补|扶持|减按|优先推荐|加计扣除")]
    private static partial Regex GrantWord();

    /// <summary>News reporting support already received ("获得上级资金奖励近1.5亿元") states no clause.</summary>
    [GeneratedRegex(@"(?<!给予)(?:获得|获|争取到|拿到)[^，。；,]{0,8}(?:奖励|补贴|补助|资助|支持)(?!.*给予)")]
    private static partial Regex ReportedReceipt();

    [GeneratedRegex(@"罚款|赔偿|处分|没收|拘留|刑事责任")]
    private static partial Regex SanctionWord();

    // 人民币1万元至3万元, 1000元至1万元, 最高1亿元, 二十万元以上, 不超过500万元.
    [GeneratedRegex(@"(?<pre>最高不超过|最高|不超过|最多|不高于|单个项目最高|每年最高|每家最高|每人最高)?(?:人民币)?(?<n1>" + Num + @")(?<m1>万亿|亿|万|千)?元?(?:(?<sep>至|到|-|—|~|～)(?:人民币)?(?<n2>" + Num + @")(?<m2>万亿|亿|万|千)?)?元(?<post>以上|以下|以内)?")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"按(?:照)?(?<base>[^，。；,]{1,16}?)的?(?<rate>[0-9]+(?:\.[0-9]+)?)\s*[%％]")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"(?<field>营业收入|销售收入|主营业务收入|年营收|营收)(?:首次)?(?<op>超过|突破|达到|不低于|不少于|在)?(?<n>" + Num + @")(?<m>万亿|亿|万)?元(?<post>以上)?")]
    private static partial Regex RevenuePattern();

    [GeneratedRegex(@"研发(?:经费|投入|费用)(?:支出)?[^，。；]{0,8}?占[^，。；]{0,10}?比(?:例|重)?(?<op>不低于|不少于|达到|超过|在)?(?<n>[0-9]+(?:\.[0-9]+)?)\s*[%％](?<post>以上)?")]
    private static partial Regex RdRatioPattern();

    [GeneratedRegex(@"成立(?:时间)?(?<op>不满|未满|不足|不超过|在)?(?<n>[0-9]+|[一二两三四五六七八九十]+)(?:个)?(?:周)?年(?<post>以内|以下|以上)?")]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"(?:从业人员|职工|员工|从业人数)[^，。；]{0,4}?(?<op>不少于|超过|达到|不超过|少于)?(?<n>[0-9]+)人(?<post>以上|以下)?")]
    private static partial Regex EmployeesPattern();

    [GeneratedRegex(@"一事一议|另行研究|另行制定|具体办法[^。；]{0,20}制定|按照?(?:有关|相关|国家有关)?规定给予|依照?(?:有关|相关)?规定给予|按规定给予")]
    private static partial Regex DeferredAmount();

    private static readonly (string Pattern, string Tier)[] TierWords =
    [
        ("专精特新“小巨人”", "little-giant"),
        ("专精特新\"小巨人\"", "little-giant"),
        ("小巨人", "little-giant"),
        ("专精特新中小企业", "specialised-sme"),
        ("专精特新", "specialised-sme"),
        ("高新技术企业", "high-tech"),
        ("瞪羚", "gazelle"),
        ("独角兽培育", "unicorn-candidate"),
        ("独角兽", "unicorn"),
        ("上市企业", "listed"),
        ("上市公司", "listed"),
        ("头雁培育", "lead-goose-candidate"),
        ("头雁", "lead-goose"),
        ("链主", "chain-leader"),
    ];

    /// <summary>
    /// Beneficiaries and requirements the registry does not record, each with the label a condition keeps:
    /// a person rather than a firm (人才, 人员), a carrier (实验室, 工作站), an SME size class, credit standing,
    /// first-version software.
    /// </summary>
    private static readonly (string[] Words, string Label)[] UnrecordedWords =
    [
        (["人才", "人员", "举报人", "运动员", "个人"], "个人"),
        (["重点实验室", "工程技术研究中心", "创新中心", "工作站", "创新平台"], "创新平台"),
        (["小微企业"], "小微企业"),
        (["中小企业"], "中小企业"),
        (["信用状况良好", "信用良好"], "信用状况良好"),
        (["首版次"], "首版次软件"),
    ];

    public static IReadOnlyList<ProposedClause> Propose(string text, IReadOnlyList<NamedValue>? districts = null, IReadOnlyList<NamedValue>? chainNodes = null)
    {
        var result = new List<ProposedClause>();
        string? previous = null;
        foreach (var sentence in Sentences.Split(text))
        {
            if (ProposeSentence(sentence.Text, districts ?? [], chainNodes ?? [], previous) is { } proposed)
            {
                result.Add(proposed with { Start = sentence.Start, Length = sentence.Length });
            }

            // Only a sentence of the same paragraph says who "入围企业" are.
            var paragraphBreak = text.IndexOf('\n', sentence.Start, sentence.Length) >= 0 || (sentence.Start + sentence.Length < text.Length && text[sentence.Start + sentence.Length] == '\n');
            previous = paragraphBreak ? null : sentence.Text;
        }

        return result;
    }

    /// <summary>The clause one sentence states, or null when it gives no support (a target, a sanction, a duty).</summary>
    /// <param name="previous">The sentence before it in the same paragraph: "对入围企业…" names its beneficiaries there.</param>
    public static ProposedClause? ProposeSentence(string sentence, IReadOnlyList<NamedValue> districts, IReadOnlyList<NamedValue> chainNodes, string? previous = null)
    {
        // Normalize folds full-width digits and signs (１５％ → 15%) and traditional script, so one set of patterns reads all.
        var folded = TextNormalizer.Normalize(sentence);
        if (!SupportWord().IsMatch(folded) || !GrantWord().IsMatch(folded) || folded.Contains("是指", StringComparison.Ordinal) || ReportedReceipt().IsMatch(folded)
            || (SanctionWord().IsMatch(folded) && !Regex.IsMatch(folded, "奖励|补贴|资助|贴息")))
        {
            return null;
        }

        var consumed = new bool[folded.Length];
        var conditions = new List<Condition>();
        AddThreshold(conditions, consumed, RevenuePattern().Match(folded), "revenue", money: true);
        AddThreshold(conditions, consumed, RdRatioPattern().Match(folded), "rd-ratio", money: false);
        AddThreshold(conditions, consumed, EmployeesPattern().Match(folded), "employees", money: false);
        AddAge(conditions, consumed, AgePattern().Match(folded));

        var tiers = new List<string>();
        var tierText = folded;
        foreach (var (pattern, tier) in TierWords)
        {
            if (tierText.Contains(pattern, StringComparison.Ordinal))
            {
                tiers.Add(tier);
                tierText = tierText.Replace(pattern, new string('□', pattern.Length), StringComparison.Ordinal);
            }
        }

        if (tiers.Count == 0 && previous is not null && folded.Contains("入围", StringComparison.Ordinal))
        {
            // "对入围企业,优先对上推荐…": the firms admitted by the selection the sentence before runs
            // (…开展“头雁”企业及“头雁”培育企业评选工作) — its tiers, not the pools it prefers to pick from.
            var selection = TextNormalizer.Normalize(previous).Split([',', '，', ';', '；'])
                .FirstOrDefault(c => c.Contains("评选", StringComparison.Ordinal) || c.Contains("遴选", StringComparison.Ordinal));
            var named = selection?.Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) ?? "";
            foreach (var (pattern, tier) in TierWords)
            {
                if (named.Contains(pattern, StringComparison.Ordinal))
                {
                    tiers.Add(tier);
                    named = named.Replace(pattern, new string('□', pattern.Length), StringComparison.Ordinal);
                }
            }
        }

        if (tiers.Count > 0)
        {
            conditions.Add(ConditionRules.Check(new Condition("tier", "in", string.Join(",", tiers.Distinct()), string.Join("、", tiers.Distinct()))));
        }

        AddNamed(conditions, folded, districts, "district");
        AddNamed(conditions, folded, chainNodes, "chain");
        // "专精特新中小企业" is the tier, not a separate size condition.
        var unrecorded = tierText;
        foreach (var (words, label) in UnrecordedWords)
        {
            if (words.Any(w => unrecorded.Contains(w, StringComparison.Ordinal)))
            {
                conditions.Add(Condition.TextOnly(label, ConditionFlags.NotInRegistry));
                unrecorded = words.Aggregate(unrecorded, (text, w) => text.Replace(w, "", StringComparison.Ordinal));
            }
        }

        var groups = new List<AmountGroup>();
        foreach (Match match in MoneyPattern().Matches(folded))
        {
            if (consumed.AsSpan(match.Index, match.Length).Contains(true) || ReadAmount(match, folded) is not { } amount)
            {
                continue;
            }

            groups.Add(new AmountGroup(match.Index, match.Index + match.Length, [.. amount]));
        }

        string? rateBase = null;
        var rateEnd = -1;
        if (RatePattern().Match(folded) is { Success: true } rateMatch && !folded.Contains("税率", StringComparison.Ordinal))
        {
            var rate = decimal.Parse(rateMatch.Groups["rate"].Value, CultureInfo.InvariantCulture);
            var basis = rateMatch.Groups["base"].Value;
            rateBase = basis.Contains("研发", StringComparison.Ordinal) ? "rd-spend" : basis.Contains("收入", StringComparison.Ordinal) ? "revenue" : basis;
            rateEnd = rateMatch.Index + rateMatch.Length;
            var rated = new ExtractedAmount("rate", rate, rateMatch.Value, MethodAt(folded, rateEnd));
            // "按研发投入的10%给予补助，最高500万元": the rate and the cap that bounds it are one item.
            if (groups.FirstOrDefault(g => g.Start > rateMatch.Index) is { } bounded)
            {
                bounded.Amounts.Add(rated);
            }
            else
            {
                groups.Add(new AmountGroup(rateMatch.Index, rateMatch.Index + rateMatch.Length, [rated]));
            }
        }

        var amounts = groups.SelectMany(g => g.Amounts).ToList();
        var method = amounts.Count > 0 ? amounts[0].Method : MethodAt(folded, 0);
        var deferred = amounts.Count == 0 && DeferredAmount().Match(folded) is { Success: true } ? DeferredAmount().Match(folded).Value : null;
        IReadOnlyList<SupportTerms> support = deferred is not null || groups.Count == 0
            ? [new SupportTerms(method, AmountText: deferred, Undetermined: deferred is not null)]
            : ItemsOf(folded, groups, rateBase, rateEnd);
        return new ProposedClause(0, sentence.Length, sentence, TitleOf(sentence), method, amounts, support, conditions, BeneficiaryOf(folded));
    }

    private static IEnumerable<ExtractedAmount>? ReadAmount(Match match, string sentence)
    {
        if (!TryMoney(match.Groups["n1"].Value, match.Groups["m1"].Value, out var first))
        {
            return null;
        }

        var method = MethodAt(sentence, match.Index + match.Length, match.Index);
        if (match.Groups["n2"].Success && match.Groups["n2"].Length > 0)
        {
            var secondMagnitude = match.Groups["m2"].Value;
            if (!TryMoney(match.Groups["n2"].Value, secondMagnitude, out var second))
            {
                return null;
            }

            if (match.Groups["m1"].Length == 0 && secondMagnitude.Length > 0 && !match.Value.Contains("元" + match.Groups["sep"].Value, StringComparison.Ordinal))
            {
                // "50-100万元": the magnitude written once applies to both ends.
                TryMoney(match.Groups["n1"].Value, secondMagnitude, out first);
            }

            return second < first ? null : [new("min", first, match.Value, method), new("cap", second, match.Value, method)];
        }

        var pre = match.Groups["pre"].Value;
        var post = match.Groups["post"].Value;
        var kind = pre.Length > 0 || post is "以下" or "以内" ? "cap" : post == "以上" ? "min" : "fixed";
        return [new(kind, first, match.Value, method)];
    }

    private static bool TryMoney(string number, string magnitude, out decimal value)
    {
        value = 0;
        var cleaned = number.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        var ok = char.IsAsciiDigit(cleaned[0])
            ? decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            : ChineseNumerals.TryParse(cleaned, out value);
        if (!ok)
        {
            return false;
        }

        value *= magnitude.Length > 0 ? ChineseNumerals.MagnitudeFactor(magnitude) : 1;
        return value > 0;
    }

    /// <summary>The support word nearest after the amount ("最高1亿元项目资助"), else before it ("给予奖励1万元").</summary>
    private static SupportMethod MethodAt(string sentence, int from, int before = -1)
    {
        var words = new (string Word, SupportMethod Method)[]
        {
            ("贴息", SupportMethod.InterestSubsidy), ("减按", SupportMethod.TaxRelief), ("税收优惠", SupportMethod.TaxRelief), ("加计扣除", SupportMethod.TaxRelief),
            ("补贴", SupportMethod.Subsidy), ("补助", SupportMethod.Subsidy), ("资助", SupportMethod.Subsidy), ("奖补", SupportMethod.Award), ("奖励", SupportMethod.Award),
            ("优先推荐", SupportMethod.PriorityRecommendation), ("推荐", SupportMethod.PriorityRecommendation), ("认定", SupportMethod.Recognition), ("基金", SupportMethod.Financing), ("担保", SupportMethod.Financing), ("资金支持", SupportMethod.Subsidy),
        };
        var after = words.Select(w => (w.Method, Index: sentence.IndexOf(w.Word, Math.Min(from, sentence.Length), StringComparison.Ordinal))).Where(x => x.Index >= 0).OrderBy(x => x.Index).FirstOrDefault();
        if (after.Index > 0 && (before < 0 || after.Index - from <= 12))
        {
            return after.Method;
        }

        var start = before >= 0 ? before : sentence.Length;
        var prior = words.Select(w => (w.Method, Index: sentence.LastIndexOf(w.Word, Math.Max(0, start - 1), StringComparison.Ordinal))).Where(x => x.Index >= 0).OrderByDescending(x => x.Index).FirstOrDefault();
        return prior.Index > 0 || (prior.Index == 0 && prior.Method != SupportMethod.Other) ? prior.Method : after.Index > 0 ? after.Method : SupportMethod.Other;
    }

    private static void AddThreshold(List<Condition> conditions, bool[] consumed, Match match, string field, bool money)
    {
        if (!match.Success)
        {
            return;
        }

        decimal value;
        if (money)
        {
            if (!TryMoney(match.Groups["n"].Value, match.Groups["m"].Value, out value))
            {
                return;
            }
        }
        else if (!decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return;
        }

        var op = match.Groups["op"].Value switch
        {
            "超过" or "突破" => ">",
            "不超过" => "<=",
            "少于" => "<",
            _ => match.Groups["post"].Value == "以下" ? "<=" : ">=",
        };
        Array.Fill(consumed, true, match.Index, match.Length);
        conditions.Add(ConditionRules.Check(new Condition(field, op, value.ToString(CultureInfo.InvariantCulture), match.Value)));
    }

    private static void AddAge(List<Condition> conditions, bool[] consumed, Match match)
    {
        if (!match.Success)
        {
            return;
        }

        var number = match.Groups["n"].Value;
        if (!(char.IsAsciiDigit(number[0]) ? decimal.TryParse(number, CultureInfo.InvariantCulture, out var years) : ChineseNumerals.TryParse(number, out years)))
        {
            return;
        }

        var op = match.Groups["op"].Value switch
        {
            "不满" or "未满" or "不足" => "<",
            "不超过" => "<=",
            _ => match.Groups["post"].Value switch { "以内" or "以下" => "<=", "以上" => ">=", _ => "<=" },
        };
        Array.Fill(consumed, true, match.Index, match.Length);
        conditions.Add(ConditionRules.Check(new Condition("age", op, years.ToString(CultureInfo.InvariantCulture), match.Value)));
    }

    private static void AddNamed(List<Condition> conditions, string sentence, IReadOnlyList<NamedValue> names, string field)
    {
        var codes = names.Where(n => n.Name.Length >= 2 && sentence.Contains(n.Name, StringComparison.Ordinal)).Select(n => n.Code).Distinct().ToList();
        if (codes.Count > 0)
        {
            conditions.Add(ConditionRules.Check(new Condition(field, "in", string.Join(",", codes))));
        }
    }

    private static string TitleOf(string sentence)
    {
        var trimmed = sentence.Trim().TrimEnd('。', '；', ';');
        return trimmed.Length <= 40 ? trimmed : trimmed[..40] + "…";
    }
}
