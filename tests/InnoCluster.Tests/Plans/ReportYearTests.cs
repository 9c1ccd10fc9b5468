using InnoCluster.Features.Plans;

namespace InnoCluster.Tests.Plans;

/// <summary>Which year an annual report covers when none is asked for.</summary>
public sealed class ReportYearTests
{
    [Theory]
    [InlineData(2023, 2025, 2026, 2025)] // the plan has ended: its last year
    [InlineData(2023, 2025, 2030, 2025)]
    [InlineData(2023, 2025, 2025, 2024)] // during the plan: the year just ended
    [InlineData(2023, 2025, 2024, 2023)]
    [InlineData(2023, 2025, 2023, null)] // no year of the plan has ended yet: "to date"
    [InlineData(2023, null, 2026, 2025)] // an open-ended plan: the year just ended
    [InlineData(null, 2025, 2026, null)] // a plan without a start year: "to date"
    public void DefaultYear_IsThePlansLastCompleteYear(int? start, int? end, int thisYear, int? expected) =>
        Assert.Equal(expected, ActionPlan.LastCompleteYear(start, end, thisYear));

    [Theory]
    [InlineData(2024, false, 2024)] // the year asked
    [InlineData(null, false, 2025)] // none asked: the last complete year
    [InlineData(2025, true, null)] // to date wins
    [InlineData(2026, false, null)] // the current year has not ended: to date
    public void ReportYear_IsTheYearAsked_TheLastCompleteOne_OrToDate(int? asked, bool toDate, int? expected) =>
        Assert.Equal(expected, ActionPlan.ReportYear(asked, toDate, 2023, 2025, 2026));
}
