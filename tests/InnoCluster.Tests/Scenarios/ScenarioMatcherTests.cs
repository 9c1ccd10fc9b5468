using InnoCluster.Features.Scenarios;

namespace InnoCluster.Tests.Scenarios;

/// <summary>The scorer on hand-made profiles: which evidence counts, how much, and what it reports.</summary>
public sealed class ScenarioMatcherTests
{
    private static MatchProfile Profile(CandidateKind kind, int id, string text, string[]? capabilities = null, string[]? sectors = null, string[]? nodes = null, int? district = null, int landed = 0) =>
        new(kind, id, kind == CandidateKind.Demand ? null : id, $"{kind}{id}", text, ScenarioMatcher.KeyTerms(text), capabilities ?? [], sectors ?? [],
            (nodes ?? []).ToHashSet(StringComparer.Ordinal), district, landed);

    private static readonly MatchProfile Demand = Profile(CandidateKind.Demand, 1, "电池极片表面缺陷检测：产线需要机器视觉在线检测划痕和漏涂，节拍每分钟120片。",
        capabilities: ["机器视觉", "缺陷检测"], sectors: ["AI+制造"], nodes: ["industrial-vision"], district: 7);

    [Fact]
    public void Rank_VisionVendorAboveVoiceVendor_WithTheSharedEvidenceNamed()
    {
        var vision = Profile(CandidateKind.Solution, 10, "基于深度学习的机器视觉缺陷检测系统，适用于电池极片、薄膜表面的划痕与漏涂检测。", ["机器视觉", "缺陷检测"], ["AI+制造"], ["industrial-vision"], 7);
        var voice = Profile(CandidateKind.Solution, 11, "车载语音助手，支持多轮对话和方言识别。", ["语音识别"], ["AI+交通"], ["speech"], 3, landed: 5);
        var ranked = new ScenarioMatcher(new MatchWeights()).Rank(Demand, [voice, vision]);

        var best = ranked[0];
        Assert.Equal(10, best.Candidate.Id);
        Assert.Contains("极片", best.Reasons.SharedTerms);
        Assert.Contains("漏涂", best.Reasons.SharedTerms);
        Assert.Equal(["机器视觉", "缺陷检测"], best.Reasons.SharedCapabilities);
        Assert.Equal(["industrial-vision"], best.Reasons.SharedChainNodes);
        Assert.True(best.Reasons.SameSector && best.Reasons.SameDistrict);
        // The voice vendor shares nothing about the problem: its five landed cases alone do not make it a match.
        Assert.DoesNotContain(ranked, m => m.Candidate.Id == 11);
    }

    [Fact]
    public void Rank_NewVendorWithNoHistory_StillBeatsAnExperiencedButLessFittingOne()
    {
        var newcomer = Profile(CandidateKind.Enterprise, 20, "极片缺陷检测 机器视觉 漏涂 划痕 在线检测", nodes: ["industrial-vision"]);
        var veteran = Profile(CandidateKind.Enterprise, 21, "工业相机与机器视觉光源", nodes: ["industrial-vision"], landed: 12);
        var ranked = new ScenarioMatcher(new MatchWeights()).Rank(Demand, [veteran, newcomer]);
        Assert.Equal([20, 21], ranked.Select(m => m.Candidate.Id));
        Assert.Equal(0, ranked[0].Reasons.Landed);
    }

    [Fact]
    public void Rank_WeightsComeFromConfiguration_AndChangeTheOrder()
    {
        var wordy = Profile(CandidateKind.Solution, 30, "极片 划痕 漏涂 节拍 在线检测 表面缺陷");
        var local = Profile(CandidateKind.Solution, 31, "机器视觉", ["机器视觉", "缺陷检测"], ["AI+制造"], ["industrial-vision"], 7);
        var byText = new ScenarioMatcher(new MatchWeights { Text = 1, Capabilities = 0, ChainNodes = 0, Sector = 0, District = 0, TrackRecord = 0 }).Rank(Demand, [local, wordy]);
        var byStructure = new ScenarioMatcher(new MatchWeights { Text = 0.05, Capabilities = 1, ChainNodes = 1, Sector = 1, District = 1, TrackRecord = 0 }).Rank(Demand, [wordy, local]);
        Assert.Equal(30, byText[0].Candidate.Id);
        Assert.Equal(31, byStructure[0].Candidate.Id);
    }

