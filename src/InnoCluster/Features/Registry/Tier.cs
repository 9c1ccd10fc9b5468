using InnoCluster.Infrastructure;
namespace InnoCluster.Features.Registry;

/// <summary>Cultivation tiers (企业梯队) the documents and offices use.</summary>
[FeatureContract]
public enum Tier
{
    Listed = 1,
    Unicorn = 2,
    UnicornCandidate = 3,
    SpecialisedSme = 4,
    LittleGiant = 5,
    Gazelle = 6,
    GazelleCandidate = 7,
    HighTech = 8,
    LeadGoose = 9,
    LeadGooseCandidate = 10,
    ChainLeader = 11,

    /// <summary>知识产权强企 (004: 深入实施知识产权强企培育工程), at the level that named it.</summary>
    IpStrong = 12,
}

[FeatureContract]
public enum TierLevel
{
    Unspecified = 0,
    Global = 1,
    National = 2,
    Provincial = 3,
    Municipal = 4,
    District = 5,
}

[FeatureContract]
public static class TierNames
{
    public static string Chinese(Tier tier) => tier switch
    {
        Tier.Listed => "上市企业",
        Tier.Unicorn => "独角兽企业",
        Tier.UnicornCandidate => "独角兽培育企业",
        Tier.SpecialisedSme => "专精特新企业",
        Tier.LittleGiant => "专精特新“小巨人”",
        Tier.Gazelle => "瞪羚企业",
        Tier.GazelleCandidate => "瞪羚培育企业",
        Tier.HighTech => "高新技术企业",
        Tier.LeadGoose => "头雁企业",
        Tier.LeadGooseCandidate => "头雁培育企业",
        Tier.ChainLeader => "链主企业",
        Tier.IpStrong => "知识产权强企",
        _ => tier.ToString(),
    };

    public static string English(Tier tier) => tier switch
    {
        Tier.Listed => "Listed company",
        Tier.Unicorn => "Unicorn",
        Tier.UnicornCandidate => "Unicorn candidate",
        Tier.SpecialisedSme => "Specialised-and-innovative SME",
        Tier.LittleGiant => "\"Little giant\"",
        Tier.Gazelle => "Gazelle company",
        Tier.GazelleCandidate => "Gazelle candidate",
        Tier.HighTech => "High-tech enterprise",
        Tier.LeadGoose => "Lead-goose enterprise",
        Tier.LeadGooseCandidate => "Lead-goose candidate",
        Tier.ChainLeader => "Chain-leader enterprise",
        Tier.IpStrong => "IP-strong enterprise",
        _ => tier.ToString(),
    };

    public static string Chinese(TierLevel level) => level switch
    {
        TierLevel.Global => "全球",
        TierLevel.National => "国家级",
        TierLevel.Provincial => "省级",
        TierLevel.Municipal => "市级",
        TierLevel.District => "区级",
        _ => "",
    };

    public static string English(TierLevel level) => level switch
    {
        TierLevel.Global => "global",
        TierLevel.National => "national",
        TierLevel.Provincial => "provincial",
        TierLevel.Municipal => "municipal",
        TierLevel.District => "district",
        _ => "",
    };

    /// <summary>The API's stable names for tiers: lower-case, hyphenated ("little-giant").</summary>
    public static string Key(Tier tier) => tier switch
    {
        Tier.Listed => "listed",
        Tier.Unicorn => "unicorn",
        Tier.UnicornCandidate => "unicorn-candidate",
        Tier.SpecialisedSme => "specialised-sme",
        Tier.LittleGiant => "little-giant",
        Tier.Gazelle => "gazelle",
        Tier.GazelleCandidate => "gazelle-candidate",
        Tier.HighTech => "high-tech",
        Tier.LeadGoose => "lead-goose",
        Tier.LeadGooseCandidate => "lead-goose-candidate",
        Tier.ChainLeader => "chain-leader",
        Tier.IpStrong => "ip-strong",
        _ => tier.ToString().ToLowerInvariant(),
    };

    public static bool TryParseKey(string? key, out Tier tier) => RecordWords.TryParse(key, Key, out tier);
}
