using System.Text.Json;
using InnoCluster.Features.Plans;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Plans;

/// <summary>What the platform proposes to count for each of 004's 17 targets, as written in the hand-made list of them.</summary>
public sealed class IndicatorSuggestionsTests
{
    [Fact]
    public void TheActionPlansTargets_GetTheCountsTheirNamesCallFor_AndNoneWhereNoCountFits()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("plan/targets-004.json")));
        var suggested = json.RootElement.GetProperty("targets").EnumerateArray()
            .Select(t => IndicatorSuggestions.For(t.GetProperty("name").GetString()!, t.GetProperty("unit").GetString()!, Enum.Parse<TargetPeriod>(t.GetProperty("period").GetString()!)))
            .ToList();
        string?[] expected =
        [
            "figures:revenue", // 核心产业规模: the firms' revenue summed, in 元
            null, // 带动相关产业规模: the related industries driven are not a registry sum
            "tiers:listed,unicorn", "tiers:lead-goose",
            "figures:revenue>=50", "figures:revenue>=10", // 超五十亿级 / 超十亿级企业: firms of that revenue in the last full year
            "carriers:key-laboratory,engineering-research-centre/provincial", "carriers:open-innovation-platform/national",
            null, // 新增科研载体: what is new since the plan began cannot be told from what stands
            "calls:challenge-list", "certifications:first-edition-software/provincial", "calls:key-technology-project",
            "certifications:fusion-innovation-product/provincial", "calls:demonstration-project",
            "calls:demonstration-project", // 每年度 示范项目: counted per year
            null, // 标识解析二级节点: not kept
            "carriers:talent-base",
        ];
        Assert.Equal(expected, suggested);
        Assert.All(suggested.OfType<string>(), spec => Assert.True(ComputedIndicator.TryParse(spec, out _), spec));
    }
}
