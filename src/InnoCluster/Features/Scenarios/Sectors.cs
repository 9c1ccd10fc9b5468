namespace InnoCluster.Features.Scenarios;

/// <summary>The sectors demands are filed under: 004 专栏4's AI+ fields and the others the sources name.</summary>
public static class Sectors
{
    public static IReadOnlyList<string> All { get; } = ["AI+制造", "AI+医疗", "AI+交通", "AI+金融", "AI+教育", "AI+文旅", "AI+城市治理", "低空经济", "其他"];
}
