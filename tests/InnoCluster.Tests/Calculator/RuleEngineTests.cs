using FsCheck;
using FsCheck.Fluent;
using InnoCluster.Features.Calculator;
using InnoCluster.Features.Registry;

namespace InnoCluster.Tests.Calculator;

/// <summary>The rule engine's three-valued logic, by property (FsCheck) and by example.</summary>
public sealed class RuleEngineTests
{
    private static readonly Gen<Truth> Truths = Gen.Elements(Truth.False, Truth.Unknown, Truth.True);

    private static readonly string[] Districts = ["sip", "wuzhong", "kunshan"];

    private static readonly string[] Nodes = ["smart-chips", "foundation", "robots", "application"];

    /// <summary>Conditions over every field, with thresholds around the values profiles take.</summary>
    private static readonly Gen<Condition> Conditions =
        from field in Gen.Elements(ConditionFields.All.ToArray())
        from op in Gen.Elements(field.Operators.ToArray())
        from low in Gen.Choose(0, 60)
        from width in Gen.Choose(0, 30)
        from members in Gen.SubListOf(field.Key switch { "tier" => ["listed", "unicorn", "high-tech", "little-giant"], "district" => Districts, "chain" => Nodes, _ => new[] { "x" } })
        from flag in Gen.Elements("true", "false")
        select ConditionRules.Check(new Condition(field.Key, op, field.Kind switch
        {
            FieldKind.Number when op == "between" => $"{low}..{low + width}",
            FieldKind.Number => low.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FieldKind.Set => string.Join(",", members.DefaultIfEmpty(field.Key == "tier" ? "listed" : field.Key == "district" ? "sip" : "robots")),
            _ => flag,
        }));

    private sealed record Partial(double? Revenue, double? Rd, double? Employees, double? Growth, (double, double)? Age, string? District, string[] Chain, ulong Tiers, bool Algorithm, bool Model, bool Credit);

    private static readonly Gen<double?> Maybe = from known in Gen.Elements(true, false) from v in Gen.Choose(0, 60) select known ? (double?)v : null;

    // Revenue is positive when known: an R&D share of zero revenue is undefined, and stays unknown.
    private static readonly Gen<Partial> Partials =
        from revenue in Maybe.Select(r => r is { } v ? v + 1 : r)
        from rd in Maybe
        from employees in Maybe
        from growth in Maybe
        from age in Gen.Choose(-1, 40)
        from yearOnly in Gen.Elements(true, false)
        from district in Gen.Elements(Districts.Cast<string?>().Append(null).ToArray())
        from chain in Gen.SubListOf(Nodes)
        from tiers in Gen.Choose(0, 4095)
        from algorithm in Gen.Elements(true, false)
        from model in Gen.Elements(true, false)
        from credit in Gen.Elements(true, false)
        select new Partial(revenue, rd, employees, growth, age < 0 ? null : yearOnly && age > 0 ? (age - 1, age) : (age, age), district, [.. chain], (ulong)tiers << 1, algorithm, model, credit);

    private static EnterpriseProfile Profile(Partial p) => new()
    {
        EnterpriseId = 1,
        Revenue = p.Revenue,
        RdSpend = p.Rd,
        Employees = p.Employees,
        RevenueGrowthPercent = p.Growth,
        AgeYears = p.Age,
        DistrictCode = p.District,
        ChainCodes = p.Chain.ToHashSet(),
        Tiers = p.Tiers,
        HasAlgorithmFiling = p.Algorithm,
        HasLargeModelFiling = p.Model,
        HasCreditCode = p.Credit,
    };

    /// <summary>A completion of a partial profile: every unknown filled with some value, known values kept.</summary>
    private static Gen<Partial> Completions(Partial p) =>
        from revenue in Gen.Choose(0, 60)
        from rd in Gen.Choose(0, 60)
        from employees in Gen.Choose(0, 60)
        from growth in Gen.Choose(0, 60)
        from age in Gen.Choose(0, 40)
        from lowEnd in Gen.Elements(true, false)
        from district in Gen.Elements(Districts)
        from chain in Gen.NonEmptyListOf(Gen.Elements(Nodes))
        select p with
        {
            Revenue = p.Revenue ?? revenue + 1,
            Rd = p.Rd ?? rd,
            Employees = p.Employees ?? employees,
            Growth = p.Growth ?? growth,
            Age = p.Age is { } a ? (lowEnd ? (a.Item1, a.Item1) : (a.Item2, a.Item2)) : (age, age),
            District = p.District ?? district,
            Chain = p.Chain.Length > 0 ? p.Chain : [.. chain.Distinct()],
            Credit = true,
        };

