using System.Globalization;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>Which of a firm's yearly figures a <c>figures:</c> indicator reads.</summary>
[FeatureContract]
public enum FigureMeasure
{
    /// <summary>营业收入, kept in 元.</summary>
    Revenue = 1,

    /// <summary>研发投入, kept in 元.</summary>
    RdSpend = 2,

    /// <summary>从业人数.</summary>
    Employees = 3,

    /// <summary>授权专利: patents granted in the year.</summary>
    PatentsGranted = 4,

    /// <summary>有效专利: patents in force at the year's end.</summary>
    PatentsValid = 5,
}

/// <summary>
/// What a <c>figures:</c> indicator reads from the firms' yearly figures of the last full year before the day (a year's
/// figures are known only after it ends, so a count on a day in 2025 reads 2024's): <c>figures:revenue</c> sums the
/// registered firms' revenue in 元 (the measure of 核心产业规模, a target written in 元); <c>figures:revenue&gt;=50</c>
/// counts the firms with at least 50亿元 that year (超五十亿级企业); <c>figures:employees</c> sums staff and
/// <c>figures:patents-granted</c> the patents granted in the year (<c>figures:patents-valid&gt;=10</c>: firms holding ten or more).
/// </summary>
[FeatureContract]
public sealed record FigureCount(FigureMeasure Measure, decimal? AtLeast)
{
    public const string Prefix = "figures:";

    /// <summary>元 in one 亿元: a money threshold is written in 亿元, as the plans write revenue classes.</summary>
    private const decimal YuanPerYi = 100_000_000m;

    public static string Key(FigureMeasure measure) => measure switch
    {
        FigureMeasure.RdSpend => "rd-spend",
        FigureMeasure.PatentsGranted => "patents-granted",
        FigureMeasure.PatentsValid => "patents-valid",
        _ => measure.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether the indicator sums the measure (otherwise it counts the firms at or above the threshold).</summary>
    public bool Sums => AtLeast is null;

    /// <summary>The year a count on <paramref name="day"/> reads: the last full year before it (a year's figures are known only after it ends).</summary>
    public static int YearCounted(DateOnly day) => day.Year - 1;

    /// <summary>Whether the measure is money (kept in 元, thresholds written in 亿元).</summary>
    public bool IsMoney => Measure is FigureMeasure.Revenue or FigureMeasure.RdSpend;

    /// <summary>The units of the targets it measures: money sums in 元, staff in 人, patents in 件, firm counts in 家/个.</summary>
    public IReadOnlyList<string> Units => !Sums ? ["家", "个"] : IsMoney ? ["元"] : Measure == FigureMeasure.Employees ? ["人"] : ["件", "个"];

    /// <summary>The threshold as the figures keep it: 元 for money (the spec says 亿元), a plain number otherwise.</summary>
    public decimal? Threshold => AtLeast is { } min && IsMoney ? min * YuanPerYi : AtLeast;

    public static bool TryParseSpec(string? spec, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FigureCount? count)
    {
        count = null;
        if (spec is null || !spec.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (!TrySplitAtLeast(spec[Prefix.Length..], out var body, out var min) || !Enum.GetValues<FigureMeasure>().Any(m => Key(m) == body))
        {
            return false;
        }

        count = new FigureCount(Enum.GetValues<FigureMeasure>().First(m => Key(m) == body), min);
        return true;
    }

    /// <summary>A spec's body split at its threshold ("revenue&gt;=50" → "revenue", 50); false when the threshold is not a number above 0.</summary>
    internal static bool TrySplitAtLeast(string body, out string rest, out decimal? min)
    {
        (rest, min) = (body, null);
        if (body.IndexOf(">=", StringComparison.Ordinal) is not (var at and >= 0))
        {
            return true;
        }

        if (!decimal.TryParse(body[(at + 2)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        (rest, min) = (body[..at], amount);
        return true;
    }

    public string Spec => Prefix + Key(Measure) + (AtLeast is { } min ? ">=" + min.ToString(CultureInfo.InvariantCulture) : "");

    public (string Chinese, string English) Describe()
    {
        var (zh, en) = Measure switch
        {
            FigureMeasure.Revenue => ("营业收入", "revenue"),
            FigureMeasure.RdSpend => ("研发投入", "R&D spending"),
            FigureMeasure.PatentsGranted => ("授权专利数", "patents granted"),
            FigureMeasure.PatentsValid => ("年末有效专利数", "patents in force at the year's end"),
            _ => ("从业人数", "staff"),
        };
        if (AtLeast is { } min)
        {
            var amount = min.ToString(CultureInfo.InvariantCulture);
            var (least, leastEn) = IsMoney ? ($"{amount}亿元", $"{(min * 100).ToString("#,0.##", CultureInfo.InvariantCulture)} million yuan")
                : Measure == FigureMeasure.Employees ? ($"{amount}人", $"{amount} people") : ($"{amount}件", $"{amount}");
            return ($"上一完整年度{zh}达到{least}的登记库企业数", $"Registered firms whose {en} in the last full year reached {leastEn}");
        }

        return ($"登记库企业上一完整年度{zh}合计（未填报的企业不计）", $"Registered firms' {en} in the last full year, summed (firms that did not report add nothing)");
    }
}
