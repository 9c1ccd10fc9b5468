using System.Text.RegularExpressions;
using InnoCluster.Text;

namespace InnoCluster.Features.Registry.Import;

public sealed record ParsedTier(Tier Tier, TierLevel Level, int? Year);

/// <summary>
/// Reads tier cells as offices write them: "专精特新(省级,2023)；高新技术企业", "国家级专精特新小巨人",
/// "独角兽(培育)", "瞪羚企业 2022". Several tiers in one cell are separated by ；;、/ or line breaks.
/// </summary>
public static partial class TierText
{
    [GeneratedRegex(@"(19|20)\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"[;；、/|\n]+|,(?![^()]*\))|，(?![^()（）]*[)）])", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    private static readonly (string Word, TierLevel Level)[] Levels =
    [
        ("国家级", TierLevel.National), ("国家", TierLevel.National), ("省级", TierLevel.Provincial), ("省", TierLevel.Provincial),
        ("市级", TierLevel.Municipal), ("市", TierLevel.Municipal), ("区级", TierLevel.District), ("县级", TierLevel.District), ("区", TierLevel.District),
        ("全球", TierLevel.Global),
    ];

    private static readonly (string Word, Tier Tier, Tier Candidate, TierLevel DefaultLevel)[] Names =
    [
        ("专精特新小巨人", Tier.LittleGiant, Tier.LittleGiant, TierLevel.National),
        ("小巨人", Tier.LittleGiant, Tier.LittleGiant, TierLevel.National),
        ("专精特新中小企业", Tier.SpecialisedSme, Tier.SpecialisedSme, TierLevel.Unspecified),
        ("专精特新", Tier.SpecialisedSme, Tier.SpecialisedSme, TierLevel.Unspecified),
        ("上市公司", Tier.Listed, Tier.Listed, TierLevel.Unspecified),
        ("上市企业", Tier.Listed, Tier.Listed, TierLevel.Unspecified),
        ("上市", Tier.Listed, Tier.Listed, TierLevel.Unspecified),
        ("独角兽", Tier.Unicorn, Tier.UnicornCandidate, TierLevel.Unspecified),
        ("瞪羚", Tier.Gazelle, Tier.GazelleCandidate, TierLevel.Unspecified),
        ("高新技术企业", Tier.HighTech, Tier.HighTech, TierLevel.National),
        ("高新技术", Tier.HighTech, Tier.HighTech, TierLevel.National),
        ("高企", Tier.HighTech, Tier.HighTech, TierLevel.National),
        ("头雁", Tier.LeadGoose, Tier.LeadGooseCandidate, TierLevel.Municipal),
        ("链主", Tier.ChainLeader, Tier.ChainLeader, TierLevel.Unspecified),
        ("知识产权强企", Tier.IpStrong, Tier.IpStrong, TierLevel.Unspecified),
    ];

    public static IReadOnlyList<string> Split(string cell) =>
        Separators().Split(cell).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    public static bool TryParse(string text, out ParsedTier tier)
    {
        var folded = new string([.. text.Select(TextNormalizer.FoldChar)]).Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal);
        folded = folded.Replace("“", string.Empty, StringComparison.Ordinal).Replace("”", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        var yearMatch = YearPattern().Match(folded);
        int? year = yearMatch.Success ? int.Parse(yearMatch.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var rest = YearPattern().Replace(folded, string.Empty);
        var candidate = rest.Contains("培育", StringComparison.Ordinal) && !rest.Contains("含培育", StringComparison.Ordinal);
        rest = rest.Replace("含培育", string.Empty, StringComparison.Ordinal).Replace("培育", string.Empty, StringComparison.Ordinal)
            .Replace("企业", "企业", StringComparison.Ordinal);

        foreach (var (word, found, candidateTier, defaultLevel) in Names)
        {
            var at = rest.IndexOf(word, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var remainder = rest.Remove(at, word.Length).Replace("企业", string.Empty, StringComparison.Ordinal).Replace("年", string.Empty, StringComparison.Ordinal)
                .Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Replace("认定", string.Empty, StringComparison.Ordinal);
            var level = defaultLevel;
            foreach (var (levelWord, value) in Levels)
            {
                if (remainder.Contains(levelWord, StringComparison.Ordinal))
                {
                    level = value;
                    remainder = remainder.Replace(levelWord, string.Empty, StringComparison.Ordinal);
                    break;
                }
            }

            if (remainder.Length > 0)
            {
                // Something we do not understand is left ("专精特新(待定)"): refuse rather than guess.
                break;
            }

            tier = new ParsedTier(candidate ? candidateTier : found, level, year);
            return true;
        }

        tier = default!;
        return false;
    }
}