    [Fact]
    public void Kleene_AndOrNot_KeepTheirLaws() =>
        Prop.ForAll(Arb.From(from a in Truths from b in Truths from c in Truths select (a, b, c)), t =>
        {
            var (a, b, c) = t;
            return a.And(b) == b.And(a)
                && a.Or(b) == b.Or(a)
                && a.And(b).And(c) == a.And(b.And(c))
                && a.And(b).Not() == a.Not().Or(b.Not())
                && a.Or(b).Not() == a.Not().And(b.Not())
                && a.Not().Not() == a
                && a.And(Truth.True) == a
                && a.And(Truth.False) == Truth.False
                && a.Or(Truth.True) == Truth.True;
        }).QuickCheckThrowOnFailure();

    /// <summary>
    /// Missing data is never read as false: whatever an unknown turns out to be, an answer given on partial
    /// data (true or false) stays the same once the data is filled in.
    /// </summary>
    [Fact]
    public void Condition_AnswerOnPartialData_NeverChangesWhenTheDataIsFilledIn()
    {
        var cases = from condition in Conditions from partial in Partials from complete in Completions(partial) select (condition, partial, complete);
        Prop.ForAll(Arb.From(cases), t =>
        {
            var test = ConditionRules.Compile(t.condition);
            var before = test(Profile(t.partial));
            var after = test(Profile(t.complete));
            return (before == Truth.Unknown || before == after).Label($"{ConditionRules.ToLine(t.condition)}: {before} on {t.partial}, {after} on {t.complete}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    /// <summary>On a fully known profile every structured condition answers true or false.</summary>
    [Fact]
    public void Condition_OnCompleteData_IsNeverUnknown()
    {
        var cases = from condition in Conditions from partial in Partials from complete in Completions(partial) select (condition, complete);
        Prop.ForAll(Arb.From(cases), t => !t.condition.IsStructured || ConditionRules.Compile(t.condition)(Profile(t.complete)) != Truth.Unknown)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    /// <summary>A clause's grouping is the conjunction of its conditions, and the fast verdict agrees with the detailed one.</summary>
    [Fact]
    public void Clause_VerdictIsTheConjunction_AndAgreesWithTheDetailedResult()
    {
        var cases = from conditions in Gen.ListOf(Conditions) from partial in Partials select (conditions, partial);
        Prop.ForAll(Arb.From(cases), t =>
        {
            var clause = new CompiledClause(1, new ClauseTerms("t", null, [new SupportTerms(SupportMethod.Award)], [.. t.conditions], null, null, null, null, ClauseStatus.Confirmed));
            var profile = Profile(t.partial);
            var expected = t.conditions.Select(c => ConditionRules.Compile(c)(profile)).Aggregate(Truth.True, (x, y) => x.And(y));
            var detailed = clause.Evaluate(profile, Wording(english: false));
            var (failed, unknown) = clause.Count(profile);
            var grouped = expected switch { Truth.True => Eligibility.Eligible, Truth.Unknown => Eligibility.PossiblyEligible, _ => Eligibility.NotEligible };
            return clause.Verdict(profile) == expected && detailed.Eligibility == grouped
                && (failed > 0) == (expected == Truth.False) && (failed == 0 && unknown > 0) == (expected == Truth.Unknown);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    private static EnterpriseFactSheet Sheet(int? establishedYear = null, IReadOnlyList<YearFigures>? figures = null, IReadOnlyList<TierHeld>? tiers = null) =>
        new(1, "测试", false, null, null, establishedYear, tiers ?? [], [], figures ?? [], new HashSet<string>());

    [Fact]
    public void Age_KnownOnlyByYear_IsUnknownAtTheBoundaryAndDecidedAwayFromIt()
    {
        var enterprise = Sheet(establishedYear: 2021);
        var profile = EnterpriseProfile.From(enterprise, new DateOnly(2026, 6, 1));
        Assert.Equal((4d, 5d), profile.AgeYears);
        Assert.Equal(Truth.Unknown, ConditionRules.Compile(ConditionRules.ParseLine("age < 5"))(profile));
        Assert.Equal(Truth.True, ConditionRules.Compile(ConditionRules.ParseLine("age <= 5"))(profile));
        Assert.Equal(Truth.False, ConditionRules.Compile(ConditionRules.ParseLine("age < 4"))(profile));
    }

    [Fact]
    public void Figures_AreTheLatestYearOnOrBeforeTheDate_AndTiersCountFromTheirYear()
    {
        var enterprise = Sheet(
            figures: [new(2023, 10_000_000m, 1_000_000m, null), new(2025, 30_000_000m, 1_500_000m, null)],
            tiers: [new(Tier.HighTech, 2025), new(Tier.SpecialisedSme, null)]);
        var then = EnterpriseProfile.From(enterprise, new DateOnly(2024, 3, 1));
        var now = EnterpriseProfile.From(enterprise, new DateOnly(2026, 3, 1));
        Assert.Equal((2023, 10_000_000d, 10d), (then.FiguresYear!.Value, then.Revenue!.Value, then.RdRatioPercent!.Value));
        Assert.Equal((2025, 30_000_000d, 5d), (now.FiguresYear!.Value, now.Revenue!.Value, now.RdRatioPercent!.Value));
        Assert.False(then.HasTier(Tier.HighTech));
        Assert.True(now.HasTier(Tier.HighTech));
        Assert.True(then.HasTier(Tier.SpecialisedSme));
    }

    private static ConditionWording Wording(bool english) => new(
        new Dictionary<string, (string, string)> { ["sip"] = ("苏州工业园区", "Suzhou Industrial Park"), ["wuzhong"] = ("吴中区", "Wuzhong District") },
        new Dictionary<string, (string, string)> { ["vision"] = ("计算机视觉", "Computer vision") },
        english);

    [Theory]
    [InlineData("营业收入 >= 2000万元", "revenue >= 20000000", "营业收入不低于2,000万元", "Revenue at least CNY 20 m")]
    [InlineData("研发投入占营业收入比例 >= 5%", "rd-ratio >= 5", "研发投入占营业收入比例不低于5%", "R&D share of revenue at least 5%")]
    [InlineData("tier in 专精特新企业,little-giant", "tier in specialised-sme,little-giant", "企业梯队属于专精特新企业或专精特新“小巨人”", "Cultivation tier: Specialised-and-innovative SME or \"Little giant\"")]
    [InlineData("age between 1..5", "age between 1..5", "成立年限在1年至5年之间", "Years since founding between 1 year and 5 years")]
    [InlineData("algorithm-filing is 是", "algorithm-filing is true", "已有深度合成算法备案", "Has: algorithm filing")]
    [InlineData("district in sip,wuzhong", "district in sip,wuzhong", "所属板块属于苏州工业园区或吴中区", "District: Suzhou Industrial Park or Wuzhong District")]
    [InlineData("chain not-in vision", "chain not-in vision", "产业链环节不属于计算机视觉", "Chain node: none of Computer vision")]
    public void ParseLine_ReadsTheEditorsForm_AndReadsBackInEitherLanguageWithNamesNotCodes(string line, string stored, string chinese, string english)
    {
        var condition = ConditionRules.ParseLine(line);
        Assert.Null(condition.Flag);
        Assert.Equal(stored, ConditionRules.ToLine(condition));
        Assert.Equal(chinese, Wording(english: false).Describe(condition));
        Assert.Equal(english, Wording(english: true).Describe(condition));
    }

    [Fact]
    public void EnterpriseValue_NamesTheDistrictAndTiers_AndAFailureShowsItBesideTheCondition()
    {
        var sheet = new EnterpriseFactSheet(1, "测试", false, "wuzhong", null, 2020, [new(Tier.HighTech, 2024)], [], [new(2025, 8_000_000m, null, null)], new HashSet<string>());
        var profile = EnterpriseProfile.From(sheet, new DateOnly(2026, 6, 1));
        var (chinese, english) = (Wording(english: false), Wording(english: true));
        Assert.Equal("吴中区", chinese.EnterpriseValue(ConditionFields.Find("district")!, profile));
        Assert.Equal("High-tech enterprise", english.EnterpriseValue(ConditionFields.Find("tier")!, profile));
        var revenue = ConditionRules.ParseLine("revenue >= 10000000");
        Assert.Equal("营业收入不低于1,000万元（现为800万元）", chinese.WithValue(chinese.Describe(revenue), chinese.EnterpriseValue(ConditionFields.Find("revenue")!, profile)));
        Assert.Equal("Revenue at least CNY 10 m (now CNY 8 m)", english.WithValue(english.Describe(revenue), english.EnterpriseValue(ConditionFields.Find("revenue")!, profile)));
    }

    [Theory]
    [InlineData("首版次软件认定", null, null, ConditionFlags.UnknownField)]
    [InlineData(null, "patents", ">= 3", ConditionFlags.UnknownField)]
    [InlineData(null, "age", "between 10..2", ConditionFlags.ImpossibleRange)]
    [InlineData(null, "employees", "< 0", ConditionFlags.ImpossibleRange)]
    [InlineData(null, "rd-ratio", ">= 150", ConditionFlags.ImpossibleRange)]
    [InlineData(null, "revenue", ">= 很多", ConditionFlags.BadValue)]
    [InlineData(null, "tier", "in 不存在的梯队", ConditionFlags.BadValue)]
    public void BadConditions_AreKeptAsTextWithAFlag_AndAnswerUnknown(string? text, string? field, string? rest, string flag)
    {
        var condition = text is not null ? ConditionRules.ParseLine(text) : ConditionRules.ParseLine($"{field} {rest}");
        Assert.Equal(flag, condition.Flag);
        Assert.False(string.IsNullOrEmpty(condition.Text));
        Assert.Equal(Truth.Unknown, ConditionRules.Compile(condition)(new EnterpriseProfile { Revenue = 1, AgeYears = (3, 3), Employees = 5, Tiers = ulong.MaxValue }));
    }

    [Fact]
    public void Support_EstimatesTheMaximum_AndNeverForADeferredAmount()
    {
        var profile = new EnterpriseProfile { RdSpend = 30_000_000 };
        Assert.Equal(3_000_000m, new SupportTerms(SupportMethod.Subsidy, RatePercent: 10, RateBase: "rd-spend", Cap: 5_000_000m).EstimateMaximum(profile));
        Assert.Equal(5_000_000m, new SupportTerms(SupportMethod.Subsidy, RatePercent: 10, RateBase: "rd-spend", Cap: 5_000_000m).EstimateMaximum(new EnterpriseProfile { RdSpend = 90_000_000 }));
        Assert.Equal(5_000_000m, new SupportTerms(SupportMethod.Subsidy, RatePercent: 10, RateBase: "rd-spend", Cap: 5_000_000m).EstimateMaximum(new EnterpriseProfile()));
        Assert.Equal(100_000_000m, new SupportTerms(SupportMethod.Subsidy, Cap: 100_000_000m).EstimateMaximum(profile));
        Assert.Null(new SupportTerms(SupportMethod.Award, AmountText: "一事一议", Undetermined: true).EstimateMaximum(profile));
        Assert.Equal("按研发投入的10%，最高500万元", new SupportTerms(SupportMethod.Subsidy, RatePercent: 10, RateBase: "rd-spend", Cap: 5_000_000m).Describe());
        Assert.Equal("10% of R&D spend, up to CNY 5 m", new SupportTerms(SupportMethod.Subsidy, RatePercent: 10, RateBase: "rd-spend", Cap: 5_000_000m).Describe(english: true));
        Assert.Equal("购房补贴: up to CNY 10 m", new SupportTerms(SupportMethod.Subsidy, Cap: 10_000_000m, Label: "购房补贴").Describe(english: true));
        Assert.Equal("最高1,000万元购房补贴", new SupportTerms(SupportMethod.Subsidy, Cap: 10_000_000m, Label: "购房补贴").Describe());
        Assert.Equal("amount to be decided", new SupportTerms(SupportMethod.Award, Undetermined: true).Describe(english: true));
    }
}
