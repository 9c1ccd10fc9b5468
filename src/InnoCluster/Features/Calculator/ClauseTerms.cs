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
/// The support a clause gives, in 元. <see cref="Amount"/> is a fixed sum, <see cref="Cap"/> a maximum
/// (最高/不超过), <see cref="Minimum"/> a floor (以上), <see cref="RatePercent"/> a share of
/// <see cref="RateBase"/> (按研发投入的10%). When the text defers the amount (一事一议, 另行研究),
/// <see cref="Undetermined"/> is set and no number is made up.
/// </summary>
public sealed record SupportTerms(
    SupportMethod Method,
    decimal? Amount = null,
    decimal? Cap = null,
    decimal? Minimum = null,
    decimal? RatePercent = null,
    string? RateBase = null,
    string? AmountText = null,
    bool Undetermined = false)
{
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

    /// <summary>The amount as a person reads it: "最高1亿元", "按研发投入的10%，最高500万元", "一事一议".</summary>
    public string Describe()
    {
        if (Undetermined)
        {
            return AmountText ?? "金额另定";
        }

        var parts = new List<string>();
        if (Amount is { } a)
        {
            parts.Add(ConditionFields.Money(a));
        }

        if (RatePercent is { } r)
        {
            var basis = ConditionFields.Find(RateBase)?.Chinese ?? RateBase ?? "基数";
            parts.Add($"按{basis}的{r:0.##}%");
        }

        if (Minimum is { } min)
        {
            parts.Add(ConditionFields.Money(min) + "以上");
        }

        if (Cap is { } c)
        {
            parts.Add("最高" + ConditionFields.Money(c));
        }

        return parts.Count == 0 ? "" : string.Join("，", parts);
    }
}

/// <summary>Everything the calculator needs of one clause, as a plain value (what a revision stores).</summary>
public sealed record ClauseTerms(
    string Title,
    string? Beneficiary,
    SupportTerms Support,
    IReadOnlyList<Condition> Conditions,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? HowToApply,
    string? ResponsibleUnit,
    ClauseStatus Status)
{
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || ValidTo >= date);
}
