using System.Text.Json;
using InnoCluster.Features.Plans;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Plans;

/// <summary>What the platform proposes to count for each of 004's 17 targets, as written in the hand-made list of them.</summary>
public sealed class IndicatorSuggestionsTests
{
    /// <summary>004 is the plan for 2023 to 2025.</summary>
    private const int PlanStartYear = 2023;

    [Fact]
    public void WhatIsNew_IsProposedOnlyWhenThePlansFirstYearIsKnown_AndOnlyForCarriers()
    {
        Assert.Null(IndicatorSuggestions.For("新增科研载体及创新应用中心", "家", TargetPeriod.ByDeadline));

        // 004 writes 新增 before the figure: "…1-2个国家人工智能开放创新平台,新增建成5家科研载体及创新应用中心;" — the target's name leaves it out.
        const string Sentence = "力争建成1-2家人工智能领域国家(省)重点实验室及工程技术研究中心、1-2个国家人工智能开放创新平台,新增建成5家科研载体及创新应用中心;";
        Assert.Equal("新增建成5家科研载体及创新应用中心", IndicatorSuggestions.Clause(Sentence, "5家"));
        Assert.Equal("carriers:research-institute,innovation-centre,laboratory+2023", IndicatorSuggestions.For("科研载体及创新应用中心", "家", TargetPeriod.ByDeadline, PlanStartYear, IndicatorSuggestions.Clause(Sentence, "5家")));
        Assert.Equal("carriers:open-innovation-platform/national", IndicatorSuggestions.For("国家人工智能开放创新平台", "个", TargetPeriod.ByDeadline, PlanStartYear, IndicatorSuggestions.Clause(Sentence, "1-2个")));
        Assert.Null(IndicatorSuggestions.For("新增超十亿级企业", "家", TargetPeriod.ByDeadline, PlanStartYear));
        Assert.Null(IndicatorSuggestions.For("新增“头雁”企业", "家", TargetPeriod.ByDeadline, PlanStartYear));
        Assert.Equal("carriers:talent-base+2024", IndicatorSuggestions.For("新增实训基地", "个", TargetPeriod.ByDeadline, 2024));
        Assert.Null(IndicatorSuggestions.For("带动相关产业规模", "元", TargetPeriod.ByDeadline, PlanStartYear));
        Assert.Equal("compute:intelligent", IndicatorSuggestions.For("智能算力规模", "P", TargetPeriod.ByDeadline, PlanStartYear));
        Assert.Equal("compute:total", IndicatorSuggestions.For("算力总规模", "P", TargetPeriod.ByDeadline, PlanStartYear));
    }

    [Fact]
    public void TheActionPlansTargets_GetTheCountsTheirNamesCallFor_AndNoneWhereNoCountFits()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("plan/targets-004.json")));
        var suggested = json.RootElement.GetProperty("targets").EnumerateArray()
            .Select(t => IndicatorSuggestions.For(t.GetProperty("name").GetString()!, t.GetProperty("unit").GetString()!, Enum.Parse<TargetPeriod>(t.GetProperty("period").GetString()!), PlanStartYear))
            .ToList();
        string?[] expected =
        [
            "figures:revenue", // 核心产业规模: the firms' revenue summed, in 元
            null, // 带动相关产业规模: the related industries driven are not a registry sum
            "tiers:listed,unicorn", "tiers:lead-goose",
            "figures:revenue>=50", "figures:revenue>=10", // 超五十亿级 / 超十亿级企业: firms of that revenue in the last full year
            "carriers:key-laboratory,engineering-research-centre/provincial", "carriers:open-innovation-platform/national",
            "carriers:research-institute,innovation-centre,laboratory+2023", // 新增科研载体: carriers first built or recognised since the plan began
            "calls:challenge-list", "certifications:first-edition-software/provincial", "calls:key-technology-project",
            "certifications:fusion-innovation-product/provincial", "calls:demonstration-project",
            "calls:demonstration-project", // 每年度 示范项目: counted per year
            "carriers:identifier-resolution-node", // 标识解析二级节点: kept as carriers
            "carriers:talent-base",
        ];
        Assert.Equal(expected, suggested);
        Assert.Equal(16, suggested.Count(s => s is not null));
        Assert.All(suggested.OfType<string>(), spec => Assert.True(ComputedIndicator.TryParse(spec, out _), spec));
    }
}
