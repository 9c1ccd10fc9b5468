namespace InnoCluster.Features.Scenarios;

/// <summary>The sectors demands are filed under: 004 专栏4's AI+ fields and the others the sources name.</summary>
public static class Sectors
{
    public static IReadOnlyList<string> All { get; } = ["AI+制造", "AI+医疗", "AI+交通", "AI+金融", "AI+教育", "AI+文旅", "AI+城市治理", "低空经济", "其他"];

    private static readonly Dictionary<string, string> EnglishNames = new(StringComparer.Ordinal)
    {
        ["AI+制造"] = "AI + manufacturing",
        ["AI+医疗"] = "AI + healthcare",
        ["AI+交通"] = "AI + transport",
        ["AI+金融"] = "AI + finance",
        ["AI+教育"] = "AI + education",
        ["AI+文旅"] = "AI + culture and tourism",
        ["AI+城市治理"] = "AI + city governance",
        ["低空经济"] = "Low-altitude economy",
        ["其他"] = "Other",
    };

    /// <summary>The sector's English name; null for a sector written otherwise (shown as written).</summary>
    public static string? English(string sector) => EnglishNames.GetValueOrDefault(sector);

    /// <summary>The sector as the reader's language names it (a sector with no English name as written).</summary>
    public static string Name(string sector, bool english) => english ? English(sector) ?? sector : sector;
}
