using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>A financing round as announcements name it (Pre-A and A+ count as A).</summary>
[FeatureContract]
public enum FinancingRound
{
    Angel = 1,
    SeriesA = 2,
    SeriesB = 3,
    SeriesC = 4,

    /// <summary>D轮及以后, Pre-IPO.</summary>
    Later = 5,

    /// <summary>战略融资: a strategic investment outside the lettered rounds.</summary>
    Strategic = 6,

    /// <summary>A round the source does not name, or another kind (债权, 定向增发).</summary>
    Other = 7,
}

/// <summary>
/// A financing event: the round, the amount where the announcement states one (in 万元), the investors as the
/// source lists them, and the day (granted = the day announced or closed). It does not expire; an event
/// recorded in error is ended with why, and stops counting.
/// </summary>
public sealed class FinancingRecord : EnterpriseRecord
{
    public FinancingRound Round { get; set; }

    /// <summary>The amount in 万元; null when the source gives none or only words (数亿元).</summary>
    public decimal? Amount { get; set; }

    /// <summary>The investors as the source lists them (领投、跟投 in its order).</summary>
    public string? Investors { get; set; }
}