    [Fact]
    public void Rank_TrackRecordSaturates_AndRareWordsCountMoreThanCommonOnes()
    {
        var weights = new MatchWeights { Text = 0, Capabilities = 0, ChainNodes = 1, Sector = 0, District = 0, TrackRecord = 1 };
        var one = Profile(CandidateKind.Enterprise, 40, "机器视觉", nodes: ["industrial-vision"], landed: 1);
        var three = Profile(CandidateKind.Enterprise, 41, "机器视觉", nodes: ["industrial-vision"], landed: 3);
        var ranked = new ScenarioMatcher(weights).Rank(Demand, [one, three]);
        Assert.Equal(1.75, ranked[0].Score, 3);
        Assert.Equal(1.5, ranked[1].Score, 3);

        // 检测 is in every candidate; 漏涂 in one: the one sharing the rare word ranks first on text alone.
        var textOnly = new MatchWeights { Text = 1, Capabilities = 0, ChainNodes = 0, Sector = 0, District = 0, TrackRecord = 0 };
        var common = Enumerable.Range(50, 5).Select(i => Profile(CandidateKind.Solution, i, "在线检测 划痕")).ToList();
        var rare = Profile(CandidateKind.Solution, 60, "漏涂 极片");
        var byRarity = new ScenarioMatcher(textOnly).Rank(Demand, [.. common, rare]);
        Assert.Equal(60, byRarity[0].Candidate.Id);
    }
}

/// <summary>The pipeline's rule: one stage forward at a time, drop until landed, never back.</summary>
public sealed class DockingRulesTests
{
    [Theory]
    [InlineData(DockingStage.Proposed, DockingStage.Contacted, true)]
    [InlineData(DockingStage.Negotiating, DockingStage.Signed, true)]
    [InlineData(DockingStage.Signed, DockingStage.Landed, true)]
    [InlineData(DockingStage.Landed, DockingStage.Demonstration, true)]
    [InlineData(DockingStage.Negotiating, DockingStage.Landed, false)]
    [InlineData(DockingStage.Proposed, DockingStage.Signed, false)]
    [InlineData(DockingStage.Signed, DockingStage.Negotiating, false)]
    [InlineData(DockingStage.Signed, DockingStage.Signed, false)]
    [InlineData(DockingStage.Docking, DockingStage.Dropped, true)]
    [InlineData(DockingStage.Landed, DockingStage.Dropped, false)]
    [InlineData(DockingStage.Dropped, DockingStage.Contacted, false)]
    public void WhyNot_AllowsOnlyTheNextStageOrDroppingBeforeLanded(DockingStage from, DockingStage to, bool allowed) =>
        Assert.Equal(allowed, DockingRules.WhyNot(from, to) is null);

    [Fact]
    public void WhyNot_LandedBeforeSigned_NamesTheMissingStage()
    {
        var why = DockingRules.WhyNot(DockingStage.Negotiating, DockingStage.Landed);
        Assert.Contains("签约", why, StringComparison.Ordinal);
        Assert.Contains("Signed", why, StringComparison.Ordinal);
    }
}

public sealed class BudgetTests
{
    [Theory]
    [InlineData("50-100万", 500_000, 1_000_000)]
    [InlineData("30万元", 300_000, 300_000)]
    [InlineData("2亿", 200_000_000, 200_000_000)]
    [InlineData("80000元", 80_000, 80_000)]
    public void Read_AmountsAndRanges_InYuan(string text, double min, double max)
    {
        var (low, high, error) = Budget.Read(text);
        Assert.Null(error);
        Assert.Equal((decimal)min, low);
        Assert.Equal((decimal)max, high);
    }

    [Theory]
    [InlineData("面议")]
    [InlineData("预算面议")]
    [InlineData("")]
    public void Read_NegotiableOrEmpty_KeepsNoNumbersAndNoError(string text) =>
        Assert.Equal((null, null, null), Budget.Read(text));

    [Theory]
    [InlineData("看情况")]
    [InlineData("100-50万")]
    public void Read_Unreadable_GivesAFieldError(string text) =>
        Assert.NotNull(Budget.Read(text).Error);
}
