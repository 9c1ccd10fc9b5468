namespace InnoCluster.Features.Calculator;

/// <summary>支持方式: how a clause supports the firms it names.</summary>
public enum SupportMethod
{
    Other = 0,

    /// <summary>资金奖励 / 奖励.</summary>
    Award = 1,

    /// <summary>补贴 / 补助 / 资助.</summary>
    Subsidy = 2,

    /// <summary>贷款贴息.</summary>
    InterestSubsidy = 3,

    /// <summary>认定 (a title or list that brings support with it).</summary>
    Recognition = 4,

    /// <summary>优先推荐 / 优先支持.</summary>
    PriorityRecommendation = 5,

    /// <summary>税收优惠 (减按、减免).</summary>
    TaxRelief = 6,

    /// <summary>基金、担保、融资支持.</summary>
    Financing = 7,
}

public enum ClauseStatus
{
    /// <summary>Extracted from a document, waiting for an official.</summary>
    Proposed = 0,

    /// <summary>Confirmed by an official: the calculator uses it.</summary>
    Confirmed = 1,

    /// <summary>No longer offered (replaced, or extracted in error); kept for history.</summary>
    Withdrawn = 2,
}

/// <summary>
/// One support item a clause gives, in 元 (a clause may give several: 001's talent clause gives 最高1亿元
/// 项目资助 and 最高1000万元购房补贴). <see cref="Amount"/> is a fixed sum, <see cref="Cap"/> a maximum
/// (最高/不超过), <see cref="Minimum"/> a floor (以上), <see cref="RatePercent"/> a share of
/// <see cref="RateBase"/> (按研发投入的10%). When the text defers the amount (一事一议, 另行研究),
/// <see cref="Undetermined"/> is set and no number is made up. <see cref="Label"/> is what the item is in
/// the document's words (项目资助, 购房补贴); <see cref="Beneficiary"/> who receives it when that differs
/// from the clause's beneficiary (null: the clause's).
/// </summary>
public sealed record SupportTerms(
    SupportMethod Method,
    decimal? Amount = null,
    decimal? Cap = null,
    decimal? Minimum = null,
    decimal? RatePercent = null,
    string? RateBase = null,
    string? AmountText = null,
    bool Undetermined = false,
    string? Label = null,
    string? Beneficiary = null)
{
    public bool HasAmount => Amount is not null || Cap is not null || Minimum is not null || RatePercent is not null;

    public static string Chinese(SupportMethod method) => method switch
    {
        SupportMethod.Award => "资金奖励",
        SupportMethod.Subsidy => "补贴",
        SupportMethod.InterestSubsidy => "贷款贴息",
        SupportMethod.Recognition => "认定",
        SupportMethod.PriorityRecommendation => "优先推荐",
        SupportMethod.TaxRelief => "税收优惠",
        SupportMethod.Financing => "融资支持",
        _ => "其他",
    };

    public static string English(SupportMethod method) => method switch
    {
        SupportMethod.Award => "Cash award",
        SupportMethod.Subsidy => "Subsidy",
        SupportMethod.InterestSubsidy => "Loan interest subsidy",
        SupportMethod.Recognition => "Recognition",
        SupportMethod.PriorityRecommendation => "Priority recommendation",
        SupportMethod.TaxRelief => "Tax relief",
        SupportMethod.Financing => "Financing support",
        _ => "Other",
    };

    /// <summary>The most this clause can give the firm, when it can be said; null for deferred or non-monetary support.</summary>
    public decimal? EstimateMaximum(EnterpriseProfile profile)
    {
        if (Undetermined)
        {
            return null;
        }

        if (Amount is { } fixedSum)
        {
            return fixedSum;
        }

        if (RatePercent is { } rate && ConditionFields.Find(RateBase) is { Kind: FieldKind.Number } field && field.Range!(profile) is { } basis)
        {
            var share = (decimal)basis.High * rate / 100m;
            return Cap is { } cap ? Math.Min(share, cap) : share;
        }

        return Cap ?? Minimum;
    }

    /// <summary>
    /// The amount as a person reads it: "最高1亿元", "按研发投入的10%，最高500万元", "一事一议"; in English "up to
    /// CNY 100 m", "10% of R&amp;D spend, up to CNY 5 m". The item's name and an amount kept as written are the source's words.
    /// </summary>
    public string Describe(bool english = false)
    {
        if (Undetermined)
        {
            return AmountText ?? (english ? "amount to be decided" : "金额另定");
        }

        var amount = DescribeAmount(english);
        return Label is null || amount.Length == 0 ? amount : english ? $"{Label}: {amount}" : $"{amount}{Label}";
    }

    /// <summary>"Revenue" → "revenue" inside a sentence; "R&amp;D spend" stays.</summary>
    private static string InSentence(string name) => name.Length > 1 && char.IsLower(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private string DescribeAmount(bool english)
    {
        static string Yuan(decimal value, bool english) => english ? ConditionFields.MoneyInEnglish(value) : ConditionFields.Money(value);

        var parts = new List<string>();
        if (Amount is { } a)
        {
            parts.Add(Yuan(a, english));
        }

        if (RatePercent is { } r)
        {
            var field = ConditionFields.Find(RateBase);
            parts.Add(english
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r:0.##}% of {(field is null ? RateBase ?? "the base" : InSentence(field.English))}")
                : $"按{field?.Chinese ?? RateBase ?? "基数"}的{r:0.##}%");
        }

        if (Minimum is { } min)
        {
            parts.Add(english ? "at least " + Yuan(min, english) : Yuan(min, english) + "以上");
        }

        if (Cap is { } c)
        {
            parts.Add(english ? "up to " + Yuan(c, english) : "最高" + Yuan(c, english));
        }

        return parts.Count == 0 ? "" : string.Join(english ? ", " : "，", parts);
    }
}

/// <summary>
/// Everything the calculator needs of one clause, as a plain value (what a revision stores). The support
/// items of one clause are given together ("…和…"), so the most it can bring a firm is their sum.
/// </summary>
public sealed record ClauseTerms(
    string Title,
    string? Beneficiary,
    IReadOnlyList<SupportTerms> Support,
    IReadOnlyList<Condition> Conditions,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? HowToApply,
    string? ResponsibleUnit,
    ClauseStatus Status,
    bool NoApplication = false)
{
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || ValidTo >= date);

    /// <summary>The first item's method: what the clause is listed under.</summary>
    public SupportMethod Method => Support.Count > 0 ? Support[0].Method : SupportMethod.Other;

    /// <summary>Some item's amount is decided case by case (一事一议): the estimate leaves it out.</summary>
    public bool Undetermined => Support.Any(s => s.Undetermined);

    /// <summary>The sum of what each item can bring; null when no item's amount can be said.</summary>
    public decimal? EstimateMaximum(EnterpriseProfile profile)
    {
        decimal? total = null;
        foreach (var item in Support)
        {
            if (item.EstimateMaximum(profile) is { } most)
            {
                total = (total ?? 0) + most;
            }
        }

        return total;
    }

    /// <summary>"最高1亿元项目资助；最高1000万元购房补贴".</summary>
    public string DescribeSupport(bool english = false) => string.Join(english ? "; " : "；", Support.Select(s => s.Describe(english)).Where(d => d.Length > 0));
}
