using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>The names of the record kinds in both languages, and the API's stable keys for them.</summary>
[FeatureContract]
public static class RecordWords
{
    public static string Key(CertificationKind kind) => kind switch
    {
        CertificationKind.FirstEditionSoftware => "first-edition-software",
        CertificationKind.FusionInnovationProduct => "fusion-innovation-product",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Name(CertificationKind kind, bool english) => kind switch
    {
        CertificationKind.FirstEditionSoftware => english ? "First-edition software product" : "首版次软件产品",
        CertificationKind.FusionInnovationProduct => english ? "AI fusion innovation product" : "人工智能融合创新产品",
        _ => kind.ToString(),
    };

    public static string Key(FilingKind kind) => kind switch
    {
        FilingKind.Algorithm => "algorithm",
        FilingKind.LargeModel => "large-model",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Name(FilingKind kind, bool english) => kind switch
    {
        FilingKind.Algorithm => english ? "Algorithm filing" : "算法备案",
        FilingKind.LargeModel => english ? "Generative AI (large model) filing" : "生成式人工智能（大模型）备案",
        _ => kind.ToString(),
    };

    public static string Key(FinancingRound round) => round switch
    {
        FinancingRound.SeriesA => "a",
        FinancingRound.SeriesB => "b",
        FinancingRound.SeriesC => "c",
        _ => round.ToString().ToLowerInvariant(),
    };

    public static string Name(FinancingRound round, bool english) => round switch
    {
        FinancingRound.Angel => english ? "Seed or angel round" : "种子/天使轮",
        FinancingRound.SeriesA => english ? "Series A" : "A轮",
        FinancingRound.SeriesB => english ? "Series B" : "B轮",
        FinancingRound.SeriesC => english ? "Series C" : "C轮",
        FinancingRound.Later => english ? "Series D or later" : "D轮及以后",
        FinancingRound.Strategic => english ? "Strategic investment" : "战略融资",
        _ => english ? "Other financing" : "其他融资",
    };

    public static string Key(StandardLevel level) => level.ToString().ToLowerInvariant();

    public static string Name(StandardLevel level, bool english) => level switch
    {
        StandardLevel.International => english ? "international" : "国际标准",
        StandardLevel.National => english ? "national" : "国家标准",
        StandardLevel.Industry => english ? "industry" : "行业标准",
        StandardLevel.Local => english ? "local" : "地方标准",
        StandardLevel.Group => english ? "group (association)" : "团体标准",
        StandardLevel.Enterprise => english ? "enterprise" : "企业标准",
        _ => level.ToString(),
    };

    public static string Key(StandardRole role) => role == StandardRole.Lead ? "lead" : "participant";

    public static string Name(StandardRole role, bool english) => role == StandardRole.Lead ? (english ? "led" : "牵头") : (english ? "joined" : "参与");

    public static string Key(TierLevel level) => level == TierLevel.Unspecified ? "" : level.ToString().ToLowerInvariant();

    public static string Name(RecordStanding standing, bool english) => standing switch
    {
        RecordStanding.Held => english ? "valid" : "有效",
        RecordStanding.NotYet => english ? "not yet in force" : "尚未生效",
        RecordStanding.Expired => english ? "expired" : "已到期",
        RecordStanding.Ended => english ? "ended" : "已终止",
        RecordStanding.Proposed => english ? "proposed, awaiting the office" : "待集群办确认",
        RecordStanding.Rejected => english ? "returned" : "已退回",
        _ => standing.ToString(),
    };

    /// <summary>Parses an API key (or the enum's name) of any of the record enums; false for an unknown one.</summary>
    public static bool TryParse<T>(string? key, Func<T, string> keyOf, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(keyOf(candidate), key?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Whether <paramref name="level"/> is at <paramref name="atLeast"/> or higher (national is higher than provincial); an unspecified level never is.</summary>
    public static bool AtLeast(TierLevel level, TierLevel atLeast) => level != TierLevel.Unspecified && level <= atLeast;
}
