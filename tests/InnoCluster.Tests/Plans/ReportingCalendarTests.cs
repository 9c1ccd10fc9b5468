using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;

namespace InnoCluster.Tests.Plans;

/// <summary>The quarterly reporting rule and the computed-indicator specs, without a host.</summary>
public sealed class ReportingCalendarTests
{
    [Theory]
    [InlineData("2025-Q3", 2025, 3)]
    [InlineData("2025q1", 2025, 1)]
    [InlineData(" 2024-Q4 ", 2024, 4)]
    public void TryParse_ReadsYearAndQuarter(string text, int year, int quarter)
    {
        Assert.True(ReportingCalendar.TryParse(text, out var period));
        Assert.Equal(new ReportingPeriod(year, quarter), period);
    }

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("2025-Q0")]
    [InlineData("2025年第三季度")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RefusesWhatIsNotAQuarter(string? text) => Assert.False(ReportingCalendar.TryParse(text, out _));

    [Fact]
    public void Period_HasItsDaysAndIsDueFifteenDaysAfter()
    {
        var q4 = new ReportingPeriod(2025, 4);
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 15)), (q4.Start, q4.End, q4.Due));
        Assert.Equal(new ReportingPeriod(2026, 1), q4.Next);
        Assert.Equal(new ReportingPeriod(2024, 4), new ReportingPeriod(2025, 1).Previous);
        Assert.Equal("2025-Q4", q4.ToString());
        Assert.Equal("2025年第四季度", q4.Chinese);
        Assert.Equal(new ReportingPeriod(2024, 2), ReportingPeriod.Of(new DateOnly(2024, 6, 30)));
    }

    [Theory]
    [InlineData("2023-04-14", null)] // the plan's first quarter is not due until 15 April 2023
    [InlineData("2023-04-15", "2023-Q1")]
    [InlineData("2024-08-01", "2024-Q2")]
    [InlineData("2024-07-15", "2024-Q2")]
    [InlineData("2024-07-14", "2024-Q1")]
    [InlineData("2026-11-23", "2025-Q4")] // after the plan: its last quarter stays the one due
    public void LatestDue_IsTheNewestQuarterPastItsDueDate_WithinThePlan(string today, string? expected) =>
        Assert.Equal(expected, ReportingCalendar.LatestDue(2023, 2025, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))?.ToString());

    [Theory]
    [InlineData("tiers:listed,unicorn", new[] { Tier.Listed, Tier.Unicorn }, null)]
    [InlineData("tiers:lead-goose, lead-goose", new[] { Tier.LeadGoose }, null)]
    [InlineData("scenarios:landed", new Tier[0], DockingStage.Landed)]
    [InlineData("scenarios:demonstration", new Tier[0], DockingStage.Demonstration)]
    public void ComputedIndicator_ParsesTheListedSpecs(string spec, Tier[] tiers, DockingStage? stage)
    {
        Assert.True(ComputedIndicator.TryParse(spec, out var indicator));
        Assert.Equal(tiers, indicator.Tiers);
        Assert.Equal(stage, indicator.AtLeastStage);
    }

    [Theory]
    [InlineData("tiers:listed,unicorn@foundation", "foundation")]
    [InlineData("tiers:listed@*", "*")]
    [InlineData("tiers:listed", null)]
    public void ComputedIndicator_ReadsTheChainNodeAfterTheAt(string spec, string? node)
    {
        Assert.True(ComputedIndicator.TryParse(spec, out var indicator));
        Assert.Equal(node, indicator.Node);
    }

    [Theory]
    [InlineData("tiers:listed@")]
    [InlineData("tiers:listed@a b")]
    [InlineData("tiers:")]
    [InlineData("tiers:listed,nonsense")]
    [InlineData("scenarios:signed")]
    [InlineData("calls:")]
    [InlineData("calls:DemonstrationProject")]
    [InlineData("SELECT COUNT(*) FROM enterprises")]
    [InlineData(null)]
    public void ComputedIndicator_RefusesAnythingElse(string? spec) => Assert.False(ComputedIndicator.TryParse(spec, out _));

    [Fact]
    public void ComputedIndicator_SaysWhatItCountsAndWhereToCheck()
    {
        Assert.True(ComputedIndicator.TryParse("tiers:unicorn", out var unicorns));
        Assert.Equal("/enterprises?tier=unicorn", unicorns.Link);
        Assert.Contains("独角兽", unicorns.Describe(), StringComparison.Ordinal);
        Assert.True(ComputedIndicator.TryParse("scenarios:landed", out var landed));
        Assert.Equal("/scenarios", landed.Link);
        Assert.True(ComputedIndicator.TryParse("calls:first-edition-software", out var software));
        Assert.Equal((InnoCluster.Features.Calls.CallProgramme.FirstEditionSoftware, ComputedIndicator.Counted.CallResults, "/calls?programme=FirstEditionSoftware"), (software.Programme!.Value, software.Kind, software.Link));
        Assert.Contains("首版次软件", software.Describe(), StringComparison.Ordinal);
        Assert.Equal("calls:first-edition-software", ComputedIndicator.Compose(ComputedIndicator.Counted.CallResults, [], null, InnoCluster.Features.Calls.CallProgramme.FirstEditionSoftware));
    }

    [Theory]
    [InlineData("智能芯片、智能传感器、语音识别、自然语言处理等核心技术领域", "智能芯片|智能传感器|语音识别|自然语言处理")]
    [InlineData("智慧城市软件开发、智能装备与机器人", "智慧城市软件开发|智能装备|机器人")]
    [InlineData(null, "")]
    public void DistrictSpecialities_SplitsThePlansFields(string? text, string expected) =>
        Assert.Equal(expected, string.Join("|", DistrictSpecialities.Fields(text)));
}
