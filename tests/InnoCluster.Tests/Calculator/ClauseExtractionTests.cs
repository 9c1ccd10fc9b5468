using System.Text.Json;
using InnoCluster.Features.Calculator;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Calculator;

/// <summary>
/// Clause extraction measured against hand-judged real sentences (tests/fixtures/clauses/judged-clauses.json):
/// detection, amounts and conditions, as precision and recall. Floors are set from measurement.
/// </summary>
public sealed class ClauseExtractionTests(ITestOutputHelper output)
{
    /// <summary>A judged sentence; <see cref="Previous"/> is the sentence before it when the clause refers back to it (对入围企业).</summary>
    private sealed record Judged(string Source, string Sentence, bool Clause, string[] Amounts, string[] Conditions, string? Previous);

    private static List<Judged> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("clauses/judged-clauses.json")));
        return [.. json.RootElement.GetProperty("sentences").EnumerateArray().Select(s => new Judged(
            s.GetProperty("source").GetString()!,
            s.GetProperty("sentence").GetString()!,
            s.GetProperty("clause").GetBoolean(),
            [.. s.GetProperty("amounts").EnumerateArray().Select(a => a.GetString()!)],
            [.. s.GetProperty("conditions").EnumerateArray().Select(a => Key(a.GetString()!))],
            s.TryGetProperty("previous", out var previous) ? previous.GetString() : null))];
    }

    /// <summary>"tier in b,a" and "tier in a,b" are the same condition.</summary>
    private static string Key(string condition)
    {
        var parts = condition.Split(' ', 3);
        return parts.Length == 3 ? $"{parts[0]} {parts[1]} {string.Join(",", parts[2].Split(',').Order(StringComparer.Ordinal))}" : condition;
    }

    private static string Key(Condition c) => c.IsStructured ? Key(ConditionRules.ToLine(c)) : "text:" + c.Text;

    public sealed record Scores(double DetectionPrecision, double DetectionRecall, double AmountPrecision, double AmountRecall, double ConditionPrecision, double ConditionRecall, int Sentences);

    public static Scores Measure(Action<string>? log = null)
    {
        var judged = Load();
        int tp = 0, fp = 0, fn = 0, atp = 0, afp = 0, afn = 0, ctp = 0, cfp = 0, cfn = 0;
        foreach (var j in judged)
        {
            var proposed = ClauseExtractor.ProposeSentence(j.Sentence, [], [], j.Previous);
            tp += proposed is not null && j.Clause ? 1 : 0;
            fp += proposed is not null && !j.Clause ? 1 : 0;
            fn += proposed is null && j.Clause ? 1 : 0;

            var amounts = proposed?.Amounts.Select(a => a.Key).ToHashSet() ?? [];
            var conditions = proposed?.Conditions.Select(Key).ToHashSet() ?? [];
            atp += j.Amounts.Count(amounts.Contains);
            afn += j.Amounts.Count(a => !amounts.Contains(a));
            afp += amounts.Count(a => !j.Amounts.Contains(a));
            ctp += j.Conditions.Count(conditions.Contains);
            cfn += j.Conditions.Count(c => !conditions.Contains(c));
            cfp += conditions.Count(c => !j.Conditions.Contains(c));
            if (log is not null && (!amounts.SetEquals(j.Amounts) || !conditions.SetEquals(j.Conditions) || (proposed is not null) != j.Clause))
            {
                log($"{j.Sentence}\n  judged: clause={j.Clause} [{string.Join("; ", j.Amounts)}] [{string.Join("; ", j.Conditions)}]\n  got:    clause={proposed is not null} [{string.Join("; ", amounts)}] [{string.Join("; ", conditions)}]");
            }
        }

        static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
        return new Scores(Ratio(tp, tp + fp), Ratio(tp, tp + fn), Ratio(atp, atp + afp), Ratio(atp, atp + afn), Ratio(ctp, ctp + cfp), Ratio(ctp, ctp + cfn), judged.Count);
    }

    [Fact]
    public void JudgedSet_IsLargeEnoughAndCoversAmountsConditionsAndNegatives()
    {
        var judged = Load();
        Assert.True(judged.Count >= 30);
        Assert.True(judged.Count(j => !j.Clause) >= 5);
        Assert.True(judged.Sum(j => j.Amounts.Length) >= 12);
        Assert.True(judged.Sum(j => j.Conditions.Length) >= 20);
    }

    [Fact]
    public void Extraction_MeetsTheMeasuredFloors()
    {
        var scores = Measure(output.WriteLine);
        output.WriteLine(scores.ToString());
        Assert.True(scores.DetectionPrecision >= 0.95 && scores.DetectionRecall >= 0.95, scores.ToString());
        Assert.True(scores.AmountPrecision >= 0.95 && scores.AmountRecall >= 0.95, scores.ToString());
        Assert.True(scores.ConditionPrecision >= 0.70 && scores.ConditionRecall >= 0.80, scores.ToString());
    }

    [Fact]
    public void Extract_ThresholdsTiersAndRates_FromPolicyLanguage()
    {
        var proposed = ClauseExtractor.ProposeSentence(
            "对上年度营业收入首次突破1亿元、研发投入占营业收入比例不低于5%且成立未满5年的国家级专精特新“小巨人”企业，按研发投入的10%给予补助，最高不超过500万元。", [], [])!;
        Assert.Equal(SupportMethod.Subsidy, proposed.Method);
        Assert.Equal(
            ["age < 5", "rd-ratio >= 5", "revenue > 100000000", "tier in little-giant"],
            proposed.Conditions.Select(ConditionRules.ToLine).Order(StringComparer.Ordinal));
        Assert.Equal(["cap:5000000", "rate:10"], proposed.Amounts.Select(a => a.Key).Order(StringComparer.Ordinal));
        var item = Assert.Single(proposed.Support);
        Assert.Equal(("rd-spend", 10m, 5_000_000m, "补助"), (item.RateBase, item.RatePercent, item.Cap, item.Label));
    }

    [Fact]
    public void Extract_TwoInstrumentsInOneSentence_AreTwoSupportItems_ForTheNamedBeneficiary()
    {
        var proposed = ClauseExtractor.ProposeSentence("對于頂尖人才,蘇州給予最高1億元項目資助和最高1000萬元購房補貼。", [], [])!;
        Assert.Equal("顶尖人才", proposed.Beneficiary);
        Assert.Equal(
            [(SupportMethod.Subsidy, 100_000_000m, "项目资助"), (SupportMethod.Subsidy, 10_000_000m, "购房补贴")],
            proposed.Support.Select(s => (s.Method, s.Cap!.Value, s.Label!)));
        var terms = new ClauseTerms("人才", proposed.Beneficiary, proposed.Support, [], null, null, null, null, ClauseStatus.Confirmed);
        Assert.Equal(110_000_000m, terms.EstimateMaximum(new EnterpriseProfile()));
        Assert.Equal("最高1亿元项目资助；最高1,000万元购房补贴", terms.DescribeSupport());
    }

    [Theory]
    [InlineData("每家企业最高100万元，单个项目最高50万元，给予补贴。", 1)]
    [InlineData("受理的举报经调查属实的，受理举报的部门或者机构应当给予最先举报人1000元至1万元的奖励。", 1)]
    [InlineData("给予企业最高200万元奖励，给予团队最高50万元奖励。", 2)]
    public void Extract_AmountsWithoutTheirOwnSupportWord_StayOneItem(string sentence, int items)
    {
        var proposed = ClauseExtractor.ProposeSentence(sentence, [], [])!;
        Assert.Equal(items, proposed.Support.Count);
    }

    [Fact]
    public void Extract_ARecipientNamedBeforeTheAmount_IsTheItemsBeneficiary()
    {
        var proposed = ClauseExtractor.ProposeSentence("受理的举报经调查属实的，受理举报的部门或者机构应当给予最先举报人1000元至1万元的奖励。", [], [])!;
        var item = Assert.Single(proposed.Support);
        Assert.Equal(("最先举报人", "奖励", 1_000m, 10_000m), (item.Beneficiary, item.Label, item.Minimum!.Value, item.Cap!.Value));
        Assert.Null(proposed.Beneficiary);
    }

    [Fact]
    public void Extract_DeferredAmount_IsFlaggedAndCarriesNoNumber()
    {
        var proposed = ClauseExtractor.ProposeSentence("对引进的重大项目，经认定后给予支持，具体金额一事一议。", [], [])!;
        var item = Assert.Single(proposed.Support);
        Assert.True(item.Undetermined);
        Assert.Null(item.Amount);
        Assert.Null(item.Cap);
        Assert.Equal("一事一议", item.AmountText);
        Assert.Equal("引进的重大项目", proposed.Beneficiary);
    }

    [Fact]
    public void Propose_ForAdmittedFirms_ReadsWhoTheyAreFromTheSentenceBefore()
    {
        // 004: "…开展“头雁”企业及“头雁”培育企业评选工作,优先选择…。对入围企业,优先对上推荐争取…扶持。"
        var plan = File.ReadAllText(Directory.GetFiles(TestPaths.SeedDocuments, "004_*").Single());
        var admitted = Assert.Single(ClauseExtractor.Propose(plan), p => p.Sentence.StartsWith("对入围企业", StringComparison.Ordinal));
        var tier = Assert.Single(admitted.Conditions, c => c.Field == "tier");
        Assert.Equal(["lead-goose", "lead-goose-candidate"], tier.Value!.Split(',').Order(StringComparer.Ordinal));
    }
}
