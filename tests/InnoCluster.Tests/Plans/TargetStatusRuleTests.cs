using InnoCluster.Features.Plans;
using InnoCluster.Text;

namespace InnoCluster.Tests.Plans;

public sealed class TargetStatusRuleTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Theory]
    [InlineData(25, "MoreThan", 39, "2024-12-31", TargetStatus.Met)]
    [InlineData(25, "MoreThan", 25, "2024-12-31", TargetStatus.OnTrack)] // not yet "more than", but 100 % of the way with 2/3 of the time gone
    [InlineData(2500, "MoreThan", 2300, "2024-12-31", TargetStatus.OnTrack)] // 92 % done, 67 % of the time gone
    [InlineData(2500, "MoreThan", 1500, "2024-12-31", TargetStatus.AtRisk)] // 60 %: at least 80 % of 67 %
    [InlineData(2500, "MoreThan", 1000, "2024-12-31", TargetStatus.Behind)] // 40 %
    [InlineData(20, "About", 19, "2024-12-31", TargetStatus.Met)] // 左右: within 5 %
    [InlineData(120, "Exact", 40, "2023-12-31", TargetStatus.OnTrack)] // a third done after the first of three years
    public void Evaluate_AppliesTheStatedRule(int target, string qualifier, int latest, string on, TargetStatus expected) =>
        Assert.Equal(expected, TargetStatusRule.Evaluate(target, null, Enum.Parse<Qualifier>(qualifier), TargetPeriod.ByDeadline, 2023, 2025, latest, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void Evaluate_NoValue_IsNoData_AndPastTheDeadlineUnmet_IsBehind()
    {
        Assert.Equal(TargetStatus.NoData, TargetStatusRule.Evaluate(25, null, Qualifier.MoreThan, TargetPeriod.ByDeadline, 2023, 2025, null, null, Today));
        Assert.Equal(TargetStatus.Behind, TargetStatusRule.Evaluate(25, null, Qualifier.MoreThan, TargetPeriod.ByDeadline, 2023, 2025, 24, new DateOnly(2025, 12, 31), new DateOnly(2026, 3, 1)));
        Assert.Equal(TargetStatus.Met, TargetStatusRule.Evaluate(25, null, Qualifier.MoreThan, TargetPeriod.ByDeadline, 2023, 2025, 26, new DateOnly(2025, 12, 31), new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Evaluate_AnnualTarget_ComparesTheYearsValue()
    {
        Assert.Equal(TargetStatus.Met, TargetStatusRule.Evaluate(20, null, Qualifier.About, TargetPeriod.Annual, 2023, null, 21, new DateOnly(2024, 12, 31), Today));
        Assert.Equal(TargetStatus.AtRisk, TargetStatusRule.Evaluate(20, null, Qualifier.About, TargetPeriod.Annual, 2023, null, 17, new DateOnly(2024, 12, 31), Today));
        Assert.Equal(TargetStatus.Behind, TargetStatusRule.Evaluate(20, null, Qualifier.About, TargetPeriod.Annual, 2023, null, 10, new DateOnly(2024, 12, 31), Today));
    }
}
