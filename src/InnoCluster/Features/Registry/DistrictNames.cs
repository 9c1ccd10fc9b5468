using InnoCluster.Infrastructure;
using InnoCluster.Text;

namespace InnoCluster.Features.Registry;

/// <summary>
/// The names that mean a district in a given text. A name two districts share (高新区: 苏州高新区 and
/// 无锡高新区) means the one in the city the text speaks of — the city it names most often — and nothing
/// when the text names no city more than the others: an ambiguous name is left unread, never guessed.
/// </summary>
[FeatureContract]
public static class DistrictNames
{
    public static IReadOnlyList<(string Name, DistrictInfo District)> InContext(IReadOnlyList<DistrictInfo> districts, string? text) =>
        InCity(districts, CityOf(districts, text));

    /// <summary>The names meaning a district in a text about <paramref name="city"/>; with no city, no shared name.</summary>
    public static IReadOnlyList<(string Name, DistrictInfo District)> InCity(IReadOnlyList<DistrictInfo> districts, string? city)
    {
        var shared = districts.SelectMany(d => d.AllNames.Distinct()).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. districts.SelectMany(d => d.AllNames.Distinct().Where(n => !shared.Contains(n) || (city is not null && d.City == city)).Select(n => (n, d)))];
    }

    /// <summary>The city the text names most often among the districts' cities; null on a tie or none.</summary>
    public static string? CityOf(IReadOnlyList<DistrictInfo> districts, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var normalized = TextNormalizer.Normalize(text);
        var counts = districts.Select(d => d.City).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(c => (City: c, Mentions: Occurrences(normalized, c))).OrderByDescending(x => x.Mentions).ToList();
        return counts.Count > 0 && counts[0].Mentions > 0 && (counts.Count == 1 || counts[0].Mentions > counts[1].Mentions) ? counts[0].City : null;
    }

    private static int Occurrences(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
