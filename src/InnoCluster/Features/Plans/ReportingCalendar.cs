using System.Globalization;
using System.Text.RegularExpressions;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Plans;

/// <summary>A reporting period: a quarter of a year.</summary>
public readonly record struct ReportingPeriod(int Year, int Quarter) : IComparable<ReportingPeriod>
{
    public DateOnly Start => new(Year, (Quarter * 3) - 2, 1);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>A quarter's report is due <see cref="ReportingCalendar.DueDays"/> days after it ends.</summary>
    public DateOnly Due => End.AddDays(ReportingCalendar.DueDays);

    public ReportingPeriod Next => Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);

    public ReportingPeriod Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    public int CompareTo(ReportingPeriod other) => (Year * 4) + Quarter - ((other.Year * 4) + other.Quarter);

    public static bool operator <(ReportingPeriod a, ReportingPeriod b) => a.CompareTo(b) < 0;

    public static bool operator >(ReportingPeriod a, ReportingPeriod b) => a.CompareTo(b) > 0;

    public static bool operator <=(ReportingPeriod a, ReportingPeriod b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ReportingPeriod a, ReportingPeriod b) => a.CompareTo(b) >= 0;

    public static ReportingPeriod Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");

    public string Chinese => string.Create(CultureInfo.InvariantCulture, $"{Year}年第{"一二三四"[Quarter - 1]}季度");
}

/// <summary>
/// The reporting rule, stated once: every task is reported on quarterly, from the plan's first quarter to its
/// last; a quarter's report is due 15 days after the quarter ends and is overdue when none is filed by
/// then; a quarter can be reported on from its first day (interim) until an official closes it.
/// </summary>
public static partial class ReportingCalendar
{
    public const int DueDays = 15;

    public const int MaxText = 8000;

    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        var match = text is null ? Match.Empty : PeriodPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        period = new ReportingPeriod(int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture), match.Groups["q"].Value[0] - '0');
        return true;
    }

    /// <summary>The latest quarter whose report is due by <paramref name="today"/>, within the plan; null before the first is due.</summary>
    public static ReportingPeriod? LatestDue(int startYear, int endYear, DateOnly today)
    {
        var period = ReportingPeriod.Of(today);
        while (period.Due > today)
        {
            period = period.Previous;
        }

        var last = new ReportingPeriod(endYear, 4);
        if (period > last)
        {
            period = last;
        }

        return period < new ReportingPeriod(startYear, 1) ? null : period;
    }

    /// <summary>The plan's quarters that have begun by <paramref name="today"/>, newest first: those a report can be filed for, unless closed.</summary>
    public static IEnumerable<ReportingPeriod> Begun(int startYear, int endYear, DateOnly today)
    {
        for (var period = new ReportingPeriod(endYear, 4); period >= new ReportingPeriod(startYear, 1); period = period.Previous)
        {
            if (period.Start <= today)
            {
                yield return period;
            }
        }
    }

    [GeneratedRegex(@"^(?<y>20\d{2})\s*-?\s*Q(?<q>[1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPattern();
}
